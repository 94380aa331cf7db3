internal import RenkeiCore

/// Counts the facets of the documents a search matches, each document once.
struct FacetCounter {
    private let catalog: SearchCatalog
    private var counted: [Bool]
    private var documents = 0
    private var cities: [Int64: Int] = [:]
    private var kinds = [Int](repeating: 0, count: EntityKind.allCases.count)
    private var years: [Int: Int] = [:]

    init(catalog: SearchCatalog) {
        self.catalog = catalog
        counted = [Bool](repeating: false, count: catalog.documents.count)
    }

    /// Counts the document at this position of the catalog, unless it was counted already.
    mutating func count(_ document: Int) {
        guard !counted[document] else { return }
        counted[document] = true
        documents += 1
        // Most documents name nothing and have no fiscal year: they are read field by field,
        // not copied whole (a copy retained and released its four arrays, for every match).
        var kindBits = catalog.documents[document].kinds
        guard kindBits != 0 || !catalog.documents[document].fiscalYears.isEmpty else { return }
        for city in catalog.documents[document].cities { cities[city, default: 0] += 1 } // a city is a kind: kindBits != 0
        while kindBits != 0 {
            kinds[kindBits.trailingZeroBitCount] += 1
            kindBits &= kindBits - 1
        }
        for year in catalog.documents[document].fiscalYears { years[year, default: 0] += 1 }
    }

    /// The counts, at most `limit` cities and years: cities by count then code, kinds by
    /// count then name, years newest first.
    func facets(limit: Int) -> SearchFacets {
        var facets = SearchFacets()
        facets.documents = documents
        facets.cities = cities.compactMap { id, count in
            catalog.cities[id].map { SearchFacets.City(key: $0.key, name: $0.name, prefecture: $0.prefecture, code: $0.code, count: count) }
        }
        .sorted { ($0.count, $1.code ?? "", $1.key.rawValue) > ($1.count, $0.code ?? "", $0.key.rawValue) }
        .prefix(limit).map { $0 }
        facets.kinds = EntityKind.allCases.enumerated().compactMap { position, kind in
            kinds[position] > 0 ? SearchFacets.Kind(kind: kind, count: kinds[position]) : nil
        }
        .sorted { ($0.count, $1.kind.rawValue) > ($1.count, $0.kind.rawValue) }
        facets.fiscalYears = years.keys.sorted(by: >).prefix(limit).map { SearchFacets.FiscalYear(fiscalYear: $0, count: years[$0]!) }
        return facets
    }
}
