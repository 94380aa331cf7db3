internal import ArgumentParser
internal import Foundation
internal import RenkeiCore
internal import RenkeiIndexing
internal import RenkeiPostgres
internal import RenkeiQuery
internal import RenkeiStore

/// The index every command works on: an SQLite file (the default) or a PostgreSQL database.
struct IndexOptions: ParsableArguments {
    static let defaultPath = "Indexes/renkei.sqlite"

    @Option(name: .long, help: "The index file.")
    var index = IndexOptions.defaultPath

    @Option(
        name: .long,
        help: "A PostgreSQL database to use instead of the index file: postgresql://user[:password]@host[:port]/database (or RENKEI_STORE).")
    var store: String?

    @Option(name: .customLong("read-replica"), help: "A hot standby of --store to read from (repeatable); writes go to --store.")
    var readReplicas: [String] = []

    /// The PostgreSQL URL given, by option or environment; nil for the SQLite file.
    var storeURL: String? {
        if let store, !store.isEmpty { return store }
        let environment = ProcessInfo.processInfo.environment["RENKEI_STORE"] ?? ""
        return environment.isEmpty ? nil : environment
    }

    /// Where the index is, for messages (a URL without its password, or the file's path).
    var location: String {
        guard let url = storeURL, var components = URLComponents(string: url) else { return index }
        components.password = nil
        return components.string ?? index
    }

    /// The index, for searching and graph questions.
    func open() async throws -> RenkeiIndex {
        RenkeiIndex(storage: try await openStorage())
    }

    /// The index's storage: the PostgreSQL database when one is given, else the SQLite file
    /// (built from `Corpus/` on first use when it is the default one).
    func openStorage(readTimeout: Duration? = nil) async throws -> any IndexStorage {
        if let url = storeURL {
            var store = try PostgresStore(url: url, replicas: readReplicas)
            store.readTimeout = readTimeout
            return store
        }
        guard readReplicas.isEmpty else { throw ValidationError("--read-replica needs --store postgresql://… (the primary).") }
        var store = try await Self.openStore(index)
        store.readTimeout = readTimeout
        return store
    }

    /// The index to ingest into, with the lock that keeps ingests of one SQLite file in turn
    /// (PostgreSQL writers take turns per transaction, by an advisory lock).
    func openForIngest() throws -> (storage: any IndexStorage, lock: IngestLock?) {
        if let url = storeURL {
            guard readReplicas.isEmpty else { throw ValidationError("Ingest writes to the primary; leave out --read-replica.") }
            return (try PostgresStore(url: url), nil)
        }
        let lock = try IngestLock(index: index) {
            Terminal.printError("Another ingest into \(index) is running; waiting for it to finish…")
        }
        return (try IndexStore(path: index), lock)
    }

    /// Opens the SQLite index; the default index is built from `Corpus/` when it does not
    /// exist yet, so a fresh checkout can search at once.
    static func openStore(_ path: String) async throws -> IndexStore {
        if FileManager.default.fileExists(atPath: path) {
            return try IndexStore(path: path)
        }
        guard path == defaultPath else {
            throw CommandFailure("No index at \(path). Build it with `renkei ingest PATH --index \(path)`.")
        }
        let lock = try IngestLock(index: path) {
            Terminal.printError("Another ingest into \(path) is running; waiting for it to finish…")
        }
        defer { withExtendedLifetime(lock) {} }
        Terminal.printError("No index yet: ingesting Corpus into \(path)…")
        let store = try IndexStore(path: path)
        let summary = try await IngestCommand.ingest(["Corpus"], with: IngestPipeline(store: store))
        Terminal.printError("Ingested Corpus: \(summary.line)")
        return store
    }
}
