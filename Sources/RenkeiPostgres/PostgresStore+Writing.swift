internal import Foundation
internal import NIOPosix
package import RenkeiCore

extension PostgresStore {
    package func contentHashes() throws(StoreError) -> [DocumentID: String] {
        try onPrimary("read") { session in
            var hashes: [DocumentID: String] = [:]
            for row in try session.fetch("SELECT key, content_hash FROM document") { hashes[DocumentID(rawValue: row.string(0))] = row.string(1) }
            return hashes
        }
    }

    /// Writes the batch in one transaction on the primary, off Swift's cooperative pool.
    package func commit(_ documents: [PreparedDocument]) async throws(StoreError) -> [WriteOutcome] {
        let store = self
        let result: Result<[WriteOutcome], StoreError>
        do {
            result = try await NIOThreadPool.singleton.runIfActive {
                do throws(StoreError) { return .success(try store.write(documents)) } catch { return .failure(error) }
            }
        } catch {
            throw StoreError(.failed, "The ingest's worker threads are gone.", cause: "\(error)")
        }
        return try result.get()
    }

    /// Writes whole documents in one transaction: each is added, or replaces the stored
    /// document with the same key together with everything derived from it. Rows go in a few
    /// statements per table for the whole batch (arrays unnested by the server), not one per row.
    @discardableResult
    package func write(_ documents: [PreparedDocument]) throws(StoreError) -> [WriteOutcome] {
        guard !documents.isEmpty else { return [] }
        let now = Date().ISO8601Format()
        return try write("write to") { session in
            // A key written twice in one batch keeps its last version, as writing them in turn would.
            var latest: [String: Int] = [:]
            for (index, prepared) in documents.enumerated() { latest[prepared.document.id.rawValue] = index }
            let batch = documents.indices.filter { latest[documents[$0].document.id.rawValue] == $0 }.map { documents[$0] }
            let keys = batch.map(\.document.id.rawValue)
            var existing: [String: Int64] = [:]
            for row in try session.fetch("SELECT key, id FROM document WHERE key = ANY(?)", [.texts(keys)]) { existing[row.string(0)] = row.int64(1) }
            let replaced = Array(existing.values).map(Int.init)
            if !replaced.isEmpty {
                for table in ["unit", "relation", "mention", "entity_name", "document_year"] {
                    try session.execute("DELETE FROM \(table) WHERE document_id = ANY(?)", [.ints(replaced)])
                }
                try session.execute(
                    """
                    UPDATE document d SET title = n.title, body = n.body, content_hash = n.content_hash, encoding = n.encoding,
                        byte_count = n.byte_count, ingested_at = ?
                    FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[])
                        AS n(key, title, body, content_hash, encoding, byte_count)
                    WHERE d.key = n.key
                    """, [.text(now)] + Self.documentColumns(batch.filter { existing[$0.document.id.rawValue] != nil }))
            }
            let added = batch.filter { existing[$0.document.id.rawValue] == nil }
            if !added.isEmpty {
                for row in try session.fetch(
                    """
                    INSERT INTO document (key, title, body, content_hash, encoding, byte_count, ingested_at)
                    SELECT n.*, ? FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[]) AS n
                    RETURNING key, id
                    """, [.text(now)] + Self.documentColumns(added))
                {
                    existing[row.string(0)] = row.int64(1)
                }
            }
            try Self.insertUnits(of: batch, ids: existing, in: session)
            try PostgresGraphWriter.write(batch, ids: existing, in: session)
            var fresh = Set(added.map(\.document.id))
            return documents.map { fresh.remove($0.document.id) != nil ? .added : .updated }
        }
    }

    private static func documentColumns(_ documents: [PreparedDocument]) -> [SQLValue] {
        [
            .texts(documents.map(\.document.id.rawValue)), .texts(documents.map(\.document.title)), .texts(documents.map(\.document.body)),
            .texts(documents.map(\.document.contentHash)), .texts(documents.map(\.document.encoding)),
            .ints(documents.map(\.document.byteCount)),
        ]
    }

    private static func insertUnits(of documents: [PreparedDocument], ids: [String: Int64], in session: Session) throws {
        var documentIDs: [Int] = [], records: [String] = [], texts: [String] = [], hasText: [Bool] = []
        var titles: [String] = [], bodies: [String] = [], foldedTitles: [String] = [], foldedBodies: [String] = []
        var tokens: [Int] = [], keys: [String] = [], looseKeys: [String] = []
        for prepared in documents {
            guard let id = ids[prepared.document.id.rawValue] else { continue }
            for unit in prepared.units {
                documentIDs.append(Int(id))
                records.append(unit.recordNumber.map(String.init) ?? "")
                texts.append(unit.text ?? "")
                hasText.append(unit.text != nil)
                titles.append(unit.normalizedTitle)
                bodies.append(unit.normalizedText)
                let foldedTitle = LooseFold.fold(normalized: unit.normalizedTitle)
                let foldedBody = LooseFold.fold(normalized: unit.normalizedText)
                foldedTitles.append(foldedTitle)
                foldedBodies.append(foldedBody)
                tokens.append(tokenCount(unit.normalizedTitle) + tokenCount(unit.normalizedText))
                keys.append(SearchKeys.arrayLiteral(of: [unit.normalizedTitle, unit.normalizedText]))
                looseKeys.append(SearchKeys.arrayLiteral(of: [foldedTitle, foldedBody]))
            }
        }
        // Bounded statements: a batch of the big corpus is 12 MB of text, read twice more as folds.
        let chunk = 2_000
        for start in stride(from: 0, to: documentIDs.count, by: chunk) {
            let range = start..<min(start + chunk, documentIDs.count)
            try session.execute(
                """
                INSERT INTO unit (document_id, record_number, text, normalized_title, normalized_body, folded_title, folded_body,
                    tokens, keys, loose_keys)
                SELECT document_id, nullif(record, '')::integer, CASE WHEN has_text THEN text END, title, body, folded_title, folded_body,
                    tokens, keys::integer[], loose_keys::integer[]
                FROM unnest(
                    ?::bigint[], ?::text[], ?::text[], ?::boolean[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[])
                    AS n(document_id, record, text, has_text, title, body, folded_title, folded_body, tokens, keys, loose_keys)
                """,
                [
                    .ints(Array(documentIDs[range])), .texts(Array(records[range])), .texts(Array(texts[range])),
                    .texts(hasText[range].map { $0 ? "t" : "f" }), .texts(Array(titles[range])), .texts(Array(bodies[range])),
                    .texts(Array(foldedTitles[range])), .texts(Array(foldedBodies[range])), .ints(Array(tokens[range])),
                    .texts(Array(keys[range])), .texts(Array(looseKeys[range])),
                ])
        }
    }

    /// The text's length in the SQLite index's tokens (document mode): bm25 weighs a match
    /// by it, so both backends rank with the same lengths.
    static func tokenCount(_ normalized: String) -> Int {
        var text = normalized
        return text.withUTF8 { bytes in
            var count = 0
            BigramTokenizer.tokenize(bytes, mode: .document) { _, _ in
                count += 1
                return true
            }
            return count
        }
    }

    @discardableResult
    package func remove(_ ids: [DocumentID]) throws(StoreError) -> Int {
        guard !ids.isEmpty else { return 0 }
        return try write("write to") { session in
            let removed = try session.fetch("DELETE FROM document WHERE key = ANY(?) RETURNING id", [.texts(ids.map(\.rawValue))]).count
            try PostgresGraphWriter.removeOrphans(in: session)
            return removed
        }
    }

    /// Before a first ingest (no unit yet), drops the search keys' GIN indexes; after any
    /// ingest, builds those missing (`searchIndexes`).
    package func bulkWrite(started: Bool) throws(StoreError) {
        try maintain { session in
            if started {
                guard try session.fetchOne("SELECT NOT EXISTS (SELECT 1 FROM unit)")?.bool(0) == true else { return }
                try session.execute("DROP INDEX IF EXISTS unit_keys, unit_loose_keys")
            } else {
                for statement in Self.searchIndexes { try session.execute(statement) }
            }
        }
    }

    /// After an ingest: the GIN indexes' pending lists merged (queries read them row by row
    /// until then) and fresh planner statistics.
    package func finishIngest() throws(StoreError) {
        try maintain { session in
            for index in ["unit_keys", "unit_loose_keys"] {
                try session.execute("SELECT gin_clean_pending_list(to_regclass(?)) WHERE to_regclass(?) IS NOT NULL", [.text(index), .text(index)])
            }
        }
        do {
            try primary.withSession { session in try session.execute("ANALYZE") }
        } catch {
            throw StoreError.from(error, server: primary.server, while: "write to")
        }
    }

    /// Runs `body` in a transaction on the primary with the writers' lock, leaving the
    /// index's generation as it is (nothing a reader sees changes).
    private func maintain(_ body: (Session) throws -> Void) throws(StoreError) {
        do {
            try primary.withSession { session in
                try session.transaction {
                    try session.execute("SELECT pg_advisory_xact_lock(\(Self.writerLock))")
                    try body(session)
                }
            }
        } catch {
            throw StoreError.from(error, server: primary.server, while: "write to")
        }
    }

    /// A read on the primary: what ingest decides on must not lag behind its own writes.
    func onPrimary<T>(_ action: String, _ body: (Session) throws -> T) throws(StoreError) -> T {
        do {
            return try primary.withSession { session in
                try session.transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") { try body(session) }
            }
        } catch {
            throw StoreError.from(error, server: primary.server, while: action)
        }
    }
}
