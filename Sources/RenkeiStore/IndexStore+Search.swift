internal import GRDB
package import RenkeiCore

/// One ranked result, with the stored text needed to show it.
package struct RankedDocument: Hashable, Sendable {
    package var id: DocumentID
    package var title: String
    package var body: String
    /// bm25 with the title weighted above the body; lower is better (SQLite's sign).
    package var score: Double
}

/// A page of ranked results and how many documents match in all.
package struct RankedPage: Hashable, Sendable {
    package var total: Int
    package var documents: [RankedDocument]
}

extension IndexStore {
    /// bm25 column weights: title, body.
    static let rankWeights = (title: 10.0, body: 1.0)

    /// Documents matching `query`, best first.
    package func search(_ query: SearchQuery, limit: Int, offset: Int = 0) throws(StoreError) -> RankedPage {
        let plan = MatchPlan(query)
        return try read("search") { db in
            let arguments: StatementArguments = [plan.expression] + plan.checkArguments
            let total = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM document_fts WHERE document_fts MATCH ?\(plan.checkSQL)
                """, arguments: arguments) ?? 0
            guard total > offset, limit > 0 else { return RankedPage(total: total, documents: []) }
            let rows = try Row.fetchAll(db, sql: """
                SELECT d.key, d.title, d.body, m.score FROM (
                    SELECT rowid, bm25(document_fts, \(Self.rankWeights.title), \(Self.rankWeights.body)) AS score
                    FROM document_fts WHERE document_fts MATCH ?\(plan.checkSQL)
                    ORDER BY score, rowid LIMIT ? OFFSET ?
                ) AS m JOIN document AS d ON d.id = m.rowid
                ORDER BY m.score, m.rowid
                """, arguments: arguments + [limit, offset])
            let documents = rows.map { row in
                RankedDocument(id: DocumentID(rawValue: row[0]), title: row[1], body: row[2], score: row[3])
            }
            return RankedPage(total: total, documents: documents)
        }
    }

    /// Every document matching `query`, unranked: the benchmark's measure of the index itself.
    package func matchingDocumentIDs(_ query: SearchQuery) throws(StoreError) -> [DocumentID] {
        let plan = MatchPlan(query)
        return try read("search") { db in
            try String.fetchAll(db, sql: """
                SELECT d.key FROM document_fts JOIN document AS d ON d.id = document_fts.rowid
                WHERE document_fts MATCH ?\(plan.checkSQL)
                """, arguments: [plan.expression] + plan.checkArguments
            ).map(DocumentID.init(rawValue:))
        }
    }
}
