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

    /// The counts, at most `limit` cities and years, in `SearchFacets`' order.
    func facets(limit: Int) -> SearchFacets {
        SearchFacets(
            documents: documents,
            cities: cities.compactMap { id, count in
                catalog.cities[id].map { SearchFacets.City(key: $0.key, name: $0.name, prefecture: $0.prefecture, code: $0.code, count: count) }
            },
            kinds: EntityKind.allCases.enumerated().map { position, kind in SearchFacets.Kind(kind: kind, count: kinds[position]) },
            fiscalYears: years.map { SearchFacets.FiscalYear(fiscalYear: $0, count: $1) }, limit: limit)
    }
}
