internal import Foundation
internal import GRDB
package import RenkeiCore

/// The index: one SQLite file holding the documents and their FTS5 index.
///
/// The only type that knows SQL. Opens a file (`DatabasePool`, WAL: readers never wait for
/// the writer) or an in-memory database for tests, and migrates the schema on open.
package struct IndexStore: Sendable {
    let writer: any DatabaseWriter
    /// Where the index lives, for messages ("in memory" for tests).
    package let location: String
    /// The longest a read may run before SQLite abandons it (`StoreError.Code.timedOut`);
    /// nil for no limit. The server sets one so no query holds a connection for long.
    package var readTimeout: Duration?
    /// What search knows of every document, per generation of the index.
    let catalogs = SearchCatalogCache()
    /// Folds of units loose searches have checked, per generation.
    let looseFolds = LooseFoldCache()

    /// Opens or creates the index at `path`.
    package init(path: String) throws(StoreError) {
        try Self.createFolder(for: path)
        do {
            let pool = try DatabasePool(path: path, configuration: Self.configuration())
            try Self.migrate(pool, location: path)
            self.writer = pool
            self.location = path
        } catch {
            throw StoreError.from(error, path: path, while: "open")
        }
    }

    /// Creates the folder an index file goes in (`Indexes/` on a fresh checkout).
    static func createFolder(for path: String) throws(StoreError) {
        let folder = (path as NSString).deletingLastPathComponent
        guard !folder.isEmpty else { return }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw StoreError(.cannotOpen, "Cannot create the folder \(folder) for the index \(path).", cause: "\(error)")
        }
    }

    private init(writer: any DatabaseWriter, location: String) {
        self.writer = writer
        self.location = location
    }

    /// An empty index in memory, for tests.
    package static func inMemory() throws(StoreError) -> IndexStore {
        do {
            let queue = try DatabaseQueue(configuration: configuration())
            try migrate(queue, location: "in memory")
            return IndexStore(writer: queue, location: "in memory")
        } catch {
            throw StoreError.from(error, path: "in memory", while: "open")
        }
    }

    static func configuration() -> Configuration {
        var configuration = Configuration()
        // The tokenizer lives in this process: every connection, writer and readers, needs it.
        configuration.prepareDatabase { db in
            db.add(tokenizer: BigramFTS5Tokenizer.self)
            db.add(tokenizer: CharacterFTS5Tokenizer.self)
            db.add(tokenizer: PairFTS5Tokenizer.self)
            db.add(function: NormalizeFunction.function)
            for function in LooseFunctions.all { db.add(function: function) }
            try BM25Function.register(in: db)
            // WAL makes NORMAL safe against corruption (a power cut may lose the last commits,
            // never consistency); the writer's larger page cache keeps FTS5 segment merges in
            // memory. Readers share the operating system's file cache, so a small page cache
            // each is enough: at 64 MB each, four readers held the served index several times
            // over (the server passed 200 MB of RSS).
            let cacheKilobytes = db.configuration.readonly ? 8_192 : 65_536
            try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -\(cacheKilobytes)")
            // A new file keeps track of its free pages so an ingest can give them back
            // (`reclaimFreePages`); on an existing file this does nothing.
            if !db.configuration.readonly { try db.execute(sql: "PRAGMA auto_vacuum = INCREMENTAL") }
        }
        // Waits for another process's write transaction instead of failing at once.
        configuration.busyMode = .timeout(10)
        configuration.maximumReaderCount = 4
        return configuration
    }

    /// Runs `body` in a read transaction, with errors in people's words. `bounded` reads stop
    /// at `readTimeout`; an export, whose length is the graph's, is not bounded.
    func read<T>(_ action: String, bounded: Bool = true, _ body: (Database) throws -> T) throws(StoreError) -> T {
        guard let readTimeout, bounded else { return try retryingSchemaChanges(action) { try writer.read(body) } }
        return try retryingSchemaChanges(action) {
            try writer.read { db in try ReadDeadline.within(readTimeout, on: db) { try body(db) } }
        }
    }

    /// Runs `body` in a read transaction with the search catalog of the index as it sees it.
    func readWithCatalog<T>(_ action: String, _ body: (Database, SearchCatalog) throws -> T) throws(StoreError) -> T {
        try read(action) { db in
            try body(db, catalogs.catalog(generation: Self.generation(db), db: db))
        }
    }

    /// Runs `body` in a write transaction, with errors in people's words. Every write
    /// transaction starts a new generation of the index, so readers in this process and in
    /// others know to reload what they keep of it in memory.
    func write<T>(_ action: String, _ body: (Database) throws -> T) throws(StoreError) -> T {
        try retryingSchemaChanges(action) {
            try writer.write { db in
                let result = try body(db)
                try db.execute(sql: "UPDATE store_generation SET value = value + 1")
                return result
            }
        }
    }

    /// `write` without blocking the caller's thread: GRDB runs `body` on its writer queue.
    func writeAsync<T: Sendable>(_ action: String, _ body: @escaping @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        var attempt = 0
        while true {
            do {
                return try await writer.write { db in
                    let result = try body(db)
                    try db.execute(sql: "UPDATE store_generation SET value = value + 1")
                    return result
                }
            } catch let error as DatabaseError where error.resultCode == .SQLITE_SCHEMA && attempt < 5 {
                attempt += 1
            } catch {
                throw StoreError.from(error, path: location, while: action)
            }
        }
    }

    /// The generation of the index `db` sees.
    static func generation(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT value FROM store_generation")) ?? 0
    }

    /// Runs a whole transaction again when another process changed the schema under it
    /// (SQLITE_SCHEMA). GRDB does that when it opens a pool on an index whose WAL file is
    /// empty (it creates and drops a table), which FTS5's internal statements report instead
    /// of re-preparing. The failed transaction was rolled back, so running it again is safe.
    private func retryingSchemaChanges<T>(_ action: String, _ transaction: () throws -> T) throws(StoreError) -> T {
        var attempt = 0
        while true {
            do {
                return try transaction()
            } catch let error as DatabaseError where error.resultCode == .SQLITE_SCHEMA && attempt < 5 {
                attempt += 1
            } catch {
                throw StoreError.from(error, path: location, while: action)
            }
        }
    }
}

extension IndexStore {
    /// The database file and its write-ahead log, in bytes (0 in memory).
    package func sizeInBytes() -> Int64 {
        ["", "-wal"].reduce(0) { total, suffix in
            total + Int64((try? FileManager.default.attributesOfItem(atPath: location + suffix)[.size] as? Int) ?? 0)
        }
    }
}
