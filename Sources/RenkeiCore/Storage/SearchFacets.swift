/// How the documents that match a search spread over cities, entity kinds and fiscal years.
/// Counts are documents (a table document counts once however many of its records match).
package struct SearchFacets: Hashable, Sendable {
    package struct City: Hashable, Sendable {
        package var key: EntityKey
        package var name: String
        package var prefecture: String?
        package var code: String?
        package var count: Int

        package init(key: EntityKey, name: String, prefecture: String? = nil, code: String? = nil, count: Int) {
            self.key = key
            self.name = name
            self.prefecture = prefecture
            self.code = code
            self.count = count
        }
    }

    package struct Kind: Hashable, Sendable {
        package var kind: EntityKind
        package var count: Int

        package init(kind: EntityKind, count: Int) {
            self.kind = kind
            self.count = count
        }
    }

    package struct FiscalYear: Hashable, Sendable {
        package var fiscalYear: Int
        package var count: Int

        package init(fiscalYear: Int, count: Int) {
            self.fiscalYear = fiscalYear
            self.count = count
        }
    }

    /// Matching documents in all.
    package var documents = 0
    /// The cities the matching documents name, most documents first.
    package var cities: [City] = []
    /// Documents naming an entity of each kind, most first.
    package var kinds: [Kind] = []
    /// Newest first.
    package var fiscalYears: [FiscalYear] = []

    package init() {}
}
