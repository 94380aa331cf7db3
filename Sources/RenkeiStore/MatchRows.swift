internal import GRDB
internal import GRDBSQLite
internal import RenkeiCore

/// Steps a statement with SQLite's own calls. A query can match every unit of the index;
/// GRDB's generic cursor cost more per row (retains, releases, type checks) than FTS5
/// itself did for such queries.
enum MatchRows {
    /// Calls `body` with the statement positioned on each row in turn.
    static func forEach(
        _ statement: Statement, arguments: StatementArguments, in db: Database,
        binding bind: (SQLiteStatement) -> Void = { _ in }, _ body: (SQLiteStatement) -> Void
    ) throws {
        try statement.setArguments(arguments)
        let handle = statement.sqliteStatement
        bind(handle)
        defer { sqlite3_reset(handle) }
        while true {
            switch sqlite3_step(handle) {
            case SQLITE_ROW:
                body(handle)
            case SQLITE_DONE:
                return
            case let code:
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: statement.sql)
            }
        }
    }
}
