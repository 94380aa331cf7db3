/// Why the index could not be opened, read or written; `message` is for people and never
/// carries SQL or SQLite's own wording.
package struct StoreError: Error, Sendable, CustomStringConvertible {
    package enum Code: String, Sendable {
        case cannotOpen, notAnIndex, newerSchema, corrupt, busy, diskFull, timedOut, failed
    }

    package var code: Code
    package var message: String
    /// The SQLite result code, when SQLite reported the failure.
    package var sqliteCode: Int32?
    /// What the layer below said, for logs (never shown to people: it may quote SQL).
    package var cause: String?

    package init(_ code: Code, _ message: String, sqliteCode: Int32? = nil, cause: String? = nil) {
        self.code = code
        self.message = message
        self.sqliteCode = sqliteCode
        self.cause = cause
    }

    package var description: String { message }

    /// The message with its cause, for a log line.
    package var logDescription: String { cause.map { "\(message) Cause: \($0)" } ?? message }
}
