internal import Foundation
package import RenkeiCore

/// The graph questions, as the SQLite store asks them (`IndexStore+Graph.swift`), in PostgreSQL.
extension PostgresStore {
    /// The columns of an `EntitySummary`, of the entity aliased `e`.
    static let summaryColumns = """
        e.key, e.kind, e.name, e.prefecture, e.code, (SELECT count(DISTINCT n.document_id) FROM entity_name n WHERE n.entity_id = e.id)
        """

    static func summary(_ row: SQLRow, offset: Int = 0) -> EntitySummary? {
        guard let key = EntityKey(storedRawValue: row.string(offset)) else { return nil }
        return EntitySummary(
            key: key, kind: EntityKind(rawValue: row.string(offset + 1)) ?? key.kind, name: row.string(offset + 2),
            prefecture: row.optionalString(offset + 3), code: row.optionalString(offset + 4), documents: row.int(offset + 5))
    }

    private func summaries(_ sql: String, _ arguments: [SQLValue] = []) throws(StoreError) -> [EntitySummary] {
        try read("read") { session in try session.fetch(sql, arguments).compactMap { Self.summary($0) } }
    }

    package func entities(kind: EntityKind?, namePrefix: String?, limit: Int) throws(StoreError) -> [EntitySummary] {
        var conditions: [String] = []
        var arguments: [SQLValue] = []
        if let kind {
            conditions.append("e.kind = ?")
            arguments.append(.text(kind.rawValue))
        }
        if let namePrefix, !namePrefix.isEmpty {
            conditions.append("EXISTS (SELECT 1 FROM entity_name n WHERE n.entity_id = e.id AND left(n.name, length(?)) = ?)")
            arguments += [.text(namePrefix), .text(namePrefix)]
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try summaries(
            "SELECT \(Self.summaryColumns) FROM entity e \(filter) ORDER BY 6 DESC, e.kind, e.name, e.key LIMIT ?", arguments + [.int(limit)])
    }

    package func entities(code: String) throws(StoreError) -> [EntitySummary] {
        try summaries("SELECT \(Self.summaryColumns) FROM entity e WHERE e.code = ? ORDER BY e.key", [.text(code)])
    }

    package func entities(named name: String) throws(StoreError) -> [EntitySummary] {
        try summaries(
            """
            SELECT \(Self.summaryColumns) FROM entity e
            WHERE e.name = ? OR EXISTS (SELECT 1 FROM entity_name n WHERE n.entity_id = e.id AND n.name = ?)
            ORDER BY 6 DESC, e.key
            """, [.text(name), .text(name)])
    }

    package func entities(inDocument id: DocumentID) throws(StoreError) -> [EntitySummary] {
        try summaries(
            """
            SELECT DISTINCT \(Self.summaryColumns) FROM entity e
            JOIN entity_name n ON n.entity_id = e.id JOIN document d ON d.id = n.document_id
            WHERE d.key = ? ORDER BY e.kind, e.name, e.key
            """, [.text(id.rawValue)])
    }

    package func entity(_ key: EntityKey) throws(StoreError) -> EntityDetail? {
        try read("read") { session in try Self.entity(key, in: session) }
    }

    static let detailColumns = "\(summaryColumns), e.corporate_number, e.signed, e.topics, e.amount_yen, e.fiscal_year, e.id"

    /// An entity's detail from a row of `detailColumns`, with these aliases and mentions.
    static func detail(_ row: SQLRow, aliases: [String], mentions: [EntityDetail.Mention]) -> EntityDetail? {
        guard let summary = summary(row) else { return nil }
        let topics = (try? JSONDecoder().decode([String].self, from: Data(row.string(8).utf8))) ?? []
        return EntityDetail(
            summary: summary, aliases: aliases, corporateNumber: row.optionalString(6), signed: row.optionalString(7), topics: topics,
            amountYen: row.optionalInt(9), fiscalYear: row.optionalInt(10), mentions: mentions)
    }

    static func entity(_ key: EntityKey, in session: Session) throws -> EntityDetail? {
        guard let row = try session.fetchOne("SELECT \(detailColumns) FROM entity e WHERE e.key = ?", [.text(key.rawValue)]) else { return nil }
        let id = row.int(11)
        let aliases = try session.fetch(
            "SELECT DISTINCT name FROM entity_name WHERE entity_id = ? AND name <> ? ORDER BY name", [.int(id), .text(row.string(2))]
        ).map { $0.string(0) }
        let mentions = try session.fetch(
            """
            SELECT d.key, m.start, m."end" FROM mention m JOIN document d ON d.id = m.document_id
            WHERE m.entity_id = ? ORDER BY d.key, m.start
            """, [.int(id)]
        ).map { EntityDetail.Mention(document: $0.string(0), start: $0.int(1), end: $0.int(2)) }
        return detail(row, aliases: aliases, mentions: mentions)
    }

    package func relations(of key: EntityKey, predicate: RelationPredicate?) throws(StoreError) -> [RelationEdge] {
        try read("read") { session in
            var edges: [RelationEdge] = []
            guard let id = try Self.ids(of: [key], in: session)[key] else { return edges }
            let sides = [(RelationEdge.Direction.outgoing, "subject_id", "object_id"), (.incoming, "object_id", "subject_id")]
            for (direction, mine, other) in sides {
                let rows = try session.fetch(
                    """
                    SELECT r.predicate, d.key, r.evidence, r.evidence_start, r.evidence_end, \(Self.summaryColumns)
                    FROM relation r JOIN entity e ON e.id = r.\(other) JOIN document d ON d.id = r.document_id
                    WHERE r.\(mine) = ? AND (?::text IS NULL OR r.predicate = ?::text)
                    ORDER BY r.predicate, e.name, e.key, d.key
                    """, [.int(Int(id)), .text(predicate?.rawValue), .text(predicate?.rawValue)])
                for row in rows {
                    guard let predicate = RelationPredicate(rawValue: row.string(0)), let other = Self.summary(row, offset: 5) else { continue }
                    edges.append(
                        RelationEdge(
                            predicate: predicate, direction: direction, other: other, document: row.string(1), evidence: row.optionalString(2),
                            evidenceStart: row.optionalInt(3), evidenceEnd: row.optionalInt(4)))
                }
            }
            let briefs = try Self.agreementBriefs(Set(edges.map(\.other.key).filter { $0.kind == .agreement }), in: session)
            for index in edges.indices { edges[index].agreement = briefs[edges[index].other.key] }
            return edges
        }
    }

    /// The date and parties of each of these agreements, in two queries.
    private static func agreementBriefs(_ keys: Set<EntityKey>, in session: Session) throws -> [EntityKey: AgreementBrief] {
        guard !keys.isEmpty else { return [:] }
        let list: [SQLValue] = [.texts(keys.sorted().map(\.rawValue))]
        var briefs: [EntityKey: AgreementBrief] = [:]
        for row in try session.fetch("SELECT key, signed FROM entity WHERE key = ANY(?::text[])", list) {
            if let key = EntityKey(storedRawValue: row.string(0)) { briefs[key] = AgreementBrief(signed: row.optionalString(1), parties: []) }
        }
        for row in try session.fetch(
            """
            SELECT DISTINCT a.key, \(summaryColumns), e.name AS sort_name FROM entity a
            JOIN relation r ON r.object_id = a.id AND r.predicate = 'party_to'
            JOIN entity e ON e.id = r.subject_id WHERE a.key = ANY(?::text[]) ORDER BY a.key, sort_name, e.key
            """, list)
        {
            guard let key = EntityKey(storedRawValue: row.string(0)), let party = summary(row, offset: 1) else { continue }
            briefs[key]?.parties.append(party)
        }
        return briefs
    }

    package func agreementsPerCityByYear() throws(StoreError) -> [(city: EntitySummary, year: Int?, count: Int)] {
        try read("read") { session in
            try session.fetch(
                """
                SELECT \(Self.summaryColumns), \(Self.signingYear("a")), count(DISTINCT a.id)
                FROM relation r JOIN entity e ON e.id = r.subject_id JOIN entity a ON a.id = r.object_id
                WHERE r.predicate = 'party_to' AND e.kind = 'city' AND a.kind = 'agreement'
                GROUP BY e.id, 7 ORDER BY e.name, e.key, 7
                """
            ).compactMap { row in Self.summary(row).map { ($0, row.optionalInt(6), row.int(7)) } }
        }
    }

    /// The year an agreement (aliased `alias`) was signed, NULL when unknown.
    static func signingYear(_ alias: String) -> String {
        "CASE WHEN \(alias).signed ~ '^[0-9]{4}' THEN substr(\(alias).signed, 1, 4)::integer END"
    }

    package func partners(of key: EntityKey) throws(StoreError) -> Set<EntityKey> {
        try read("read") { session in
            Set(
                try session.fetch(
                    """
                    SELECT DISTINCT partner.key FROM entity me
                    JOIN relation mine ON mine.subject_id = me.id AND mine.predicate IN ('party_to', 'participates_in', 'organizes')
                    JOIN relation other ON other.object_id = mine.object_id AND other.predicate IN ('party_to', 'participates_in', 'organizes')
                    JOIN entity partner ON partner.id = other.subject_id
                    WHERE me.key = ? AND other.subject_id <> me.id
                    """, [.text(key.rawValue)]
                ).compactMap { EntityKey(storedRawValue: $0.string(0)) })
        }
    }

    package func neighbours(of keys: [EntityKey]) throws(StoreError) -> [(from: EntityKey, to: EntityKey)] {
        guard !keys.isEmpty else { return [] }
        return try read("read") { session in try Self.neighbours(of: keys, in: session) }
    }

    /// A shortest chain, breadth-first from both ends (`ShortestChain`), one indexed query per
    /// frontier step, neighbours in key order as on SQLite (`NeighbourOrder`). A recursive
    /// query would walk every path to the hop limit, which a city with thousands of relations
    /// turns into millions of rows.
    package func shortestChain(from start: EntityKey, to goal: EntityKey, maxHops: Int) throws(StoreError) -> [EntityKey]? {
        try read("read") { session in
            guard try Self.ids(of: [start, goal], in: session).count == Set([start, goal]).count else { return nil }
            return try ShortestChain.find(from: start, to: goal, maxHops: maxHops, neighbours: { try Self.neighbours(of: $0, in: session) })
        }
    }

    private static func neighbours(of keys: [EntityKey], in session: Session) throws -> [(from: EntityKey, to: EntityKey)] {
        NeighbourOrder.sorted(
            try session.fetch(
                """
                WITH f AS (SELECT id, key FROM entity WHERE key = ANY(?::text[]))
                SELECT f.key, o.key FROM f JOIN relation r ON r.subject_id = f.id JOIN entity o ON o.id = r.object_id
                UNION SELECT f.key, s.key FROM f JOIN relation r ON r.object_id = f.id JOIN entity s ON s.id = r.subject_id
                """, [.texts(keys.map(\.rawValue))]
            ).compactMap { row in
                guard let from = EntityKey(storedRawValue: row.string(0)), let to = EntityKey(storedRawValue: row.string(1)) else { return nil }
                return (from, to)
            })
    }

    private static func ids(of keys: [EntityKey], in session: Session) throws -> [EntityKey: Int64] {
        var ids: [EntityKey: Int64] = [:]
        for row in try session.fetch("SELECT key, id FROM entity WHERE key = ANY(?::text[])", [.texts(keys.map(\.rawValue))]) {
            if let key = EntityKey(storedRawValue: row.string(0)) { ids[key] = row.int64(1) }
        }
        return ids
    }

    package func edge(from: EntityKey, to: EntityKey) throws(StoreError) -> (from: EntitySummary, edge: RelationEdge)? {
        try read("read") { session in
            let lookup = "SELECT \(Self.summaryColumns), e.id FROM entity e WHERE e.key = ?"
            guard let fromRow = try session.fetchOne(lookup, [.text(from.rawValue)]), let fromSummary = Self.summary(fromRow),
                let toRow = try session.fetchOne(lookup, [.text(to.rawValue)]), let toSummary = Self.summary(toRow)
            else { return nil }
            let fromID = fromRow.int(6), toID = toRow.int(6)
            for (direction, subject, object) in [(RelationEdge.Direction.outgoing, fromID, toID), (.incoming, toID, fromID)] {
                if let row = try session.fetchOne(
                    """
                    SELECT r.predicate, d.key, r.evidence, r.evidence_start, r.evidence_end
                    FROM relation r JOIN document d ON d.id = r.document_id
                    WHERE r.subject_id = ? AND r.object_id = ? ORDER BY r.predicate, d.key LIMIT 1
                    """, [.int(subject), .int(object)]), let predicate = RelationPredicate(rawValue: row.string(0))
                {
                    let edge = RelationEdge(
                        predicate: predicate, direction: direction, other: toSummary, document: row.string(1), evidence: row.optionalString(2),
                        evidenceStart: row.optionalInt(3), evidenceEnd: row.optionalInt(4))
                    return (fromSummary, edge)
                }
            }
            return nil
        }
    }

    package func graphCounts() throws(StoreError) -> (entities: Int, relations: Int) {
        try read("read") { session in
            let row = try session.fetchOne("SELECT (SELECT count(*) FROM entity), (SELECT count(*) FROM relation)")
            return (row?.int(0) ?? 0, row?.int(1) ?? 0)
        }
    }
}
