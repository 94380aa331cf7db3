internal import Foundation
internal import GRDB
package import RenkeiCore

extension IndexStore {
    /// The columns of an `EntitySummary`, of the entity aliased `e`.
    static let summaryColumns = """
        e.key, e.kind, e.name, e.prefecture, e.code, (SELECT count(DISTINCT n.document_id) FROM entity_name n WHERE n.entity_id = e.id)
        """

    static func summary(_ row: Row, offset: Int = 0) -> EntitySummary? {
        guard let key = EntityKey(storedRawValue: row[offset]) else { return nil }
        return EntitySummary(
            key: key, kind: EntityKind(rawValue: row[offset + 1]) ?? key.kind, name: row[offset + 2],
            prefecture: row[offset + 3], code: row[offset + 4], documents: row[offset + 5])
    }

    private static func summaries(_ db: Database, sql: String, arguments: StatementArguments = []) throws -> [EntitySummary] {
        try Row.fetchAll(db, sql: sql, arguments: arguments).compactMap { summary($0) }
    }

    /// Entities by kind and name prefix (any written form), most documented first.
    package func entities(kind: EntityKind? = nil, namePrefix: String? = nil, limit: Int = 100) throws(StoreError) -> [EntitySummary] {
        try read("read") { db in
            var conditions: [String] = []
            var arguments: [any DatabaseValueConvertible] = []
            if let kind {
                conditions.append("e.kind = ?")
                arguments.append(kind.rawValue)
            }
            if let namePrefix, !namePrefix.isEmpty {
                conditions.append("EXISTS (SELECT 1 FROM entity_name n WHERE n.entity_id = e.id AND substr(n.name, 1, length(?)) = ?)")
                arguments += [namePrefix, namePrefix]
            }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            return try Self.summaries(
                db,
                sql: """
                    SELECT \(Self.summaryColumns) FROM entity e \(filter) ORDER BY 6 DESC, e.kind, e.name, e.key LIMIT ?
                    """, arguments: StatementArguments(arguments + [limit]))
        }
    }

    /// Entities with this official code (a municipality's 6-digit code).
    package func entities(code: String) throws(StoreError) -> [EntitySummary] {
        try read("read") { db in
            try Self.summaries(db, sql: "SELECT \(Self.summaryColumns) FROM entity e WHERE e.code = ? ORDER BY e.key", arguments: [code])
        }
    }

    /// Entities written exactly as `name` (their name or any alias).
    package func entities(named name: String) throws(StoreError) -> [EntitySummary] {
        try read("read") { db in
            try Self.summaries(
                db,
                sql: """
                    SELECT \(Self.summaryColumns) FROM entity e
                    WHERE e.name = ? OR EXISTS (SELECT 1 FROM entity_name n WHERE n.entity_id = e.id AND n.name = ?)
                    ORDER BY 6 DESC, e.key
                    """, arguments: [name, name])
        }
    }

    /// The entity with this key and everything the graph knows of it.
    package func entity(_ key: EntityKey) throws(StoreError) -> EntityDetail? {
        try read("read") { db in try Self.entity(key, in: db) }
    }

    static func entity(_ key: EntityKey, in db: Database) throws -> EntityDetail? {
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT \(summaryColumns), e.corporate_number, e.signed, e.topics, e.amount_yen, e.fiscal_year, e.id
                    FROM entity e WHERE e.key = ?
                    """, arguments: [key.rawValue]), let summary = summary(row)
        else { return nil }
        let id: Int64 = row[11]
        let aliases = try String.fetchAll(
            db,
            sql: """
                SELECT DISTINCT name FROM entity_name WHERE entity_id = ? AND name != ? ORDER BY name
                """, arguments: [id, summary.name])
        let mentions = try Row.fetchAll(
            db,
            sql: """
                SELECT d.key, m.start, m."end" FROM mention m JOIN document d ON d.id = m.document_id
                WHERE m.entity_id = ? ORDER BY d.key, m.start
                """, arguments: [id]
        ).map { EntityDetail.Mention(document: $0[0], start: $0[1], end: $0[2]) }
        let topicsJSON: String = row[8]
        let topics = (try? JSONDecoder().decode([String].self, from: Data(topicsJSON.utf8))) ?? []
        return EntityDetail(
            summary: summary, aliases: aliases, corporateNumber: row[6], signed: row[7], topics: topics,
            amountYen: row[9], fiscalYear: row[10], mentions: mentions)
    }

    /// Typed neighbours of an entity, both directions, with their evidence.
    package func relations(of key: EntityKey, predicate: RelationPredicate? = nil) throws(StoreError) -> [RelationEdge] {
        try read("read") { db in
            var edges: [RelationEdge] = []
            guard let id = try Self.ids(of: [key], in: db)[key] else { return edges }
            let sides = [(RelationEdge.Direction.outgoing, "subject_id", "object_id"), (.incoming, "object_id", "subject_id")]
            for (direction, mine, other) in sides {
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT r.predicate, d.key, r.evidence, r.evidence_start, r.evidence_end, \(Self.summaryColumns)
                        FROM relation r JOIN entity e ON e.id = r.\(other) JOIN document d ON d.id = r.document_id
                        WHERE r.\(mine) = ? AND (? IS NULL OR r.predicate = ?)
                        ORDER BY r.predicate, e.name, e.key, d.key
                        """, arguments: [id, predicate?.rawValue, predicate?.rawValue])
                for row in rows {
                    guard let predicate = RelationPredicate(rawValue: row[0]), let other = Self.summary(row, offset: 5) else { continue }
                    edges.append(
                        RelationEdge(
                            predicate: predicate, direction: direction, other: other,
                            document: row[1], evidence: row[2], evidenceStart: row[3], evidenceEnd: row[4]))
                }
            }
            let briefs = try Self.agreementBriefs(Set(edges.map(\.other.key).filter { $0.kind == .agreement }), in: db)
            for index in edges.indices { edges[index].agreement = briefs[edges[index].other.key] }
            return edges
        }
    }

    /// The date and parties of each of these agreements, in two queries.
    private static func agreementBriefs(_ keys: Set<EntityKey>, in db: Database) throws -> [EntityKey: AgreementBrief] {
        guard !keys.isEmpty else { return [:] }
        var briefs: [EntityKey: AgreementBrief] = [:]
        let sorted = keys.sorted()
        for start in stride(from: 0, to: sorted.count, by: 500) {
            let chunk = sorted[start..<min(start + 500, sorted.count)].map(\.rawValue)
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            for row in try Row.fetchAll(db, sql: "SELECT key, signed FROM entity WHERE key IN (\(marks))", arguments: StatementArguments(chunk)) {
                if let key = EntityKey(storedRawValue: row[0]) { briefs[key] = AgreementBrief(signed: row[1], parties: []) }
            }
            let parties = try Row.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT a.key, \(summaryColumns) FROM entity a JOIN relation r ON r.object_id = a.id AND r.predicate = 'party_to'
                    JOIN entity e ON e.id = r.subject_id WHERE a.key IN (\(marks)) ORDER BY a.key, e.name, e.key
                    """, arguments: StatementArguments(chunk))
            for row in parties {
                guard let key = EntityKey(storedRawValue: row[0]), let party = summary(row, offset: 1) else { continue }
                briefs[key]?.parties.append(party)
            }
        }
        return briefs
    }

    /// Agreements each city is party to, by signing year (agreements without a date under nil).
    package func agreementsPerCityByYear() throws(StoreError) -> [(city: EntitySummary, year: Int?, count: Int)] {
        try read("read") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT \(Self.summaryColumns), CAST(substr(a.signed, 1, 4) AS INTEGER), count(DISTINCT a.id)
                    FROM relation r JOIN entity e ON e.id = r.subject_id JOIN entity a ON a.id = r.object_id
                    WHERE r.predicate = 'party_to' AND e.kind = 'city' AND a.kind = 'agreement'
                    GROUP BY e.id, substr(a.signed, 1, 4) ORDER BY e.name, e.key, 7
                    """
            ).compactMap { row in Self.summary(row).map { ($0, row[6] as Int?, row[7] as Int) } }
        }
    }

    /// Bodies that share an agreement or a project with the entity (its partners).
    package func partners(of key: EntityKey) throws(StoreError) -> Set<EntityKey> {
        try read("read") { db in
            Set(
                try String.fetchAll(
                    db,
                    sql: """
                        SELECT DISTINCT partner.key FROM entity me
                        JOIN relation mine ON mine.subject_id = me.id AND mine.predicate IN ('party_to', 'participates_in', 'organizes')
                        JOIN relation other ON other.object_id = mine.object_id AND other.predicate IN ('party_to', 'participates_in', 'organizes')
                        JOIN entity partner ON partner.id = other.subject_id
                        WHERE me.key = ? AND other.subject_id != me.id
                        """, arguments: [key.rawValue]
                ).compactMap(EntityKey.init(storedRawValue:)))
        }
    }

    /// The entities one relation away from any of `keys`, either direction, with the entity
    /// each was reached from: one frontier step of a breadth-first search.
    package func neighbours(of keys: [EntityKey]) throws(StoreError) -> [(from: EntityKey, to: EntityKey)] {
        guard !keys.isEmpty else { return [] }
        return try read("read") { db in try Self.neighbours(of: keys, in: db) }
    }

    package func shortestChain(from start: EntityKey, to goal: EntityKey, maxHops: Int) throws(StoreError) -> [EntityKey]? {
        try read("read") { db in
            guard try Self.ids(of: [start, goal], in: db).count == Set([start, goal]).count else { return nil }
            return try ShortestChain.find(from: start, to: goal, maxHops: maxHops, neighbours: { try Self.neighbours(of: $0, in: db) })
        }
    }

    /// (frontier entity, neighbour) pairs through the indexes on both ends of `relation`, in
    /// key order, so a search takes the same chain among equally short ones on every backend.
    private static func neighbours(of keys: [EntityKey], in db: Database) throws -> [(from: EntityKey, to: EntityKey)] {
        var pairs: [(from: EntityKey, to: EntityKey)] = []
        for start in stride(from: 0, to: keys.count, by: 500) {
            let chunk = keys[start..<min(start + 500, keys.count)].map(\.rawValue)
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT s.key, o.key FROM entity s JOIN relation r ON r.subject_id = s.id JOIN entity o ON o.id = r.object_id
                    WHERE s.key IN (\(marks))
                    UNION SELECT o.key, s.key FROM entity o JOIN relation r ON r.object_id = o.id JOIN entity s ON s.id = r.subject_id
                    WHERE o.key IN (\(marks))
                    """, arguments: StatementArguments(chunk + chunk))
            pairs += rows.compactMap { row in
                guard let from = EntityKey(storedRawValue: row[0]), let to = EntityKey(storedRawValue: row[1]) else { return nil }
                return (from, to)
            }
        }
        return NeighbourOrder.sorted(pairs)
    }

    /// The row ids of the entities with these keys (those that exist).
    private static func ids(of keys: [EntityKey], in db: Database) throws -> [EntityKey: Int64] {
        var ids: [EntityKey: Int64] = [:]
        let statement = try db.cachedStatement(sql: "SELECT id FROM entity WHERE key = ?")
        for key in keys {
            if let id = try Int64.fetchOne(statement, arguments: [key.rawValue]) { ids[key] = id }
        }
        return ids
    }

    /// One relation joining two entities (either direction), seen from `from`, and `from` itself.
    package func edge(from: EntityKey, to: EntityKey) throws(StoreError) -> (from: EntitySummary, edge: RelationEdge)? {
        try read("read") { db in
            let lookup = "SELECT \(Self.summaryColumns), e.id FROM entity e WHERE e.key = ?"
            guard let fromRow = try Row.fetchOne(db, sql: lookup, arguments: [from.rawValue]), let fromSummary = Self.summary(fromRow),
                let toRow = try Row.fetchOne(db, sql: lookup, arguments: [to.rawValue]), let toSummary = Self.summary(toRow)
            else { return nil }
            let fromID: Int64 = fromRow[6], toID: Int64 = toRow[6]
            for (direction, subject, object) in [(RelationEdge.Direction.outgoing, fromID, toID), (.incoming, toID, fromID)] {
                if let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT r.predicate, d.key, r.evidence, r.evidence_start, r.evidence_end
                        FROM relation r JOIN document d ON d.id = r.document_id
                        WHERE r.subject_id = ? AND r.object_id = ? ORDER BY r.predicate, d.key LIMIT 1
                        """, arguments: [subject, object]), let predicate = RelationPredicate(rawValue: row[0])
                {
                    let edge = RelationEdge(
                        predicate: predicate, direction: direction, other: toSummary,
                        document: row[1], evidence: row[2], evidenceStart: row[3], evidenceEnd: row[4])
                    return (fromSummary, edge)
                }
            }
            return nil
        }
    }

    /// The entities a document names.
    package func entities(inDocument id: DocumentID) throws(StoreError) -> [EntitySummary] {
        try read("read") { db in
            try Self.summaries(
                db,
                sql: """
                    SELECT DISTINCT \(Self.summaryColumns) FROM entity e
                    JOIN entity_name n ON n.entity_id = e.id JOIN document d ON d.id = n.document_id
                    WHERE d.key = ? ORDER BY e.kind, e.name, e.key
                    """, arguments: [id.rawValue])
        }
    }

    /// How many entities and relations the graph holds.
    package func graphCounts() throws(StoreError) -> (entities: Int, relations: Int) {
        try read("read") { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM entity") ?? 0, try Int.fetchOne(db, sql: "SELECT count(*) FROM relation") ?? 0)
        }
    }
}
