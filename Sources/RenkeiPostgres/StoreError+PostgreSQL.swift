internal import Foundation
internal import PostgresNIO
internal import RenkeiCore

extension StoreError {
    /// A PostgreSQL or connection failure in people's words, with the server's own message
    /// (which may quote SQL) kept as the cause for the log.
    static func from(_ error: any Error, server: ServerAddress, while action: String) -> StoreError {
        if let error = error as? StoreError { return error }
        guard let error = error as? PSQLError else {
            return StoreError(.cannotOpen, "Cannot reach PostgreSQL at \(server): \(error).", cause: "\(error)")
        }
        let state = error.serverInfo?[.sqlState]
        let message = error.serverInfo?[.message]
        let cause = [state, message, error.serverInfo?[.detail]].compactMap { $0 }.joined(separator: ": ")
        switch (error.code, state) {
        case (.server, "57014"):
            return StoreError(.timedOut, "The query took too long to \(action) \(server) and was stopped.", cause: cause)
        case (.server, "53100"):
            return StoreError(.diskFull, "The PostgreSQL server \(server) is out of disk space.", cause: cause)
        case (.server, "40001"), (.server, "40P01"), (.server, "55P03"):
            return StoreError(.busy, "PostgreSQL at \(server) is busy; try again.", cause: cause)
        case (.server, "3D000"):
            return StoreError(.cannotOpen, "The database \(server.database) does not exist on \(server.host):\(server.port).", cause: cause)
        case (.server, "28000"), (.server, "28P01"):
            return StoreError(.cannotOpen, "PostgreSQL at \(server) refused the user \(server.user).", cause: cause)
        case (.server, "25006"):
            return StoreError(.failed, "\(server) is a read-only replica; give the primary to write.", cause: cause)
        case (.server, _):
            return StoreError(.failed, "Could not \(action) the index on \(server).", cause: cause.isEmpty ? "\(error)" : cause)
        case (.connectionError, _), (.serverClosedConnection, _), (.clientClosedConnection, _):
            let reason = error.underlying.map { "\($0)" } ?? "\(error.code)"
            return StoreError(.cannotOpen, "Cannot reach PostgreSQL at \(server) (\(reason)).", cause: "\(error)")
        default:
            return StoreError(.failed, "Could not \(action) the index on \(server).", cause: "\(error.code): \(error)")
        }
    }
}
