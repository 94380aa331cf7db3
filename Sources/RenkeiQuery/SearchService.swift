package import RenkeiCore
package import RenkeiStore

/// One search result as people and programs see it.
package struct SearchHit: Hashable, Sendable, Codable {
    package var rank: Int
    package var id: String
    package var title: String
    package var score: Double
    /// Scalar ranges of the title that match, as `[start, end]` pairs.
    package var titleHighlights: [[Int]]
    package var snippets: [Snippet]
}

/// A page of results.
package struct SearchResults: Hashable, Sendable, Codable {
    package var query: String
    package var total: Int
    package var offset: Int
    package var hits: [SearchHit]
}

/// Search: query text in, ranked hits with highlighted snippets out.
package struct SearchService: Sendable {
    package let store: IndexStore
    package var highlighter = Highlighter()
    package var limits = QueryLimits()
    /// The most results one page may ask for.
    package static let maximumLimit = 1_000

    package init(store: IndexStore) {
        self.store = store
    }

    /// Runs the query language (`SearchQuery`) on the index.
    package func search(_ text: String, limit: Int = 10, offset: Int = 0) throws -> SearchResults {
        let query = try SearchQuery(parsing: text, limits: limits)
        return try search(query, text: text, limit: limit, offset: offset)
    }

    package func search(_ query: SearchQuery, text: String, limit: Int, offset: Int) throws -> SearchResults {
        guard (1...Self.maximumLimit).contains(limit) else {
            throw QueryError(.outOfRange, "The limit must be between 1 and \(Self.maximumLimit); it was \(limit).")
        }
        guard offset >= 0 else {
            throw QueryError(.outOfRange, "The offset must not be negative; it was \(offset).")
        }
        let page = try store.search(query, limit: limit, offset: offset)
        let terms = query.includedTerms
        let hits = page.documents.enumerated().map { position, document in
            SearchHit(
                rank: offset + position + 1,
                id: document.id.rawValue,
                title: document.title,
                score: document.score,
                titleHighlights: highlighter.highlights(of: terms, in: document.title).map { [$0.lowerBound, $0.upperBound] },
                snippets: highlighter.snippets(of: terms, in: document.body))
        }
        return SearchResults(query: text, total: page.total, offset: offset, hits: hits)
    }
}
