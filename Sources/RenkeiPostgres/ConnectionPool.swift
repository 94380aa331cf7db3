internal import Foundation
internal import Logging
internal import NIOCore
internal import NIOPosix
internal import PostgresNIO

/// Connections to one PostgreSQL server, lent to one caller at a time.
///
/// The storage protocols are synchronous (the SQLite store answers on the caller's thread),
/// so a caller blocks on a connection's futures, which run on NIO's event loops, never on
/// Swift's cooperative pool: a blocked caller cannot starve the I/O it waits for.
/// `PostgresClient` is async-only and needs a task running beside it; this pool keeps the
/// store a plain value that any thread can use.
final class ConnectionPool: @unchecked Sendable {
    let server: ServerAddress
    private let capacity: Int
    private let condition = NSCondition()
    private var idle: [PostgresConnection] = []
    private var open = 0
    private var nextID = 0
    private let logger: Logger = {
        var logger = Logger(label: "renkei.postgres")
        logger.logLevel = .critical
        return logger
    }()

    init(_ server: ServerAddress, capacity: Int) {
        self.server = server
        self.capacity = max(1, capacity)
    }

    deinit {
        // A connection must be closed before it is freed (PostgresNIO asserts it).
        for connection in idle { _ = try? (connection.close() as EventLoopFuture<Void>).wait() }
    }

    /// Runs `body` with a connection of its own; a connection that failed is closed, not lent again.
    func withSession<T>(_ body: (Session) throws -> T) throws -> T {
        let connection = try checkOut()
        let session = Session(connection: connection, logger: logger)
        do {
            let result = try body(session)
            checkIn(connection, healthy: !connection.isClosed)
            return result
        } catch {
            checkIn(connection, healthy: !connection.isClosed && session.isReusable)
            throw error
        }
    }

    /// Closes without waiting (the future-returning `close`, not the async one), holding the
    /// connection until it is closed.
    private static func close(_ connection: PostgresConnection) {
        let closing: EventLoopFuture<Void> = connection.close()
        closing.whenComplete { _ in withExtendedLifetime(connection) {} }
    }

    private func checkOut() throws -> PostgresConnection {
        condition.lock()
        while idle.isEmpty && open >= capacity { condition.wait() }
        if let connection = idle.popLast() {
            condition.unlock()
            return connection
        }
        open += 1
        nextID += 1
        let id = nextID
        condition.unlock()
        do {
            var configuration = PostgresConnection.Configuration(
                host: server.host, port: server.port, username: server.user, password: server.password, database: server.database,
                tls: .disable)
            configuration.options.connectTimeout = .seconds(10)
            // Every table is in the schema `renkei`, whatever else the database holds.
            configuration.options.additionalStartupParameters = [("search_path", PostgresStore.schema)]
            return try PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration, id: id, logger: logger
            ).wait()
        } catch {
            condition.lock()
            open -= 1
            condition.signal()
            condition.unlock()
            throw error
        }
    }

    private func checkIn(_ connection: PostgresConnection, healthy: Bool) {
        condition.lock()
        if healthy {
            idle.append(connection)
        } else {
            open -= 1
            Self.close(connection)
        }
        condition.signal()
        condition.unlock()
    }
}

/// One lent connection: statements run one after the other, each waited for.
final class Session {
    private let connection: PostgresConnection
    private let logger: Logger
    /// False once a statement failed inside a transaction that was not rolled back.
    fileprivate(set) var isReusable = true

    fileprivate init(connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    func fetch(_ sql: SQL) throws -> [SQLRow] {
        try connection.query(sql.query, logger: logger).wait().rows.map(SQLRow.init)
    }

    func fetch(_ text: String, _ arguments: [SQLValue] = []) throws -> [SQLRow] {
        try fetch(SQL(text, arguments))
    }

    func fetchOne(_ text: String, _ arguments: [SQLValue] = []) throws -> SQLRow? {
        try fetch(SQL(text, arguments)).first
    }

    func execute(_ text: String, _ arguments: [SQLValue] = []) throws {
        _ = try connection.query(SQL(text, arguments).query, logger: logger).wait()
    }

    /// Runs `body` in a transaction begun with `begin`, committed when it returns and rolled
    /// back when it throws.
    func transaction<T>(_ begin: String = "BEGIN", _ body: () throws -> T) throws -> T {
        try execute(begin)
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            do { try execute("ROLLBACK") } catch { isReusable = false }
            throw error
        }
    }
}

/// Where a PostgreSQL server is, from a `postgresql://user:password@host:port/database` URL.
struct ServerAddress: Sendable, CustomStringConvertible {
    var host: String
    var port: Int
    var user: String
    var password: String?
    var database: String

    init?(url: String) {
        guard let components = URLComponents(string: url), ["postgresql", "postgres"].contains(components.scheme ?? ""),
            let host = components.host, !host.isEmpty
        else { return nil }
        self.host = host
        port = components.port ?? 5432
        user = components.user ?? "postgres"
        password = components.password
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = path.isEmpty ? user : path
    }

    /// Without the password, for messages.
    var description: String { "postgresql://\(user)@\(host):\(port)/\(database)" }
}
