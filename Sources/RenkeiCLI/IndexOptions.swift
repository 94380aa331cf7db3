internal import ArgumentParser
internal import Foundation
internal import RenkeiIndexing
internal import RenkeiQuery
internal import RenkeiStore

/// The index file every command works on.
struct IndexOptions: ParsableArguments {
    static let defaultPath = "Indexes/renkei.sqlite"

    @Option(name: .long, help: "The index file.")
    var index = IndexOptions.defaultPath

    /// The index, for searching and graph questions.
    func open() async throws -> RenkeiIndex {
        RenkeiIndex(storage: try await Self.openStore(index))
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
