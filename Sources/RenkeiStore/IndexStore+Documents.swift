internal import Foundation
internal import GRDB
package import RenkeiCore

extension IndexStore {
    /// Gives the file's free pages back to the file system. FTS5 merges its segments as an
    /// ingest goes, and the pages of the merged ones stay free: 8 MB of a 120 MB index
    /// after a first ingest of the big benchmark corpus. Only files created with
    /// `auto_vacuum = INCREMENTAL` (every index since schema v5) can; others keep their pages.
    package func reclaimFreePages() throws(StoreError) {
        do {
            try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA incremental_vacuum") }
        } catch {
            throw StoreError.from(error, path: location, while: "write to")
        }
    }

    /// The content hash of every stored document, to decide what a re-ingest must rewrite.
    package func contentHashes() throws(StoreError) -> [DocumentID: String] {
        try read("read") { db in
            var hashes: [DocumentID: String] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT key, content_hash FROM document")
            while let row = try rows.next() {
                hashes[DocumentID(rawValue: row[0])] = row[1]
            }
            return hashes
        }
    }

    /// Writes whole documents in one transaction: each is added, or replaces the stored
    /// document with the same id together with its units and index entries.
    @discardableResult
    package func write(_ documents: [PreparedDocument]) throws(StoreError) -> [WriteOutcome] {
        let now = Date().ISO8601Format()
        return try write("write to") { db in try Self.write(documents, at: now, in: db) }
    }

    /// `write` on GRDB's writer queue: the caller is suspended, not blocked, while SQLite
    /// works (a transaction of the big corpus takes a second or two, which would hold a
    /// thread of the cooperative pool).
    @discardableResult
    package func commit(_ documents: [PreparedDocument]) async throws(StoreError) -> [WriteOutcome] {
        let now = Date().ISO8601Format()
        return try await writeAsync("write to") { db in try Self.write(documents, at: now, in: db) }
    }

    private static func write(_ documents: [PreparedDocument], at now: String, in db: Database) throws -> [WriteOutcome] {
        let find = try db.cachedStatement(sql: "SELECT id FROM document WHERE key = ?")
        let insert = try db.cachedStatement(
            sql: """
                INSERT INTO document (key, title, body, content_hash, encoding, byte_count, ingested_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
        let update = try db.cachedStatement(
            sql: """
                UPDATE document SET title = ?, body = ?, content_hash = ?, encoding = ?, byte_count = ?, ingested_at = ?
                WHERE id = ?
                """)
        let removeUnits = try db.cachedStatement(sql: "DELETE FROM unit WHERE document_id = ?")
        let insertUnit = try db.cachedStatement(sql: "INSERT INTO unit (document_id, record_number, text) VALUES (?, ?, ?)")
        let index = try db.cachedStatement(sql: "INSERT INTO unit_fts (rowid, title, body) VALUES (?, ?, ?)")
        let indexCharacters = try db.cachedStatement(sql: "INSERT INTO unit_chars (rowid, title, body) VALUES (?, ?, ?)")
        let indexLoose = try db.cachedStatement(sql: "INSERT INTO unit_loose (rowid, pairs) VALUES (?, ?)")
        let indexLooseCharacters = try db.cachedStatement(sql: "INSERT INTO unit_loose_chars (rowid, characters) VALUES (?, ?)")
        var outcomes: [WriteOutcome] = []
        outcomes.reserveCapacity(documents.count)
        // Index rows are written after every other row of the batch: a statement that
        // needs a statement journal (the graph's upserts and deletes) makes FTS5 flush its
        // pending terms into a new segment, so interleaving them made one segment per few
        // documents, which automerge then rewrote over and over.
        var indexed: [(unitID: Int64, unit: PreparedDocument.PreparedUnit)] = []
        for prepared in documents {
            let document = prepared.document
            let documentRowID: Int64
            if let existing = try Int64.fetchOne(find, arguments: [document.id.rawValue]) {
                try removeUnits.execute(arguments: [existing])
                try update.execute(arguments: [
                    document.title, document.body, document.contentHash, document.encoding,
                    document.byteCount, now, existing,
                ])
                documentRowID = existing
                outcomes.append(.updated)
            } else {
                try insert.execute(arguments: [
                    document.id.rawValue, document.title, document.body, document.contentHash,
                    document.encoding, document.byteCount, now,
                ])
                documentRowID = db.lastInsertedRowID
                outcomes.append(.added)
            }
            for unit in prepared.units {
                try insertUnit.execute(arguments: [documentRowID, unit.recordNumber, unit.text])
                indexed.append((db.lastInsertedRowID, unit))
            }
            try GraphWriter.replace(prepared.graph, of: documentRowID, replacing: outcomes.last == .updated, in: db)
        }
        try GraphWriter.removeOrphans(in: db)
        // One index after the other: each keeps its pending terms in its own hash table,
        // and alternating between the two evicted each other's from the cache (the big
        // benchmark corpus: 1.45 -> 1.3 s per 12 MB transaction, the character index
        // 4x cheaper).
        for (unitID, unit) in indexed {
            try index.execute(arguments: [unitID, unit.normalizedTitle, unit.normalizedText])
        }
        for (unitID, unit) in indexed {
            try indexCharacters.execute(arguments: [unitID, unit.normalizedTitle, unit.normalizedText])
        }
        for (unitID, unit) in indexed {
            try indexLoose.execute(arguments: [unitID, unit.loose.pairs])
        }
        for (unitID, unit) in indexed {
            try indexLooseCharacters.execute(arguments: [unitID, unit.loose.characters])
        }
        return outcomes
    }

    /// Removes documents with their units and index entries; returns how many existed.
    @discardableResult
    package func remove(_ ids: [DocumentID]) throws(StoreError) -> Int {
        try write("write to") { db in
            var removed = 0
            for id in ids {
                try db.execute(sql: "DELETE FROM document WHERE key = ?", arguments: [id.rawValue])
                removed += db.changesCount
            }
            try GraphWriter.removeOrphans(in: db)
            return removed
        }
    }

    /// The stored document with this id, if any.
    package func document(_ id: DocumentID) throws(StoreError) -> StoredDocument? {
        try read("read") { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT key, title, body, content_hash, encoding,
                           (SELECT count(*) FROM unit WHERE unit.document_id = document.id AND record_number IS NOT NULL)
                    FROM document WHERE key = ?
                    """, arguments: [id.rawValue]
            ).map { row in
                StoredDocument(
                    id: DocumentID(rawValue: row[0]), title: row[1], body: row[2], contentHash: row[3], encoding: row[4],
                    recordCount: row[5])
            }
        }
    }

    /// The text mention and evidence offsets count in: the document's own text, then its
    /// records' text, separated by line ends (as extraction read it).
    package func extractionText(of id: DocumentID) throws(StoreError) -> String? {
        try read("read") { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT id, body FROM document WHERE key = ?", arguments: [id.rawValue]) else { return nil }
            let documentID: Int64 = row[0]
            let body: String = row[1]
            let records = try String.fetchAll(
                db, sql: "SELECT text FROM unit WHERE document_id = ? AND record_number IS NOT NULL ORDER BY record_number",
                arguments: [documentID])
            return records.isEmpty ? body : body + "\n" + records.joined(separator: "\n")
        }
    }

    /// The index's generation: it changes with every committed write, in any process.
    package func generation() throws(StoreError) -> Int64 {
        try read("read") { db in try Self.generation(db) }
    }

    /// How many documents the index holds.
    package func documentCount() throws(StoreError) -> Int {
        try read("read") { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM document") ?? 0 }
    }
}
