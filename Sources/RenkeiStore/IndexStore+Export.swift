internal import Foundation
internal import GRDB
package import RenkeiCore

extension IndexStore {
    /// One read transaction (a snapshot: ingests commit beside it, unseen) over which `body`
    /// walks the graph with cursors, so an export of any size holds one entity at a time.
    /// The body's own errors (a closed pipe, a client gone) come out as they are; only the
    /// store's become `StoreError`s.
    package func withGraphSnapshot(_ body: (any GraphSnapshot) throws -> Void) throws {
        var failure: (any Error)?
        try read("export", bounded: false) { db in
            do {
                try body(SQLiteGraphSnapshot(db: db))
            } catch let error where !(error is DatabaseError) {
                failure = error
            }
        }
        if let failure { throw failure }
    }
}

/// `GraphSnapshot` over one SQLite read: entities and relations are each one cursor in key
/// order, merged, so a node comes with its outgoing relations.
struct SQLiteGraphSnapshot: GraphSnapshot {
    let db: Database

    private static let relationColumns = """
        SELECT s.key, r.predicate, o.key, d.key, r.evidence
        FROM relation r JOIN document d ON d.id = r.document_id
        JOIN entity s ON s.id = r.subject_id JOIN entity o ON o.id = r.object_id
        ORDER BY s.key, r.predicate, o.key, d.key
        """

    func forEachEntity(_ body: (EntityDetail, [GraphEdgeRecord]) throws -> Void) throws {
        let entities = try Row.fetchCursor(
            db,
            sql: """
                SELECT \(IndexStore.summaryColumns), e.corporate_number, e.signed, e.topics, e.amount_yen, e.fiscal_year, e.id
                FROM entity e ORDER BY e.key
                """)
        let aliases = try db.cachedStatement(sql: "SELECT DISTINCT name FROM entity_name WHERE entity_id = ? AND name != ? ORDER BY name")
        let relations = try Row.fetchCursor(db, sql: Self.relationColumns)
        var outgoing = OutgoingRelations(first: try relations.next().flatMap(Self.edge))
        while let row = try entities.next() {
            guard let summary = IndexStore.summary(row) else { continue }
            let id: Int64 = row[11]
            let topicsJSON: String = row[8]
            let detail = EntityDetail(
                summary: summary, aliases: try String.fetchAll(aliases, arguments: [id, summary.name]), corporateNumber: row[6], signed: row[7],
                topics: (try? JSONDecoder().decode([String].self, from: Data(topicsJSON.utf8))) ?? [], amountYen: row[9], fiscalYear: row[10],
                mentions: [])
            try body(detail, try outgoing.take(subject: summary.key) { try relations.next().flatMap(Self.edge) })
        }
    }

    func forEachRelation(_ body: (GraphEdgeRecord) throws -> Void) throws {
        let relations = try Row.fetchCursor(db, sql: Self.relationColumns)
        while let row = try relations.next() {
            if let edge = Self.edge(row) { try body(edge) }
        }
    }

    private static func edge(_ row: Row) -> GraphEdgeRecord? {
        guard let subject = EntityKey(storedRawValue: row[0]), let predicate = RelationPredicate(rawValue: row[1]),
            let object = EntityKey(storedRawValue: row[2])
        else { return nil }
        return GraphEdgeRecord(subject: subject, predicate: predicate, object: object, document: row[3], evidence: row[4])
    }
}
