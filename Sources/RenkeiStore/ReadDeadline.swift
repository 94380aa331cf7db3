internal import Dispatch
internal import GRDB
internal import GRDBSQLite
internal import RenkeiCore

/// Bounds a read's time with SQLite's progress handler: every few thousand virtual-machine
/// steps SQLite asks whether to go on, and past the deadline the statement stops with
/// SQLITE_INTERRUPT. Unlike cancelling a Swift task, this frees the connection at once.
enum ReadDeadline {
    static func within<T>(_ timeout: Duration, on db: Database, _ body: () throws -> T) throws -> T {
        let nanoseconds = UInt64(max(0, timeout.components.seconds)) * 1_000_000_000 + UInt64(max(0, timeout.components.attoseconds / 1_000_000_000))
        // The deadline travels as the handler's context pointer, so nothing is allocated.
        let deadline = DispatchTime.now().uptimeNanoseconds &+ nanoseconds
        sqlite3_progress_handler(
            db.sqliteConnection, 4_000,
            { context in
                DispatchTime.now().uptimeNanoseconds > UInt64(UInt(bitPattern: context)) ? 1 : 0
            }, UnsafeMutableRawPointer(bitPattern: UInt(deadline)))
        defer { sqlite3_progress_handler(db.sqliteConnection, 0, nil, nil) }
        return try body()
    }
}
