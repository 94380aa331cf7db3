internal import GRDB
internal import RenkeiCore

extension IndexStore {
    /// FTS5's `hashsize`: new terms held in memory before they are written as a segment.
    /// An ingest transaction (12 MB of text by default) fits in one.
    static let ftsWriteBufferBytes = 32 * 1024 * 1024

    /// The normalised title a unit was indexed with: the document's for its own text, none for a record.
    static func normalizedTitle(unit: String, document: String) -> String {
        "CASE WHEN \(unit).record_number IS NULL THEN \(NormalizeFunction.name)(\(document).title) ELSE '' END"
    }

    /// The normalised text a unit was indexed with: the record's, or the document's body.
    static func normalizedBody(unit: String, document: String) -> String {
        "\(NormalizeFunction.name)(ifnull(\(unit).text, \(document).body))"
    }

    /// The bigram index keeps no copy of the text (see migration v3); the delete trigger on
    /// `unit` feeds it a removed unit's tokens again.
    private static let createBigramIndex = """
        CREATE VIRTUAL TABLE unit_fts USING fts5(title, body, tokenize = '\(BigramFTS5Tokenizer.name)', content = '')
        """

    /// Which units contain each character (see migration v3).
    private static let createCharacterIndex = """
        CREATE VIRTUAL TABLE unit_chars USING fts5(
            title, body, tokenize = '\(CharacterFTS5Tokenizer.name)', detail = none, content = ''
        )
        """

    /// The loose layer's indexes (migration v7): which units hold each pair and each
    /// character of their fold that the exact indexes do not hold as written
    /// (`LooseChanges`), without positions. A loose match is a candidate from them and the
    /// exact indexes, checked against the unit's folded text (`IndexStore+Loose.swift`).
    private static let createLooseIndexes = """
        CREATE VIRTUAL TABLE unit_loose USING fts5(
            pairs, tokenize = '\(PairFTS5Tokenizer.name)', detail = none, content = ''
        );
        CREATE VIRTUAL TABLE unit_loose_chars USING fts5(
            characters, tokenize = '\(CharacterFTS5Tokenizer.name)', detail = none, content = ''
        )
        """

    /// Every unit's normalised title and text into `index` (`unit_fts` or `unit_chars`).
    private static func fillIndex(_ index: String) -> String {
        """
        INSERT INTO \(index) (rowid, title, body)
            SELECT u.id, \(normalizedTitle(unit: "u", document: "d")), \(normalizedBody(unit: "u", document: "d"))
            FROM unit u JOIN document d ON d.id = u.document_id
        """
    }

    static func migrate(_ writer: some DatabaseWriter, location: String) throws {
        try writer.read { db in
            // An SQLite file that is not ours must not be written into.
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
            if !tables.isEmpty, !tables.contains("grdb_migrations") {
                throw StoreError(.notAnIndex, "\(location) is an SQLite database but not a Renkei index; choose another --index path.")
            }
        }
        var migrator = DatabaseMigrator()
        // One migration while no index exists outside development; later schema changes add
        // migrations after it.
        migrator.registerMigration("v1 documents, search units and knowledge graph") { db in
            try db.execute(
                sql: """
                    CREATE TABLE document (
                        id INTEGER PRIMARY KEY,
                        key TEXT NOT NULL UNIQUE CHECK (length(key) > 0),
                        title TEXT NOT NULL,
                        -- The clean text outside any table records.
                        body TEXT NOT NULL,
                        content_hash TEXT NOT NULL CHECK (length(content_hash) = 64),
                        encoding TEXT NOT NULL,
                        byte_count INTEGER NOT NULL CHECK (byte_count >= 0),
                        ingested_at TEXT NOT NULL
                    );
                    -- What search finds: a document's own text (record_number NULL, text NULL meaning
                    -- document.body) or one record of a table document.
                    CREATE TABLE unit (
                        id INTEGER PRIMARY KEY,
                        document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                        record_number INTEGER CHECK (record_number >= 1),
                        text TEXT,
                        CHECK ((record_number IS NULL) = (text IS NULL))
                    );
                    CREATE UNIQUE INDEX unit_document ON unit(document_id, ifnull(record_number, 0));
                    -- Normalised title and text (NFKC, lower case) as character bigrams; rowid = unit.id.
                    -- prefix='1' makes one-character terms index lookups.
                    CREATE VIRTUAL TABLE unit_fts USING fts5(
                        title, body, tokenize = '\(BigramFTS5Tokenizer.name)', prefix = '1'
                    );
                    CREATE TRIGGER unit_fts_delete AFTER DELETE ON unit BEGIN
                        DELETE FROM unit_fts WHERE rowid = old.id;
                    END;
                    CREATE TABLE entity (
                        id INTEGER PRIMARY KEY,
                        key TEXT NOT NULL UNIQUE,
                        kind TEXT NOT NULL CHECK (kind IN ('city', 'prefecture', 'company', 'university', 'organization', 'agreement', 'project')),
                        name TEXT NOT NULL CHECK (length(name) > 0),
                        code TEXT,
                        prefecture TEXT,
                        corporate_number TEXT,
                        signed TEXT,
                        topics TEXT NOT NULL DEFAULT '[]',
                        amount_yen INTEGER,
                        fiscal_year INTEGER
                    );
                    CREATE INDEX entity_kind_name ON entity(kind, name);
                    -- Every written form of an entity, per document that writes it: what a document
                    -- contributed is exactly its rows here, in mention and in relation.
                    CREATE TABLE entity_name (
                        entity_id INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
                        document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                        name TEXT NOT NULL,
                        PRIMARY KEY (entity_id, document_id, name)
                    ) WITHOUT ROWID;
                    CREATE INDEX entity_name_name ON entity_name(name);
                    CREATE INDEX entity_name_document ON entity_name(document_id);
                    CREATE TABLE mention (
                        entity_id INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
                        document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                        start INTEGER NOT NULL CHECK (start >= 0),
                        "end" INTEGER NOT NULL,
                        CHECK (start <= "end"),
                        PRIMARY KEY (entity_id, document_id, start)
                    ) WITHOUT ROWID;
                    CREATE INDEX mention_document ON mention(document_id);
                    CREATE TABLE relation (
                        id INTEGER PRIMARY KEY,
                        subject_id INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
                        predicate TEXT NOT NULL CHECK (predicate IN ('party_to', 'participates_in', 'organizes', 'under', 'in_prefecture')),
                        object_id INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
                        document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                        evidence_start INTEGER,
                        evidence_end INTEGER,
                        evidence TEXT,
                        UNIQUE (subject_id, predicate, object_id, document_id)
                    );
                    CREATE INDEX relation_object ON relation(object_id, predicate);
                    CREATE INDEX relation_document ON relation(document_id);
                    """)
        }
        // The fiscal years each document is about, for the search filter and facet. Documents
        // stored before this table existed are marked changed, so the next ingest rereads them.
        migrator.registerMigration("v2 document fiscal years") { db in
            try db.execute(
                sql: """
                    CREATE TABLE document_year (
                        document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                        fiscal_year INTEGER NOT NULL CHECK (fiscal_year BETWEEN 1868 AND 2200),
                        PRIMARY KEY (document_id, fiscal_year)
                    ) WITHOUT ROWID;
                    CREATE INDEX document_year_year ON document_year(fiscal_year);
                    UPDATE document SET content_hash = '\(String(repeating: "0", count: 64))';
                    """)
        }
        // The search index keeps no copy of the normalised text (`content=''`): the originals
        // are in `document` and `unit`, and `renkei_normalize` derives the normalised text
        // again where it is needed — to delete a unit's tokens and to check the rare term
        // that starts or ends with a blank. This saves a copy of the corpus. The tokenizer's
        // bridge tokens (blanks between runs) came with it, and one-character queries moved
        // from a prefix index over the bigrams to `unit_chars` (which units contain each
        // character, `detail=none`: no positions), so both tables are built from the units.
        migrator.registerMigration("v3 contentless bigram index with bridge tokens, character index") { db in
            let oldTitle = Self.normalizedTitle(unit: "old", document: "d"), oldBody = Self.normalizedBody(unit: "old", document: "d")
            try db.execute(
                sql: """
                    DROP TRIGGER unit_fts_delete;
                    DROP TABLE unit_fts;
                    \(Self.createBigramIndex);
                    \(Self.createCharacterIndex);
                    \(Self.fillIndex("unit_fts"));
                    \(Self.fillIndex("unit_chars"));
                    -- A contentless index forgets a row only when told its tokens again.
                    CREATE TRIGGER unit_fts_delete AFTER DELETE ON unit BEGIN
                        INSERT INTO unit_fts (unit_fts, rowid, title, body)
                        SELECT 'delete', old.id, \(oldTitle), \(oldBody) FROM document d WHERE d.id = old.document_id;
                        INSERT INTO unit_chars (unit_chars, rowid, title, body)
                        SELECT 'delete', old.id, \(oldTitle), \(oldBody) FROM document d WHERE d.id = old.document_id;
                    END;
                    -- Units go before their document, so the trigger above still reads its text.
                    CREATE TRIGGER document_units_first BEFORE DELETE ON document BEGIN
                        DELETE FROM unit WHERE document_id = old.id;
                    END;
                    """)
        }
        // A counter every write transaction raises (`IndexStore.write`), so readers know when
        // what they keep in memory is stale. FTS5 buffers up to 32 MB of new terms before
        // writing a segment (default 1 MB): one segment per ingest transaction instead of
        // dozens, fewer merges, fewer segments per query.
        migrator.registerMigration("v4 generation counter, larger FTS5 write buffer") { db in
            try db.execute(
                sql: """
                    CREATE TABLE store_generation (value INTEGER NOT NULL);
                    INSERT INTO store_generation VALUES (1);
                    INSERT INTO unit_fts (unit_fts, rank) VALUES ('hashsize', \(Self.ftsWriteBufferBytes));
                    INSERT INTO unit_chars (unit_chars, rank) VALUES ('hashsize', \(Self.ftsWriteBufferBytes));
                    """)
        }
        // The tokenizer gives trigrams where three ASCII characters follow each other
        // (`BigramTokenizer`), and short terms are stored with hashed bytes after them
        // (`HashedTermKey`): both indexes are built again. Segments are merged once eight
        // (not FTS5's four) pile up at a level, so a first ingest's few large transactions
        // are not merged while it runs (`IngestPipeline.batchBytes`).
        migrator.registerMigration("v5 ASCII trigrams, hashed short terms") { db in
            try db.execute(
                sql: """
                    DROP TABLE unit_fts;
                    DROP TABLE unit_chars;
                    \(Self.createBigramIndex);
                    \(Self.createCharacterIndex);
                    INSERT INTO unit_fts (unit_fts, rank) VALUES ('hashsize', \(Self.ftsWriteBufferBytes));
                    INSERT INTO unit_chars (unit_chars, rank) VALUES ('hashsize', \(Self.ftsWriteBufferBytes));
                    INSERT INTO unit_fts (unit_fts, rank) VALUES ('automerge', 8);
                    INSERT INTO unit_chars (unit_chars, rank) VALUES ('automerge', 8);
                    \(Self.fillIndex("unit_fts"));
                    \(Self.fillIndex("unit_chars"));
                    """)
        }
        // Entities are keyed by `EntityKey`: agreements and projects by a hash of their
        // identity instead of the identity itself. Every document is marked changed, so the
        // next ingest rereads it under the new keys and the old keys' entities, named by no
        // document any more, disappear.
        migrator.registerMigration("v6 stable entity keys") { db in
            try db.execute(sql: "UPDATE document SET content_hash = '\(String(repeating: "0", count: 64))'")
        }
        // The loose layer (表記ゆれ): a bigram and a character index over the fold of every
        // unit's normalised text, kept in step by the same writes and the same delete trigger.
        migrator.registerMigration("v7 loose indexes") { db in
            let title = Self.normalizedTitle(unit: "u", document: "d"), body = Self.normalizedBody(unit: "u", document: "d")
            let oldTitle = Self.normalizedTitle(unit: "old", document: "d"), oldBody = Self.normalizedBody(unit: "old", document: "d")
            let (pairs, characters) = (LooseFunctions.pairs, LooseFunctions.characters)
            var statements = [Self.createLooseIndexes]
            for index in ["unit_loose", "unit_loose_chars"] {
                statements.append("INSERT INTO \(index) (\(index), rank) VALUES ('hashsize', \(Self.ftsWriteBufferBytes))")
                statements.append("INSERT INTO \(index) (\(index), rank) VALUES ('automerge', 8)")
            }
            statements.append(
                """
                INSERT INTO unit_loose (rowid, pairs)
                    SELECT u.id, \(pairs)(\(title), \(body)) FROM unit u JOIN document d ON d.id = u.document_id
                """)
            statements.append(
                """
                INSERT INTO unit_loose_chars (rowid, characters)
                    SELECT u.id, \(characters)(\(title), \(body)) FROM unit u JOIN document d ON d.id = u.document_id
                """)
            statements.append("DROP TRIGGER unit_fts_delete")
            statements.append(
                """
                CREATE TRIGGER unit_fts_delete AFTER DELETE ON unit BEGIN
                    INSERT INTO unit_fts (unit_fts, rowid, title, body)
                    SELECT 'delete', old.id, \(oldTitle), \(oldBody) FROM document d WHERE d.id = old.document_id;
                    INSERT INTO unit_chars (unit_chars, rowid, title, body)
                    SELECT 'delete', old.id, \(oldTitle), \(oldBody) FROM document d WHERE d.id = old.document_id;
                    INSERT INTO unit_loose (unit_loose, rowid, pairs)
                    SELECT 'delete', old.id, \(pairs)(\(oldTitle), \(oldBody)) FROM document d WHERE d.id = old.document_id;
                    INSERT INTO unit_loose_chars (unit_loose_chars, rowid, characters)
                    SELECT 'delete', old.id, \(characters)(\(oldTitle), \(oldBody)) FROM document d WHERE d.id = old.document_id;
                END
                """)
            for statement in statements { try db.execute(sql: statement) }
        }
        // The change feed (`ChangeLog`): what changed in which generation, kept by triggers.
        migrator.registerMigration("v8 change log") { db in
            for statement in ChangeLog.create { try db.execute(sql: statement) }
        }
        let (superseded, complete) = try writer.read { db in
            (try migrator.hasBeenSuperseded(db), try migrator.hasCompletedMigrations(db))
        }
        if superseded {
            throw StoreError(.newerSchema, "The index \(location) was written by a newer Renkei; rebuild it or upgrade Renkei.")
        }
        // A current index is opened without taking the write lock, so searches never queue
        // behind an ingest.
        if !complete { try migrator.migrate(writer) }
    }
}
