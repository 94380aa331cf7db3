import GRDB
import RenkeiCore
import RenkeiTestSupport
import Testing

@testable import RenkeiStore

/// Search scores are FTS5's bm25 of the query as whole phrases, though the index is asked
/// for sparse phrases and `renkei_match` scores them.
@Suite struct RankingTests {
    @Test(arguments: [
        "連携協定", "包括連携協定", "協定", "日野市 協定", "連携協定 OR 地域活性化", "連携協定 -日野市",
        "まちづくり 連携協定 事業", "\"振興課 042-5\"", "ODA BEER",
    ])
    func scoresEqualBM25OfTheWholePhrases(text: String) throws {
        let (store, _) = try Fixtures.corpusStore()
        let query = try SearchQuery(parsing: text)
        let page = try store.search(query, limit: 10_000)
        let expected = try store.writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT d.key, u.record_number, bm25(unit_fts, \(IndexStore.rankWeights.title), \(IndexStore.rankWeights.body))
                    FROM unit_fts JOIN unit u ON u.id = unit_fts.rowid JOIN document d ON d.id = u.document_id
                    WHERE unit_fts MATCH ?
                    """, arguments: [Self.wholePhrases(query)])
        }
        #expect(!expected.isEmpty)
        #expect(page.total == expected.count)
        let scores = Dictionary(
            uniqueKeysWithValues: expected.map { row -> (String, Double) in
                let key: String = row[0], record: Int? = row[1]
                return (record.map { "\(key)#\($0)" } ?? key, row[2])
            })
        for unit in page.units {
            let bm25 = try #require(scores[unit.id])
            #expect(abs(unit.score - bm25) <= 1e-12 * abs(bm25), "\(unit.id): \(unit.score) vs \(bm25)")
        }
        #expect(page.units.map(\.score) == page.units.map(\.score).sorted())
    }

    /// The query as FTS5 phrases of whole terms: what `MatchPlan` asked for before sparse phrases.
    private static func wholePhrases(_ query: SearchQuery) -> String {
        var included: [String] = []
        var excluded: [String] = []
        for clause in query.clauses {
            switch clause {
            case .anyOf(let terms): included.append("(" + terms.map { MatchPlan.phrase($0.normalized) }.joined(separator: " OR ") + ")")
            case .excluding(let term): excluded.append(MatchPlan.phrase(term.normalized))
            }
        }
        return excluded.reduce(included.joined(separator: " AND ")) { "(\($0)) NOT \($1)" }
    }
}
