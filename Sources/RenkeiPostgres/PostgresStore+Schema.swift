internal import Foundation
package import RenkeiCore

extension PostgresStore {
    /// The schema every table lives in, in the database the URL names.
    static let schema = "renkei"
    /// The schema version this build writes; an index of a later version is refused.
    static let schemaVersion = 1

    /// The tables as the SQLite store has them (`IndexStore+Schema.swift`), in PostgreSQL's
    /// types, with text compared byte by byte (`COLLATE "C"`, SQLite's BINARY) so keys sort
    /// the same on both backends. Search needs no full-text engine: each unit keeps its
    /// normalised title and text, their fold, and the characters, pairs and triples of both
    /// (`SearchKeys`) under GIN indexes; a query takes the units holding a term's keys and,
    /// for a term longer than three characters, checks it in the text (`PostgresStore+Search.swift`).
    private static let createSchema: [String] =
        [
            "CREATE SCHEMA IF NOT EXISTS \(schema)",
            "CREATE TABLE schema_version (version integer NOT NULL)",
            "CREATE TABLE store_generation (value bigint NOT NULL)",
            "INSERT INTO store_generation VALUES (1)",
            """
            CREATE TABLE document (
                id bigserial PRIMARY KEY,
                key text COLLATE "C" NOT NULL UNIQUE CHECK (length(key) > 0),
                title text COLLATE "C" NOT NULL,
                body text COLLATE "C" NOT NULL,
                content_hash text NOT NULL CHECK (length(content_hash) = 64),
                encoding text NOT NULL,
                byte_count bigint NOT NULL CHECK (byte_count >= 0),
                ingested_at text NOT NULL
            )
            """,
            """
            CREATE TABLE unit (
                id bigserial PRIMARY KEY,
                document_id bigint NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                record_number integer CHECK (record_number >= 1),
                text text COLLATE "C",
                normalized_title text COLLATE "C" NOT NULL,
                normalized_body text COLLATE "C" NOT NULL,
                folded_title text COLLATE "C" NOT NULL,
                folded_body text COLLATE "C" NOT NULL,
                -- The length of the unit in tokens of the SQLite index (title and text): bm25 D.
                tokens integer NOT NULL,
                keys bigint[] NOT NULL,
                loose_keys bigint[] NOT NULL,
                CHECK ((record_number IS NULL) = (text IS NULL))
            )
            """,
            // Searches read these texts whole (strpos, occurrences): stored apart and uncompressed,
            // they are read without decompressing (a common term's 4,400 units: 145 to 75 ms).
            """
            ALTER TABLE unit ALTER COLUMN normalized_title SET STORAGE EXTERNAL, ALTER COLUMN normalized_body SET STORAGE EXTERNAL,
                ALTER COLUMN folded_title SET STORAGE EXTERNAL, ALTER COLUMN folded_body SET STORAGE EXTERNAL
            """,
            "CREATE UNIQUE INDEX unit_document ON unit (document_id, coalesce(record_number, 0))",
            "CREATE INDEX unit_keys ON unit USING gin (keys) WITH (fastupdate = off)",
            "CREATE INDEX unit_loose_keys ON unit USING gin (loose_keys) WITH (fastupdate = off)",
            """
            CREATE TABLE document_year (
                document_id bigint NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 1868 AND 2200),
                PRIMARY KEY (document_id, fiscal_year)
            )
            """,
            "CREATE INDEX document_year_year ON document_year (fiscal_year)",
            """
            CREATE TABLE entity (
                id bigserial PRIMARY KEY,
                key text COLLATE "C" NOT NULL UNIQUE,
                kind text NOT NULL CHECK (kind IN ('city', 'prefecture', 'company', 'university', 'organization', 'agreement', 'project')),
                name text COLLATE "C" NOT NULL CHECK (length(name) > 0),
                code text COLLATE "C",
                prefecture text COLLATE "C",
                corporate_number text,
                signed text COLLATE "C",
                topics text NOT NULL DEFAULT '[]',
                amount_yen bigint,
                fiscal_year integer
            )
            """,
            "CREATE INDEX entity_kind_name ON entity (kind, name)",
            "CREATE INDEX entity_code ON entity (code)",
            """
            CREATE TABLE entity_name (
                entity_id bigint NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
                document_id bigint NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                name text COLLATE "C" NOT NULL,
                PRIMARY KEY (entity_id, document_id, name)
            )
            """,
            "CREATE INDEX entity_name_name ON entity_name (name)",
            "CREATE INDEX entity_name_document ON entity_name (document_id)",
            """
            CREATE TABLE mention (
                entity_id bigint NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
                document_id bigint NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                start integer NOT NULL CHECK (start >= 0),
                "end" integer NOT NULL,
                CHECK (start <= "end"),
                PRIMARY KEY (entity_id, document_id, start)
            )
            """,
            "CREATE INDEX mention_document ON mention (document_id)",
            """
            CREATE TABLE relation (
                id bigserial PRIMARY KEY,
                subject_id bigint NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
                predicate text NOT NULL CHECK (predicate IN ('party_to', 'participates_in', 'organizes', 'under', 'in_prefecture')),
                object_id bigint NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
                document_id bigint NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                evidence_start integer,
                evidence_end integer,
                evidence text COLLATE "C",
                UNIQUE (subject_id, predicate, object_id, document_id)
            )
            """,
            "CREATE INDEX relation_object ON relation (object_id, predicate)",
            "CREATE INDEX relation_document ON relation (document_id)",
        ] + PostgresChangeLog.create + searchIndexes

    /// The GIN indexes of the search keys. A first ingest drops them and builds them at its end
    /// (`bulkWrite`): kept up to date row by row they made a first ingest of the big corpus
    /// several times slower (with hashed pairs as keys: 140 s without a pending list, 29 s
    /// with one, 19 s built at the end). Opening the store builds any that are missing, so an
    /// ingest killed before its end leaves none out.
    static let searchIndexes = [
        "CREATE INDEX IF NOT EXISTS unit_keys ON unit USING gin (keys)",
        "CREATE INDEX IF NOT EXISTS unit_loose_keys ON unit USING gin (loose_keys)",
    ]

    /// Creates the schema in a database that has none, and refuses one written by a newer
    /// Renkei. Two servers starting at once take turns (an advisory lock).
    func migrate() throws(StoreError) {
        do {
            try primary.withSession { session in
                let readOnly = try session.fetchOne("SELECT pg_is_in_recovery()")?.bool(0) ?? false
                try session.transaction {
                    if !readOnly { try session.execute("SELECT pg_advisory_xact_lock(\(Self.writerLock))") }
                    let exists = try session.fetchOne("SELECT to_regclass('\(Self.schema).schema_version') IS NOT NULL")?.bool(0) ?? false
                    if !exists {
                        guard !readOnly else {
                            throw StoreError(.notAnIndex, "\(location) is a read-only replica without a Renkei index; ingest into its primary first.")
                        }
                        for statement in Self.createSchema { try session.execute(statement) }
                        try session.execute("INSERT INTO schema_version VALUES (\(Self.schemaVersion))")
                        return
                    }
                    let version = try session.fetchOne("SELECT max(version) FROM schema_version")?.int(0) ?? 0
                    if version > Self.schemaVersion {
                        throw StoreError(.newerSchema, "The index in \(location) was written by a newer Renkei; upgrade Renkei.")
                    }
                    // Later schema versions add their steps here, each from the version before.
                    if !readOnly { for statement in Self.searchIndexes { try session.execute(statement) } }
                }
            }
        } catch {
            throw StoreError.from(error, server: primary.server, while: "open")
        }
    }

    /// A replica must be a standby of a primary holding the index.
    func checkReplica(_ replica: ConnectionPool) throws(StoreError) {
        do {
            try replica.withSession { session in
                let exists = try session.fetchOne("SELECT to_regclass('\(Self.schema).schema_version') IS NOT NULL")?.bool(0) ?? false
                guard exists else {
                    throw StoreError(.notAnIndex, "The read replica \(replica.server) holds no Renkei index; is it a standby of \(location)?")
                }
            }
        } catch {
            throw StoreError.from(error, server: replica.server, while: "open")
        }
    }
}

extension PostgresStore {
    /// Drops the database `url` names, if it exists, and creates it empty, connected to the
    /// same server's `postgres` database: for tests and benchmarks that need a fresh index.
    package static func recreateDatabase(_ url: String) throws(StoreError) {
        guard var address = ServerAddress(url: url) else {
            throw StoreError(.cannotOpen, "\(url) is not a PostgreSQL URL (postgresql://user@host:port/database).")
        }
        let name = address.database.replacingOccurrences(of: "\"", with: "\"\"")
        address.database = "postgres"
        let pool = ConnectionPool(address, capacity: 1)
        do {
            try pool.withSession { session in
                try session.execute("DROP DATABASE IF EXISTS \"\(name)\" WITH (FORCE)")
                try session.execute("CREATE DATABASE \"\(name)\" ENCODING 'UTF8' TEMPLATE template0")
            }
        } catch {
            throw StoreError.from(error, server: address, while: "create")
        }
    }
}
