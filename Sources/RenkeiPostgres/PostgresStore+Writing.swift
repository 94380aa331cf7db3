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
        let units = documents.flatMap { prepared in
            ids[prepared.document.id.rawValue].map { id in prepared.units.map { (document: Int(id), unit: $0) } } ?? []
        }
        // Bounded statements: a batch of the big corpus is 12 MB of text, sent three times
        // (as written, normalised, folded) with some 4,000 keys per unit.
        let chunk = 500
        for start in stride(from: 0, to: units.count, by: chunk) {
            try insertUnits(units[start..<min(start + chunk, units.count)], in: session)
        }
    }

    /// One statement for these units: a column per array, unnested by the server. The keys of
    /// every unit travel as one flat array (binary integers, not text to parse), each unit
    /// taking its slice of it.
    private static func insertUnits(_ units: ArraySlice<(document: Int, unit: PreparedDocument.PreparedUnit)>, in session: Session) throws {
        var records: [String] = [], texts: [String] = [], hasText: [String] = []
        var foldedTitles: [String] = [], foldedBodies: [String] = [], tokens: [Int] = []
        var keys: [Int] = [], keyEnds: [Int] = [], looseKeys: [Int] = [], looseKeyEnds: [Int] = []
        for (_, unit) in units {
            records.append(unit.recordNumber.map(String.init) ?? "")
            texts.append(unit.text ?? "")
            hasText.append(unit.text == nil ? "f" : "t")
            let foldedTitle = LooseFold.fold(normalized: unit.normalizedTitle)
            let foldedBody = LooseFold.fold(normalized: unit.normalizedText)
            foldedTitles.append(foldedTitle)
            foldedBodies.append(foldedBody)
            tokens.append(tokenCount(unit.normalizedTitle) + tokenCount(unit.normalizedText))
            SearchKeys.append(keysOf: [unit.normalizedTitle, unit.normalizedText], to: &keys)
            keyEnds.append(keys.count)
            SearchKeys.append(keysOf: [foldedTitle, foldedBody], to: &looseKeys)
            looseKeyEnds.append(looseKeys.count)
        }
        try session.execute(
            """
            INSERT INTO unit (document_id, record_number, text, normalized_title, normalized_body, folded_title, folded_body,
                tokens, keys, loose_keys)
            SELECT document_id, nullif(record, '')::integer, CASE WHEN has_text THEN text END, title, body, folded_title, folded_body,
                tokens, k.keys[coalesce(key_start, 0) + 1:key_end], k.loose_keys[coalesce(loose_start, 0) + 1:loose_end]
            FROM (
                SELECT n.*, lag(key_end) OVER (ORDER BY ordinality) AS key_start, lag(loose_end) OVER (ORDER BY ordinality) AS loose_start
                FROM unnest(
                    ?::bigint[], ?::text[], ?::text[], ?::boolean[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[],
                    ?::integer[], ?::integer[]) WITH ORDINALITY
                    AS n(document_id, record, text, has_text, title, body, folded_title, folded_body, tokens, key_end, loose_end, ordinality)
            ) rows, (SELECT ?::bigint[] AS keys, ?::bigint[] AS loose_keys) k
            """,
            [
                .ints(units.map(\.document)), .texts(records), .texts(texts), .texts(hasText), .texts(units.map(\.unit.normalizedTitle)),
                .texts(units.map(\.unit.normalizedText)), .texts(foldedTitles), .texts(foldedBodies), .ints(tokens), .ints(keyEnds),
                .ints(looseKeyEnds), .ints(keys), .ints(looseKeys),
            ])
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
