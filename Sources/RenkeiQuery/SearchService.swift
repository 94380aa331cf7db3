package import RenkeiCore

/// How search matches terms: `exact` as written (after NFKC and lower case), `loose` also
/// through 表記ゆれ (`LooseFold`: kana, small kana, ー, 々, blanks, kanji and spelling
/// variants), with loose hits after the exact ones.
package enum MatchMode: String, Hashable, Sendable, CaseIterable {
    case exact, loose
}

/// One search result as people and programs see it.
package struct SearchHit: Hashable, Sendable {
    package var rank: Int
    /// How it matched: `exact` hits come first, `loose` ones only through 表記ゆれ.
    package var match: MatchMode
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
    /// How the terms were matched.
    package var match: MatchMode = .exact
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
        _ text: String, filters: SearchFilters = SearchFilters(), limit: Int = 10, offset: Int = 0, facets: Bool = false,
        match: MatchMode = .exact
    ) throws -> SearchResults {
        let query = try SearchQuery(parsing: text, limits: limits)
        return try search(query, text: text, filters: filters, limit: limit, offset: offset, facets: facets, match: match)
    }

    func search(
        _ query: SearchQuery, text: String, filters: SearchFilters = SearchFilters(), limit: Int, offset: Int, facets: Bool = false,
        match: MatchMode = .exact
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
                query: text, total: 0, offset: offset, hits: [], filters: filters, facets: facets ? SearchFacets() : nil, notices: notices,
                match: match)
        }
        let terms = query.includedTerms
        let needles = match == .loose ? Self.looseNeedles(of: terms) : nil
        let page = try store.search(
            query, filter: filter, limit: limit, offset: offset, facets: facets, facetLimit: 20, looseNeedles: needles)
        let hits = page.units.enumerated().map { position, unit in
            // A record is found by its own text, not by its document's title.
            let title = unit.recordNumber.map { "\(unit.title) #\($0)" } ?? unit.title
            let loose = match == .loose
            return SearchHit(
                rank: offset + position + 1,
                match: unit.isLoose ? .loose : .exact,
                id: unit.id,
                document: unit.document.rawValue,
                record: unit.recordNumber,
                title: title,
                score: unit.score,
                titleHighlights: unit.recordNumber == nil
                    ? highlighter.highlights(of: terms, in: title, loose: loose).map { [$0.lowerBound, $0.upperBound] } : [],
                snippets: highlighter.snippets(of: terms, in: unit.text, loose: loose))
        }
        return SearchResults(
            query: text, total: page.total, offset: offset, hits: hits, filters: filters,
            facets: page.facets, notices: [], match: match)
    }

    /// Each term's loose needles (`LooseFold.needles`), by its normalised text.
    static func looseNeedles(of terms: [SearchTerm]) -> [String: [String]] {
        var needles: [String: [String]] = [:]
        for term in terms { needles[term.normalized] = LooseFold.needles(of: term.normalized) }
        return needles
    }
}
