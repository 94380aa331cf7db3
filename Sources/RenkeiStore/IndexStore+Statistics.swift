internal import GRDB
package import RenkeiCore

/// Aggregates a dashboard needs, computed by SQLite over the graph tables.
extension IndexStore {
    package func partnerCounts(of key: EntityKey) throws(StoreError) -> PartnerCounts {
        // Each (partner, signing year) of the agreements the entity is party to.
        let partnerships = """
            SELECT partner.id AS partner, partner.kind AS kind, CAST(substr(a.signed, 1, 4) AS INTEGER) AS year
            FROM entity me
            JOIN relation mine ON mine.subject_id = me.id AND mine.predicate = 'party_to'
            JOIN entity a ON a.id = mine.object_id AND a.kind = 'agreement'
            JOIN relation theirs ON theirs.object_id = a.id AND theirs.predicate = 'party_to' AND theirs.subject_id != me.id
            JOIN entity partner ON partner.id = theirs.subject_id
            WHERE me.key = ?
            """
        return try read("read") { db in
            let byYear = try Row.fetchAll(
                db,
                sql: """
                    WITH p AS (\(partnerships)) SELECT kind, year, count(DISTINCT partner) FROM p
                    GROUP BY kind, year ORDER BY year IS NULL, year, kind
                    """, arguments: [key.rawValue]
            ).compactMap { row in EntityKind(rawValue: row[0]).map { PartnerCount(kind: $0, year: row[1], partners: row[2]) } }
            var totals: [EntityKind: Int] = [:]
            for row in try Row.fetchAll(
                db, sql: "WITH p AS (\(partnerships)) SELECT kind, count(DISTINCT partner) FROM p GROUP BY kind", arguments: [key.rawValue])
            {
                if let kind = EntityKind(rawValue: row[0]) { totals[kind] = row[1] }
            }
            return PartnerCounts(byYear: byYear, totals: totals)
        }
    }

    package func agreementCounts(groupedBy grouping: AgreementGrouping) throws(StoreError) -> [AgreementCount] {
        let sql: String
        switch grouping {
        case .year:
            sql = """
                SELECT substr(signed, 1, 4) AS value, substr(signed, 1, 4), count(*) FROM entity
                WHERE kind = 'agreement' GROUP BY value ORDER BY value IS NULL, value
                """
        case .prefecture:
            // A prefecture's name is on its own entity; a city's in its `prefecture` column.
            sql = """
                SELECT substr(p.code, 1, 2) AS value, max(CASE WHEN p.kind = 'prefecture' THEN p.name ELSE p.prefecture END), count(DISTINCT a.id)
                FROM entity a JOIN relation r ON r.object_id = a.id AND r.predicate = 'party_to'
                JOIN entity p ON p.id = r.subject_id AND p.kind IN ('city', 'prefecture') AND p.code IS NOT NULL
                WHERE a.kind = 'agreement' GROUP BY value ORDER BY 3 DESC, value
                """
        case .partyKind:
            sql = """
                SELECT p.kind AS value, p.kind, count(DISTINCT a.id)
                FROM entity a JOIN relation r ON r.object_id = a.id AND r.predicate = 'party_to' JOIN entity p ON p.id = r.subject_id
                WHERE a.kind = 'agreement' GROUP BY value ORDER BY 3 DESC, value
                """
        }
        return try read("read") { db in
            try Row.fetchAll(db, sql: sql).map { AgreementCount(value: $0[0], label: $0[1], agreements: $0[2]) }
        }
    }
}
