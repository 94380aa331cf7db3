/// The change feed's memory in PostgreSQL: the SQLite store's `ChangeLog` (one row per
/// document and entity, the generation it last changed in, the one it last appeared in, and
/// whether it is gone), kept by the same triggers written as PL/pgSQL functions, so it changes
/// in the very transactions that change the index.
enum PostgresChangeLog {
    /// The generation the running write transaction commits as.
    private static let nextGeneration = "(SELECT value + 1 FROM store_generation)"

    private static func touch(appeared: Bool) -> String {
        """
        INSERT INTO change_log (kind, key, generation, added_generation, removed)
        VALUES (subject, changed_key, \(nextGeneration), \(nextGeneration), false)
        ON CONFLICT (kind, key) DO UPDATE SET generation = excluded.generation\(appeared
            ? ", added_generation = CASE WHEN change_log.removed THEN excluded.added_generation ELSE change_log.added_generation END, removed = false"
            : " WHERE change_log.generation <> excluded.generation");
        """
    }

    static let create: [String] = [
        """
        CREATE TABLE change_log (
            kind text NOT NULL CHECK (kind IN ('document', 'entity')),
            key text COLLATE "C" NOT NULL,
            generation bigint NOT NULL,
            added_generation bigint NOT NULL,
            removed boolean NOT NULL DEFAULT false,
            PRIMARY KEY (kind, key)
        )
        """,
        "CREATE INDEX change_log_generation ON change_log (generation, kind, key)",
        """
        CREATE FUNCTION change_log_appeared(subject text, changed_key text) RETURNS void LANGUAGE sql AS $$
        \(touch(appeared: true))
        $$
        """,
        """
        CREATE FUNCTION change_log_touched(subject text, changed_key text) RETURNS void LANGUAGE sql AS $$
        \(touch(appeared: false))
        $$
        """,
        """
        CREATE FUNCTION change_log_row() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'INSERT' THEN
                PERFORM change_log_appeared(TG_ARGV[0], NEW.key);
            ELSIF TG_OP = 'UPDATE' THEN
                PERFORM change_log_touched(TG_ARGV[0], NEW.key);
            ELSE
                UPDATE change_log SET generation = \(nextGeneration), removed = true WHERE kind = TG_ARGV[0] AND key = OLD.key;
            END IF;
            RETURN NULL;
        END $$
        """,
        // An entity whose written forms or relations a rewrite or removal takes away has changed
        // for a client too (as on SQLite; what a write adds is covered by the entity upserts).
        """
        CREATE FUNCTION change_log_entity_link() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_TABLE_NAME = 'entity_name' THEN
                PERFORM change_log_touched('entity', key) FROM entity WHERE id = OLD.entity_id;
            ELSE
                PERFORM change_log_touched('entity', key) FROM entity WHERE id IN (OLD.subject_id, OLD.object_id);
            END IF;
            RETURN NULL;
        END $$
        """,
        "CREATE TRIGGER change_log_document AFTER INSERT OR UPDATE OR DELETE ON document FOR EACH ROW EXECUTE FUNCTION change_log_row('document')",
        "CREATE TRIGGER change_log_entity AFTER INSERT OR UPDATE OR DELETE ON entity FOR EACH ROW EXECUTE FUNCTION change_log_row('entity')",
        "CREATE TRIGGER change_log_name_delete AFTER DELETE ON entity_name FOR EACH ROW EXECUTE FUNCTION change_log_entity_link()",
        "CREATE TRIGGER change_log_relation_delete AFTER DELETE ON relation FOR EACH ROW EXECUTE FUNCTION change_log_entity_link()",
    ]
}
