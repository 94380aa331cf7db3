package import RenkeiCore

/// One search result as people and programs see it.
package struct SearchHit: Hashable, Sendable {
    package var rank: Int
    /// The document's id, or `document#record` for a record of a table.
    package var id: String
    package var document: String
    package var record: Int?
    package var title: String
    package var score: Double
    /// Scalar ranges of the title that match, as `[start, end]` pairs.
    package var titleHighlights: [[Int]]
    package var snippets: [Snippet]
}

/// A page of results.
package struct SearchResults: Hashable, Sendable {
    package var query: String
    package var total: Int
    package var offset: Int
    package var hits: [SearchHit]
    package var filters: SearchFilters
    /// How the matching documents spread over cities, kinds and fiscal years; nil when not asked for.
    package var facets: SearchFacets?
    /// Why a filter matched nothing (an unknown city or entity), for people to act on.
    package var notices: [String]
}

/// Search: query text in, ranked hits with highlighted snippets out.
struct SearchService: Sendable {
    let store: any IndexReading
    var highlighter = Highlighter()
    var limits = QueryLimits()
    /// The most results one page may ask for.
    static let maximumLimit = 1_000

    /// Runs the query language (`SearchQuery`) on the index.
    func search(
        _ text: String, filters: SearchFilters = SearchFilters(), limit: Int = 10, offset: Int = 0, facets: Bool = false
    ) throws -> SearchResults {
        let query = try SearchQuery(parsing: text, limits: limits)
        return try search(query, text: text, filters: filters, limit: limit, offset: offset, facets: facets)
    }

    func search(
        _ query: SearchQuery, text: String, filters: SearchFilters = SearchFilters(), limit: Int, offset: Int, facets: Bool = false
    ) throws -> SearchResults {
        guard (1...Self.maximumLimit).contains(limit) else {
            throw QueryError(.outOfRange, "The limit must be between 1 and \(Self.maximumLimit); it was \(limit).")
        }
        guard offset >= 0 else {
            throw QueryError(.outOfRange, "The offset must not be negative; it was \(offset).")
        }
        let (resolved, notices) = try filters.resolve(in: store)
        guard let filter = resolved else {
            return SearchResults(
                query: text, total: 0, offset: offset, hits: [], filters: filters, facets: facets ? SearchFacets() : nil, notices: notices)
        }
        let page = try store.search(query, filter: filter, limit: limit, offset: offset, facets: facets, facetLimit: 20)
        let terms = query.includedTerms
        let hits = page.units.enumerated().map { position, unit in
            // A record is found by its own text, not by its document's title.
            let title = unit.recordNumber.map { "\(unit.title) #\($0)" } ?? unit.title
            return SearchHit(
                rank: offset + position + 1,
                id: unit.id,
                document: unit.document.rawValue,
                record: unit.recordNumber,
                title: title,
                score: unit.score,
                titleHighlights: unit.recordNumber == nil
                    ? highlighter.highlights(of: terms, in: title).map { [$0.lowerBound, $0.upperBound] } : [],
                snippets: highlighter.snippets(of: terms, in: unit.text))
        }
        return SearchResults(
            query: text, total: page.total, offset: offset, hits: hits, filters: filters,
            facets: page.facets, notices: [])
    }
}
