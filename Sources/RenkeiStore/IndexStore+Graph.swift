internal import Foundation
internal import GRDB
package import RenkeiCore

/// An entity in lists and on either end of a relation.
package struct EntitySummary: Hashable, Sendable, Codable {
    package var id: Int64
    package var kind: EntityKind
    package var name: String
    package var prefecture: String?
    package var code: String?
    /// How many documents name it.
    package var documents: Int
}

/// An entity with everything the graph knows of it.
package struct EntityDetail: Hashable, Sendable, Codable {
    package struct Mention: Hashable, Sendable, Codable {
        package var document: String
        package var start: Int
        package var end: Int
    }

    package var summary: EntitySummary
    package var aliases: [String]
    package var corporateNumber: String?
    package var signed: String?
    package var topics: [String]
    package var amountYen: Int?
    package var fiscalYear: Int?
    package var mentions: [Mention]
}

/// One typed edge seen from an entity, with the page and words it came from.
package struct RelationEdge: Hashable, Sendable, Codable {
    package enum Direction: String, Hashable, Sendable, Codable { case outgoing, incoming }

    package var id: Int64
    package var predicate: RelationPredicate
    package var direction: Direction
    package var other: EntitySummary
    package var document: String
    package var evidence: String?
    package var evidenceStart: Int?
    package var evidenceEnd: Int?
}

extension IndexStore {
    private static let summaryColumns = """
        e.id, e.kind, e.name, e.prefecture, e.code, (SELECT count(DISTINCT n.document_id) FROM entity_name n WHERE n.entity_id = e.id)
        """

    private static func summary(_ row: Row, offset: Int = 0) -> EntitySummary {
        EntitySummary(
            id: row[offset], kind: EntityKind(rawValue: row[offset + 1]) ?? .organization, name: row[offset + 2],
            prefecture: row[offset + 3], code: row[offset + 4], documents: row[offset + 5])
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
            return try Row.fetchAll(db, sql: """
                SELECT \(Self.summaryColumns) FROM entity e \(filter) ORDER BY 6 DESC, e.kind, e.name LIMIT ?
                """, arguments: StatementArguments(arguments + [limit])).map { Self.summary($0) }
        }
    }

    /// Entities with this official code (a municipality's 6-digit code).
    package func entities(code: String) throws(StoreError) -> [EntitySummary] {
        try read("read") { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.summaryColumns) FROM entity e WHERE e.code = ? ORDER BY e.id", arguments: [code])
                .map { Self.summary($0) }
        }
    }

    /// Entities written exactly as `name` (their name or any alias).
    package func entities(named name: String) throws(StoreError) -> [EntitySummary] {
        try read("read") { db in
            try Row.fetchAll(db, sql: """
                SELECT \(Self.summaryColumns) FROM entity e
                WHERE e.name = ? OR EXISTS (SELECT 1 FROM entity_name n WHERE n.entity_id = e.id AND n.name = ?)
                ORDER BY 6 DESC, e.id
                """, arguments: [name, name]).map { Self.summary($0) }
        }
    }

    package func entity(id: Int64) throws(StoreError) -> EntityDetail? {
        try read("read") { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT \(Self.summaryColumns), e.corporate_number, e.signed, e.topics, e.amount_yen, e.fiscal_year
                FROM entity e WHERE e.id = ?
                """, arguments: [id]) else { return nil }
            let summary = Self.summary(row)
            let aliases = try String.fetchAll(db, sql: """
                SELECT DISTINCT name FROM entity_name WHERE entity_id = ? AND name != ? ORDER BY name
                """, arguments: [id, summary.name])
            let mentions = try Row.fetchAll(db, sql: """
                SELECT d.key, m.start, m."end" FROM mention m JOIN document d ON d.id = m.document_id
                WHERE m.entity_id = ? ORDER BY d.key, m.start
                """, arguments: [id]).map { EntityDetail.Mention(document: $0[0], start: $0[1], end: $0[2]) }
            let topicsJSON: String = row[8]
            let topics = (try? JSONDecoder().decode([String].self, from: Data(topicsJSON.utf8))) ?? []
            return EntityDetail(
                summary: summary, aliases: aliases, corporateNumber: row[6], signed: row[7], topics: topics,
                amountYen: row[9], fiscalYear: row[10], mentions: mentions)
        }
    }

    /// Typed neighbours of an entity, both directions, with their evidence.
    package func relations(of id: Int64, predicate: RelationPredicate? = nil) throws(StoreError) -> [RelationEdge] {
        try read("read") { db in
            var edges: [RelationEdge] = []
            for (direction, mine, other) in [(RelationEdge.Direction.outgoing, "subject_id", "object_id"), (.incoming, "object_id", "subject_id")] {
                let rows = try Row.fetchAll(db, sql: """
                    SELECT r.id, r.predicate, d.key, r.evidence, r.evidence_start, r.evidence_end, \(Self.summaryColumns)
                    FROM relation r JOIN entity e ON e.id = r.\(other) JOIN document d ON d.id = r.document_id
                    WHERE r.\(mine) = ? AND (? IS NULL OR r.predicate = ?)
                    ORDER BY r.predicate, e.name, d.key
                    """, arguments: [id, predicate?.rawValue, predicate?.rawValue])
                for row in rows {
                    guard let predicate = RelationPredicate(rawValue: row[1]) else { continue }
                    edges.append(RelationEdge(
                        id: row[0], predicate: predicate, direction: direction, other: Self.summary(row, offset: 6),
                        document: row[2], evidence: row[3], evidenceStart: row[4], evidenceEnd: row[5]))
                }
            }
            return edges
        }
    }

    /// Every edge as (relation id, subject, object): the whole graph's shape, for path search.
    package func graphEdges() throws(StoreError) -> [(relation: Int64, subject: Int64, object: Int64)] {
        try read("read") { db in
            try Row.fetchAll(db, sql: "SELECT id, subject_id, object_id FROM relation").map { ($0[0], $0[1], $0[2]) }
        }
    }
}

/// A relation with both ends, for exports.
package struct GraphEdgeRecord: Hashable, Sendable {
    package var id: Int64
    package var subject: Int64
    package var predicate: RelationPredicate
    package var object: Int64
    package var document: String
    package var evidence: String?
}

extension IndexStore {
    /// Every entity with its attributes and aliases, by id.
    package func allEntities() throws(StoreError) -> [EntityDetail] {
        let ids: [Int64] = try read("read") { db in try Int64.fetchAll(db, sql: "SELECT id FROM entity ORDER BY id") }
        var details: [EntityDetail] = []
        for id in ids {
            if let detail = try entity(id: id) { details.append(detail) }
        }
        return details
    }

    /// Every relation with its ends, predicate, document and evidence.
    package func allRelations() throws(StoreError) -> [GraphEdgeRecord] {
        try read("read") { db in
            try Row.fetchAll(db, sql: """
                SELECT r.id, r.subject_id, r.predicate, r.object_id, d.key, r.evidence
                FROM relation r JOIN document d ON d.id = r.document_id ORDER BY r.id
                """).compactMap { row in
                RelationPredicate(rawValue: row[2]).map { GraphEdgeRecord(id: row[0], subject: row[1], predicate: $0, object: row[3], document: row[4], evidence: row[5]) }
            }
        }
    }
}

extension IndexStore {
    /// Agreements each city is party to, by signing year (agreements without a date under nil).
    package func agreementsPerCityByYear() throws(StoreError) -> [(city: EntitySummary, year: Int?, count: Int)] {
        try read("read") { db in
            try Row.fetchAll(db, sql: """
                SELECT \(Self.summaryColumnsForAggregates), CAST(substr(a.signed, 1, 4) AS INTEGER), count(DISTINCT a.id)
                FROM relation r JOIN entity e ON e.id = r.subject_id JOIN entity a ON a.id = r.object_id
                WHERE r.predicate = 'party_to' AND e.kind = 'city' AND a.kind = 'agreement'
                GROUP BY e.id, substr(a.signed, 1, 4) ORDER BY e.name, 7
                """).map { row in (Self.aggregateSummary(row), row[6] as Int?, row[7] as Int) }
        }
    }

    /// Bodies that share an agreement or a project with the entity (its partners), by id.
    package func partners(of id: Int64) throws(StoreError) -> Set<Int64> {
        try read("read") { db in
            Set(try Int64.fetchAll(db, sql: """
                SELECT DISTINCT other.subject_id FROM relation mine
                JOIN relation other ON other.object_id = mine.object_id AND other.predicate IN ('party_to', 'participates_in', 'organizes')
                WHERE mine.subject_id = ? AND mine.predicate IN ('party_to', 'participates_in', 'organizes') AND other.subject_id != ?
                """, arguments: [id, id]))
        }
    }

    private static let summaryColumnsForAggregates = """
        e.id, e.kind, e.name, e.prefecture, e.code, (SELECT count(DISTINCT n.document_id) FROM entity_name n WHERE n.entity_id = e.id)
        """

    private static func aggregateSummary(_ row: Row) -> EntitySummary {
        EntitySummary(
            id: row[0], kind: EntityKind(rawValue: row[1]) ?? .organization, name: row[2], prefecture: row[3], code: row[4], documents: row[5])
    }
}

extension IndexStore {
    /// The entities one relation away from any of `ids`, either direction, with the node
    /// each was reached from: one frontier step of a breadth-first search, through the
    /// indexes on both ends of `relation` (the search reads what it explores, not the graph).
    package func neighbours(of ids: [Int64]) throws(StoreError) -> [(from: Int64, to: Int64)] {
        guard !ids.isEmpty else { return [] }
        return try read("read") { db in
            var pairs: [(Int64, Int64)] = []
            for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                let rows = try Row.fetchAll(db, sql: """
                    SELECT subject_id, object_id FROM relation WHERE subject_id IN (\(marks))
                    UNION SELECT object_id, subject_id FROM relation WHERE object_id IN (\(marks))
                    """, arguments: StatementArguments(chunk + chunk))
                pairs += rows.map { ($0[0], $0[1]) }
            }
            return pairs
        }
    }
}

extension IndexStore {
    /// One relation joining two entities (either direction), seen from `from`, and `from` itself.
    package func edge(from: Int64, to: Int64) throws(StoreError) -> (from: EntitySummary, edge: RelationEdge)? {
        try read("read") { db in
            guard let fromRow = try Row.fetchOne(db, sql: "SELECT \(Self.summaryColumnsForAggregates) FROM entity e WHERE e.id = ?", arguments: [from]),
                  let toRow = try Row.fetchOne(db, sql: "SELECT \(Self.summaryColumnsForAggregates) FROM entity e WHERE e.id = ?", arguments: [to])
            else { return nil }
            for (direction, subject, object) in [(RelationEdge.Direction.outgoing, from, to), (.incoming, to, from)] {
                if let row = try Row.fetchOne(db, sql: """
                    SELECT r.id, r.predicate, d.key, r.evidence, r.evidence_start, r.evidence_end
                    FROM relation r JOIN document d ON d.id = r.document_id
                    WHERE r.subject_id = ? AND r.object_id = ? ORDER BY r.id LIMIT 1
                    """, arguments: [subject, object]), let predicate = RelationPredicate(rawValue: row[1]) {
                    let edge = RelationEdge(
                        id: row[0], predicate: predicate, direction: direction, other: Self.aggregateSummary(toRow),
                        document: row[2], evidence: row[3], evidenceStart: row[4], evidenceEnd: row[5])
                    return (Self.aggregateSummary(fromRow), edge)
                }
            }
            return nil
        }
    }
}

extension IndexStore {
    /// The entities a document names.
    package func entities(inDocument id: DocumentID) throws(StoreError) -> [EntitySummary] {
        try read("read") { db in
            try Row.fetchAll(db, sql: """
                SELECT DISTINCT \(Self.summaryColumnsForAggregates) FROM entity e
                JOIN entity_name n ON n.entity_id = e.id JOIN document d ON d.id = n.document_id
                WHERE d.key = ? ORDER BY e.kind, e.name
                """, arguments: [id.rawValue]).map { Self.aggregateSummary($0) }
        }
    }

    /// How many entities and relations the graph holds.
    package func graphCounts() throws(StoreError) -> (entities: Int, relations: Int) {
        try read("read") { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM entity") ?? 0, try Int.fetchOne(db, sql: "SELECT count(*) FROM relation") ?? 0)
        }
    }
}
