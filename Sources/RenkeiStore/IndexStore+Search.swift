internal import GRDB
package import RenkeiCore

/// One ranked result: a document's own text, or one record of a table document.
package struct RankedUnit: Hashable, Sendable {
    package var document: DocumentID
    /// The record's number; nil for the document's own text.
    package var recordNumber: Int?
    package var title: String
    package var text: String
    /// bm25 with the title weighted above the body; lower is better (SQLite's sign).
    package var score: Double

    /// `002_….txt` for a document, `002_….txt#5` for its fifth record.
    package var id: String {
        recordNumber.map { "\(document.rawValue)#\($0)" } ?? document.rawValue
    }
}

/// A page of ranked results and how many units match in all.
package struct RankedPage: Hashable, Sendable {
    package var total: Int
    package var units: [RankedUnit]
}

extension IndexStore {
    /// bm25 column weights: title, body.
    static let rankWeights = (title: 10.0, body: 1.0)

    /// Units matching `query`, best first.
    package func search(
        _ query: SearchQuery, filter: SearchFilter = SearchFilter(), limit: Int, offset: Int = 0
    ) throws(StoreError) -> RankedPage {
        let plan = MatchPlan(query, filter: filter)
        return try read("search") { db in
            let arguments: StatementArguments = [plan.expression] + plan.checkArguments
            let total = try Int.fetchOne(db.cachedStatement(sql: """
                SELECT count(*) FROM \(plan.table) WHERE \(plan.table) MATCH ?\(plan.checkSQL)
                """), arguments: arguments) ?? 0
            guard total > offset, limit > 0 else { return RankedPage(total: total, units: []) }
            let rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT d.key, u.record_number, d.title, ifnull(u.text, d.body), m.score FROM (
                    SELECT rowid, \(plan.rank) AS score
                    FROM \(plan.table) WHERE \(plan.table) MATCH ?\(plan.checkSQL)
                    ORDER BY score, rowid LIMIT ? OFFSET ?
                ) AS m JOIN unit AS u ON u.id = m.rowid JOIN document AS d ON d.id = u.document_id
                ORDER BY m.score, m.rowid
                """), arguments: arguments + [limit, offset])
            let units = rows.map { row in
                RankedUnit(document: DocumentID(rawValue: row[0]), recordNumber: row[1], title: row[2], text: row[3], score: row[4])
            }
            return RankedPage(total: total, units: units)
        }
    }

    /// Every document with a unit matching `query`, unranked: the benchmark's measure of the index itself.
    package func matchingDocumentIDs(_ query: SearchQuery, filter: SearchFilter = SearchFilter()) throws(StoreError) -> [DocumentID] {
        let plan = MatchPlan(query, filter: filter)
        return try read("search") { db in
            try String.fetchAll(db.cachedStatement(sql: """
                SELECT DISTINCT d.key FROM \(plan.table) JOIN unit AS u ON u.id = \(plan.table).rowid JOIN document AS d ON d.id = u.document_id
                WHERE \(plan.table) MATCH ?\(plan.checkSQL)
                """), arguments: [plan.expression] + plan.checkArguments
            ).map(DocumentID.init(rawValue:))
        }
    }
}
