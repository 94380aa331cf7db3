internal import GRDB
package import RenkeiCore

/// How the documents that match a search spread over cities, entity kinds and fiscal years.
/// Counts are documents (a table document counts once however many of its records match).
package struct SearchFacets: Hashable, Sendable, Codable {
    package struct City: Hashable, Sendable, Codable {
        package var id: Int64
        package var name: String
        package var prefecture: String?
        package var code: String?
        package var count: Int
    }

    package struct Kind: Hashable, Sendable, Codable {
        package var kind: EntityKind
        package var count: Int
    }

    package struct FiscalYear: Hashable, Sendable, Codable {
        package var fiscalYear: Int
        package var count: Int
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

extension IndexStore {
    /// The facets of the documents matching `query` under `filter`, at most `limit` values each.
    package func facets(_ query: SearchQuery, filter: SearchFilter = SearchFilter(), limit: Int = 20) throws(StoreError) -> SearchFacets {
        let plan = MatchPlan(query, filter: filter)
        return try read("search") { db in
            // One pass over the matches, shared by the four counts.
            let rows = try Row.fetchAll(db.cachedStatement(sql: """
                WITH matched(document_id) AS MATERIALIZED (
                    SELECT DISTINCT u.document_id FROM \(plan.table) JOIN unit u ON u.id = \(plan.table).rowid
                    WHERE \(plan.table) MATCH ?\(plan.checkSQL)
                )
                SELECT 'documents', NULL, NULL, NULL, NULL, count(*) FROM matched
                UNION ALL SELECT * FROM (
                    SELECT 'city', e.id, e.name, e.prefecture, e.code, count(DISTINCT n.document_id) AS c
                    FROM matched m JOIN entity_name n ON n.document_id = m.document_id JOIN entity e ON e.id = n.entity_id
                    WHERE e.kind = 'city' GROUP BY e.id ORDER BY c DESC, e.code LIMIT ?
                )
                UNION ALL SELECT * FROM (
                    SELECT 'kind', NULL, e.kind, NULL, NULL, count(DISTINCT n.document_id)
                    FROM matched m JOIN entity_name n ON n.document_id = m.document_id JOIN entity e ON e.id = n.entity_id
                    GROUP BY e.kind
                )
                UNION ALL SELECT * FROM (
                    SELECT 'year', y.fiscal_year, NULL, NULL, NULL, count(*)
                    FROM matched m JOIN document_year y ON y.document_id = m.document_id
                    GROUP BY y.fiscal_year ORDER BY y.fiscal_year DESC LIMIT ?
                )
                """), arguments: [plan.expression] + plan.checkArguments + [limit, limit])
            var facets = SearchFacets()
            for row in rows {
                let count: Int = row[5]
                switch row[0] as String {
                case "documents":
                    facets.documents = count
                case "city":
                    facets.cities.append(.init(id: row[1], name: row[2], prefecture: row[3], code: row[4], count: count))
                case "kind":
                    if let kind = EntityKind(rawValue: row[2]) { facets.kinds.append(.init(kind: kind, count: count)) }
                default:
                    facets.fiscalYears.append(.init(fiscalYear: row[1], count: count))
                }
            }
            facets.kinds.sort { ($0.count, $1.kind.rawValue) > ($1.count, $0.kind.rawValue) }
            return facets
        }
    }
}
