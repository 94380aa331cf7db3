/// The change feed's memory (`/api/changes`): one row per document and entity ever stored,
/// with the generation of the index in which it last changed, the generation in which it
/// last appeared, and whether it is gone. Triggers keep it, inside the very transactions
/// that change the index, so no writer can forget it and a rolled-back ingest leaves no
/// trace; one row per key keeps it as small as the index however often pages are re-ingested.
///
/// A write transaction runs at generation g and commits as g + 1 (`IndexStore.write`), so
/// the triggers record g + 1: what a reader sees at generation G holds every change tagged ≤ G.
enum ChangeLog {
    static let nextGeneration = "(SELECT value + 1 FROM store_generation)"

    /// Marks `key` (an SQL expression) of `kind` changed and present; `appeared` when it may
    /// be new (an insert), so an entry that was gone counts as added again.
    private static func touch(_ kind: String, key: String, from source: String = "", appeared: Bool) -> String {
        """
        INSERT INTO change_log (kind, key, generation, added_generation, removed)
        SELECT '\(kind)', \(key), \(nextGeneration), \(nextGeneration), 0 \(source.isEmpty ? "WHERE true" : source)
        ON CONFLICT (kind, key) DO UPDATE SET generation = excluded.generation\(appeared
            ? ", added_generation = CASE WHEN change_log.removed THEN excluded.added_generation ELSE change_log.added_generation END, removed = 0"
            // Touched already in this transaction (a city named by a thousand relations): no write.
            : " WHERE change_log.generation != excluded.generation");
        """
    }

    private static func gone(_ kind: String, key: String) -> String {
        "UPDATE change_log SET generation = \(nextGeneration), removed = 1 WHERE kind = '\(kind)' AND key = \(key);"
    }

    /// The table, its index, the triggers, and every stored document and entity as present
    /// since the current generation (a client syncing from 0 gets them all).
    static let create: [String] = [
        """
        CREATE TABLE change_log (
            kind TEXT NOT NULL CHECK (kind IN ('document', 'entity')),
            key TEXT NOT NULL,
            generation INTEGER NOT NULL,
            added_generation INTEGER NOT NULL,
            removed INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1)),
            PRIMARY KEY (kind, key)
        ) WITHOUT ROWID
        """,
        "CREATE INDEX change_log_generation ON change_log(generation, kind, key)",
        """
        INSERT INTO change_log (kind, key, generation, added_generation)
        SELECT 'document', key, (SELECT value FROM store_generation), (SELECT value FROM store_generation) FROM document
        """,
        """
        INSERT INTO change_log (kind, key, generation, added_generation)
        SELECT 'entity', key, (SELECT value FROM store_generation), (SELECT value FROM store_generation) FROM entity
        """,
        "CREATE TRIGGER change_log_document_insert AFTER INSERT ON document BEGIN \(touch("document", key: "new.key", appeared: true)) END",
        "CREATE TRIGGER change_log_document_update AFTER UPDATE ON document BEGIN \(touch("document", key: "new.key", appeared: false)) END",
        "CREATE TRIGGER change_log_document_delete AFTER DELETE ON document BEGIN \(gone("document", key: "old.key")) END",
        "CREATE TRIGGER change_log_entity_insert AFTER INSERT ON entity BEGIN \(touch("entity", key: "new.key", appeared: true)) END",
        "CREATE TRIGGER change_log_entity_update AFTER UPDATE ON entity BEGIN \(touch("entity", key: "new.key", appeared: false)) END",
        "CREATE TRIGGER change_log_entity_delete AFTER DELETE ON entity BEGIN \(gone("entity", key: "old.key")) END",
        // An entity whose written forms or relations change has changed for a client too. What
        // a written document adds is covered by the entity triggers (every entity of its graph
        // is upserted, which fires the insert or the update trigger); what a rewrite or a
        // removal takes away, by these. (Triggers on every added name and relation as well
        // made a first ingest of 25,000 graph-heavy pages 60 % slower.)
        """
        CREATE TRIGGER change_log_name_delete AFTER DELETE ON entity_name BEGIN
        \(touch("entity", key: "key", from: "FROM entity WHERE id = old.entity_id", appeared: false)) END
        """,
        """
        CREATE TRIGGER change_log_relation_delete AFTER DELETE ON relation BEGIN
        \(touch("entity", key: "key", from: "FROM entity WHERE id IN (old.subject_id, old.object_id)", appeared: false)) END
        """,
    ]
}
