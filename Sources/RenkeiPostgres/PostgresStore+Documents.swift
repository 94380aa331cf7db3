package import RenkeiCore

extension PostgresStore {
    package func documentCount() throws(StoreError) -> Int {
        try read("read") { session in try session.fetchOne("SELECT count(*) FROM document")?.int(0) ?? 0 }
    }

    package func document(_ id: DocumentID) throws(StoreError) -> StoredDocument? {
        try read("read") { session in
            try session.fetchOne(
                """
                SELECT key, title, body, content_hash, encoding,
                       (SELECT count(*) FROM unit WHERE unit.document_id = document.id AND record_number IS NOT NULL)
                FROM document WHERE key = ?
                """, [.text(id.rawValue)]
            ).map { row in
                StoredDocument(
                    id: DocumentID(rawValue: row.string(0)), title: row.string(1), body: row.string(2), contentHash: row.string(3),
                    encoding: row.string(4), recordCount: row.int(5))
            }
        }
    }

    /// The document's own text, then its records' text, separated by line ends (as extraction read it).
    package func extractionText(of id: DocumentID) throws(StoreError) -> String? {
        try read("read") { session in
            guard let row = try session.fetchOne("SELECT id, body FROM document WHERE key = ?", [.text(id.rawValue)]) else { return nil }
            let records = try session.fetch(
                "SELECT text FROM unit WHERE document_id = ? AND record_number IS NOT NULL ORDER BY record_number", [.int(row.int(0))]
            ).map { $0.string(0) }
            return records.isEmpty ? row.string(1) : row.string(1) + "\n" + records.joined(separator: "\n")
        }
    }

    package func changes(since: Int64, until: Int64, after cursor: ChangeCursor?, limit: Int) throws(StoreError) -> [ChangeRecord] {
        try read("read") { session in
            try session.fetch(
                """
                SELECT kind, key, generation, added_generation, removed FROM change_log
                WHERE generation > ? AND generation <= ? AND NOT (removed AND added_generation > ?)
                AND (generation, kind, key) > (?, ?, ?)
                ORDER BY generation, kind, key LIMIT ?
                """,
                [
                    .int(Int(since)), .int(Int(until)), .int(Int(since)), .int(Int(cursor?.generation ?? since)),
                    .text(cursor?.subject.rawValue ?? ""), .text(cursor?.key ?? ""), .int(limit),
                ]
            ).compactMap { row in
                guard let subject = ChangeRecord.Subject(rawValue: row.string(0)) else { return nil }
                let change: ChangeRecord.Change = row.bool(4) ? .removed : row.int64(3) > since ? .added : .updated
                return ChangeRecord(subject: subject, key: row.string(1), change: change, generation: row.int64(2))
            }
        }
    }

    /// What is wrong with the index, in words: the rules the SQLite store checks that hold
    /// here too (PostgreSQL checks its own storage).
    package func integrityProblems() throws(StoreError) -> [String] {
        try onPrimary("check") { session in
            var problems: [String] = []
            let counts: [(String, String)] = [
                (
                    "SELECT count(*) FROM document d WHERE NOT EXISTS (SELECT 1 FROM unit WHERE unit.document_id = d.id)",
                    "documents have no search units"
                ),
                (
                    "SELECT count(*) FROM unit WHERE cardinality(keys) = 0 AND length(normalized_title || normalized_body) > 0",
                    "search units have no search keys"
                ),
                (
                    """
                    SELECT count(*) FROM document t
                    WHERE NOT EXISTS (SELECT 1 FROM change_log c WHERE c.kind = 'document' AND c.key = t.key AND NOT c.removed)
                    """,
                    "document rows are missing from the change feed"
                ),
                (
                    """
                    SELECT count(*) FROM entity t
                    WHERE NOT EXISTS (SELECT 1 FROM change_log c WHERE c.kind = 'entity' AND c.key = t.key AND NOT c.removed)
                    """,
                    "entity rows are missing from the change feed"
                ),
            ]
            for (sql, problem) in counts {
                let count = try session.fetchOne(sql)?.int(0) ?? 0
                if count > 0 { problems.append("\(count) \(problem)") }
            }
            for index in ["unit_keys", "unit_loose_keys"] where try session.fetchOne("SELECT to_regclass(?) IS NULL", [.text(index)])?.bool(0) == true
            {
                problems.append("the search index \(index) is missing")
            }
            return problems
        }
    }
}
