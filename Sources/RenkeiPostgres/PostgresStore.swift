internal import Foundation
internal import PostgresNIO
package import RenkeiCore

/// The index in a PostgreSQL 15 database: the same storage protocols as the SQLite file,
/// for corpora and audiences that outgrow one machine.
///
/// Writes go to the primary; reads go to the read replicas (hot standbys) in turn, or to the
/// primary when there are none. Everything lives in the schema `renkei` of the database the
/// URL names, created on first use (`PostgresStore+Schema.swift`).
package struct PostgresStore: Sendable {
    let primary: ConnectionPool
    let replicas: [ConnectionPool]
    private let turn = ReplicaTurn()
    /// Where the index lives, for messages (the primary's URL without its password).
    package let location: String
    /// The longest a read may run (`statement_timeout`); nil for no limit.
    package var readTimeout: Duration?
    /// Each unit's length for bm25, per generation.
    let statistics = CorpusStatisticsCache()

    /// Opens the index in the database at `url` (creating or migrating its schema there),
    /// reading from `replicas` when given.
    package init(url: String, replicas replicaURLs: [String] = [], connections: Int = 8) throws(StoreError) {
        guard let address = ServerAddress(url: url) else {
            throw StoreError(.cannotOpen, "\(url) is not a PostgreSQL URL (postgresql://user@host:port/database).")
        }
        var replicas: [ConnectionPool] = []
        for replicaURL in replicaURLs {
            guard let replica = ServerAddress(url: replicaURL) else {
                throw StoreError(.cannotOpen, "\(replicaURL) is not a PostgreSQL URL (postgresql://user@host:port/database).")
            }
            replicas.append(ConnectionPool(replica, capacity: connections))
        }
        primary = ConnectionPool(address, capacity: connections)
        self.replicas = replicas
        location = address.description
        try migrate()
        for replica in replicas { try checkReplica(replica) }
    }

    /// Whether `text` names a PostgreSQL database rather than an index file.
    package static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
    }

    /// The pool the next read uses.
    private var readPool: ConnectionPool {
        replicas.isEmpty ? primary : replicas[turn.next() % replicas.count]
    }

    /// Runs `body` in one read-only transaction (a snapshot: every statement sees the same
    /// index), on a replica when there are any. A read that a replica cancelled because
    /// recovery needed its rows is run once more.
    func read<T>(_ action: String, bounded: Bool = true, _ body: (Session) throws -> T) throws(StoreError) -> T {
        let pool = readPool
        var attempt = 0
        while true {
            do {
                return try pool.withSession { session in
                    try session.transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") {
                        if bounded, let readTimeout {
                            let milliseconds = max(
                                1, Int(readTimeout.components.seconds * 1000 + readTimeout.components.attoseconds / 1_000_000_000_000_000))
                            try session.execute("SET LOCAL statement_timeout = \(milliseconds)")
                        }
                        return try body(session)
                    }
                }
            } catch let error as PSQLError where error.serverInfo?[.sqlState] == "40001" && attempt < 2 {
                attempt += 1
            } catch {
                throw StoreError.from(error, server: pool.server, while: action)
            }
        }
    }

    /// Runs `body` in a write transaction on the primary, one writer at a time; the
    /// transaction raises the index's generation, so every reader knows its caches are stale.
    func write<T>(_ action: String, _ body: (Session) throws -> T) throws(StoreError) -> T {
        do {
            return try primary.withSession { session in
                try session.transaction {
                    try session.execute("SELECT pg_advisory_xact_lock(\(Self.writerLock))")
                    let result = try body(session)
                    try session.execute("UPDATE store_generation SET value = value + 1")
                    return result
                }
            }
        } catch {
            throw StoreError.from(error, server: primary.server, while: action)
        }
    }

    /// The advisory lock that makes writers take turns (any number that is Renkei's own).
    static let writerLock = 0x5245_4E4B

    static func generation(_ session: Session) throws -> Int64 {
        try session.fetchOne("SELECT value FROM store_generation")?.int64(0) ?? 0
    }

    package func generation() throws(StoreError) -> Int64 {
        try read("read") { session in try Self.generation(session) }
    }

    /// The database's size on disk (every table and index of it).
    package func sizeInBytes() -> Int64 {
        (try? read("read") { session in try session.fetchOne("SELECT pg_database_size(current_database())")?.int64(0) ?? 0 }) ?? 0
    }
}

/// Which replica answers next.
final class ReplicaTurn: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func next() -> Int {
        lock.withLock {
            count &+= 1
            return count & Int.max
        }
    }
}

extension PostgresStore: IndexReading, IndexWriting {}
