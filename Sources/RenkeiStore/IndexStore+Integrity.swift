internal import GRDB
package import RenkeiCore

extension IndexStore {
    /// Problems found in the index, in words; empty when it is sound: SQLite's own check,
    /// FTS5's check of its index structure (the index is contentless, so FTS5 cannot compare
    /// it with text), and the rules that every document has its units and every unit, and
    /// only a unit, has a row in the index.
    package func integrityProblems() throws(StoreError) -> [String] {
        try write("check") { db in
            var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            do {
                try db.execute(sql: "INSERT INTO unit_fts (unit_fts) VALUES ('integrity-check')")
                try db.execute(sql: "INSERT INTO unit_chars (unit_chars) VALUES ('integrity-check')")
                try db.execute(sql: "INSERT INTO unit_loose (unit_loose) VALUES ('integrity-check')")
                try db.execute(sql: "INSERT INTO unit_loose_chars (unit_loose_chars) VALUES ('integrity-check')")
            } catch {
                problems.append("the full-text index is damaged (\((error as? DatabaseError)?.message ?? "\(error)"))")
            }
            let withoutUnits =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT count(*) FROM document WHERE NOT EXISTS (SELECT 1 FROM unit WHERE unit.document_id = document.id)
                        """) ?? 0
            if withoutUnits > 0 { problems.append("\(withoutUnits) documents have no search units") }
            let unindexed =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT count(*) FROM unit WHERE NOT EXISTS (SELECT 1 FROM unit_fts_docsize s WHERE s.id = unit.id)
                        """) ?? 0
            if unindexed > 0 { problems.append("\(unindexed) search units are not in the full-text index") }
            let orphans =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT count(*) FROM unit_fts_docsize s WHERE NOT EXISTS (SELECT 1 FROM unit WHERE unit.id = s.id)
                        """) ?? 0
            if orphans > 0 { problems.append("\(orphans) full-text rows belong to no search unit") }
            let bigramRows = try Int.fetchOne(db, sql: "SELECT count(*) FROM unit_fts_docsize") ?? 0
            let indexes = [("unit_chars", "character index"), ("unit_loose", "loose index"), ("unit_loose_chars", "loose character index")]
            for (index, label) in indexes {
                let rows = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(index)_docsize") ?? 0
                if rows != bigramRows { problems.append("the \(label) has \(rows) rows and the bigram index \(bigramRows)") }
            }
            for table in ["document", "entity"] {
                let unlogged =
                    try Int.fetchOne(
                        db,
                        sql: """
                            SELECT count(*) FROM \(table) t WHERE NOT EXISTS
                            (SELECT 1 FROM change_log c WHERE c.kind = '\(table)' AND c.key = t.key AND c.removed = 0)
                            """) ?? 0
                if unlogged > 0 { problems.append("\(unlogged) \(table) rows are missing from the change feed") }
            }
            return problems
        }
    }
}
