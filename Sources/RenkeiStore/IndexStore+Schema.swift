internal import GRDB

extension IndexStore {
    static func migrate(_ writer: some DatabaseWriter, location: String) throws {
        try writer.read { db in
            // An SQLite file that is not ours must not be written into.
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
            if !tables.isEmpty, !tables.contains("grdb_migrations") {
                throw StoreError(.notAnIndex, "\(location) is an SQLite database but not a Renkei index; choose another --index path.")
            }
        }
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 documents and bigram index") { db in
            try db.execute(sql: """
                CREATE TABLE document (
                    id INTEGER PRIMARY KEY,
                    key TEXT NOT NULL UNIQUE CHECK (length(key) > 0),
                    title TEXT NOT NULL,
                    body TEXT NOT NULL,
                    content_hash TEXT NOT NULL CHECK (length(content_hash) = 64),
                    encoding TEXT NOT NULL,
                    byte_count INTEGER NOT NULL CHECK (byte_count >= 0),
                    ingested_at TEXT NOT NULL
                );
                -- Normalised title and body (NFKC, lower case), indexed as character bigrams.
                -- Its rowid is document.id. prefix='1' makes one-character terms index lookups.
                CREATE VIRTUAL TABLE document_fts USING fts5(
                    title, body, tokenize = '\(BigramFTS5Tokenizer.name)', prefix = '1'
                );
                CREATE TRIGGER document_fts_delete AFTER DELETE ON document BEGIN
                    DELETE FROM document_fts WHERE rowid = old.id;
                END;
                """)
        }
        do {
            if try writer.read({ db in try migrator.hasBeenSuperseded(db) }) {
                throw StoreError(.newerSchema, "The index \(location) was written by a newer Renkei; rebuild it or upgrade Renkei.")
            }
        }
        try migrator.migrate(writer)
    }
}
