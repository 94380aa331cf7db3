package import RenkeiCore

extension PostgresStore {
    /// One repeatable-read transaction (a snapshot) over which `body` walks the graph in
    /// batches of a server-side cursor, so an export of any size holds a batch at a time.
    package func withGraphSnapshot(_ body: (any GraphSnapshot) throws -> Void) throws {
        var failure: (any Error)?
        try read("export", bounded: false) { session in
            do {
                try body(PostgresGraphSnapshot(session: session))
            } catch let error as StoreError {
                throw error
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
    }
}

/// `GraphSnapshot` over one PostgreSQL read: entities and relations are each a cursor in
/// key order (byte order, as Swift compares UTF-8), merged, so a node comes with its
/// outgoing relations.
struct PostgresGraphSnapshot: GraphSnapshot {
    let session: Session
    private static let batch = 2_000

    private static let relationColumns = """
        SELECT s.key, r.predicate, o.key, d.key, r.evidence
        FROM relation r JOIN document d ON d.id = r.document_id
        JOIN entity s ON s.id = r.subject_id JOIN entity o ON o.id = r.object_id
        ORDER BY s.key, r.predicate, o.key, d.key
        """

    func forEachEntity(_ body: (EntityDetail, [GraphEdgeRecord]) throws -> Void) throws {
        let entities = try Cursor("export_entities", "SELECT \(PostgresStore.detailColumns) FROM entity e ORDER BY e.key", in: session)
        let relations = try Cursor("export_relations_merged", Self.relationColumns, in: session)
        defer {
            entities.close()
            relations.close()
        }
        var outgoing = OutgoingRelations(first: try relations.next().flatMap(Self.edge))
        while let row = try entities.next() {
            let aliases = try session.fetch(
                "SELECT DISTINCT name FROM entity_name WHERE entity_id = ? AND name <> ? ORDER BY name", [.int(row.int(11)), .text(row.string(2))]
            ).map { $0.string(0) }
            guard let detail = PostgresStore.detail(row, aliases: aliases, mentions: []) else { continue }
            try body(detail, try outgoing.take(subject: detail.summary.key) { try relations.next().flatMap(Self.edge) })
        }
    }

    func forEachRelation(_ body: (GraphEdgeRecord) throws -> Void) throws {
        let relations = try Cursor("export_relations", Self.relationColumns, in: session)
        defer { relations.close() }
        while let row = try relations.next() {
            if let edge = Self.edge(row) { try body(edge) }
        }
    }

    private static func edge(_ row: SQLRow) -> GraphEdgeRecord? {
        guard let subject = EntityKey(storedRawValue: row.string(0)), let predicate = RelationPredicate(rawValue: row.string(1)),
            let object = EntityKey(storedRawValue: row.string(2))
        else { return nil }
        return GraphEdgeRecord(subject: subject, predicate: predicate, object: object, document: row.string(3), evidence: row.optionalString(4))
    }

    /// A server-side cursor read a batch at a time.
    private final class Cursor {
        private let name: String
        private let session: Session
        private var buffered: [SQLRow] = []
        private var position = 0
        private var exhausted = false

        init(_ name: String, _ query: String, in session: Session) throws {
            self.name = name
            self.session = session
            try session.execute("DECLARE \(name) NO SCROLL CURSOR FOR \(query)")
        }

        func next() throws -> SQLRow? {
            if position == buffered.count {
                guard !exhausted else { return nil }
                buffered = try session.fetch("FETCH \(PostgresGraphSnapshot.batch) FROM \(name)")
                position = 0
                exhausted = buffered.count < PostgresGraphSnapshot.batch
                if buffered.isEmpty { return nil }
            }
            defer { position += 1 }
            return buffered[position]
        }

        func close() { try? session.execute("CLOSE \(name)") }
    }
}
