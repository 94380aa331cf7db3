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

    /// Counts in the order every backend answers them, at most `limit` cities and years:
    /// cities by count then code, kinds by count then name, years newest first.
    package init(documents: Int, cities: [City], kinds: [Kind], fiscalYears: [FiscalYear], limit: Int) {
        self.documents = documents
        self.cities = Array(
            cities.sorted { ($0.count, $1.code ?? "", $1.key.rawValue) > ($1.count, $0.code ?? "", $0.key.rawValue) }.prefix(limit))
        self.kinds = kinds.filter { $0.count > 0 }.sorted { ($0.count, $1.kind.rawValue) > ($1.count, $0.kind.rawValue) }
        self.fiscalYears = Array(fiscalYears.sorted { $0.fiscalYear > $1.fiscalYear }.prefix(limit))
    }
}
