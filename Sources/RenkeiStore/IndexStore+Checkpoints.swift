internal import GRDB
package import RenkeiCore

extension IndexStore {
    /// Turns off (or back on) the checkpoint that follows each commit leaving the write-ahead
    /// log over a thousand pages. A bulk writer turns it off and checkpoints once at its end
    /// (`checkpoint()`): on the big benchmark corpus the checkpoints after each transaction
    /// cost 0.9 s of the writer's 8, the one at the end a third of that. Meanwhile the log
    /// grows to about the size of what was written.
    package func setCheckpointsAfterCommits(_ enabled: Bool) throws(StoreError) {
        do {
            try writer.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA wal_autocheckpoint = \(enabled ? 1_000 : 0)")
            }
        } catch {
            throw StoreError.from(error, path: location, while: "write to")
        }
    }

    /// Copies the committed pages of the write-ahead log into the database file as far as no
    /// reader still needs them (a passive checkpoint: it never waits for readers).
    package func checkpoint() throws(StoreError) {
        do {
            try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(PASSIVE)") }
        } catch {
            throw StoreError.from(error, path: location, while: "write to")
        }
    }
}
