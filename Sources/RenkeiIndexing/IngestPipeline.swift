internal import Foundation
package import RenkeiCore
internal import RenkeiExtract
internal import RenkeiIngest
internal import Synchronization

/// Ingestion from files to an index: scan, read and hash, skip what is unchanged, parse,
/// extract, write in transactions of whole documents (so an interrupted run leaves only
/// whole documents behind, and the next run finishes the job).
///
/// Files are prepared (read, hashed, decoded, parsed, normalised, their entities and
/// relations extracted) in chunks on tasks, while the store writes the batch before on its
/// own writer queue (GRDB's): on two cores SQLite's indexing and the Swift side overlap
/// instead of taking turns. Writing is the longer of the two, so it gets a core to itself:
/// while a transaction is written, one chunk is prepared at a time; while none is, two.
/// Writes keep the files' order.
package struct IngestPipeline: Sendable {
    package var store: any IndexWriting
    package var configuration: IngestConfiguration

    package init(store: any IndexWriting, configuration: IngestConfiguration = IngestConfiguration()) {
        self.store = store
        self.configuration = configuration
    }

    /// A chunk of files after preparation.
    private struct PreparedChunk: Sendable {
        var documents: [PreparedDocument] = []
        var unchanged = 0
        var failures: [(path: String, reason: String)] = []
        var warnings: [(path: String, message: String)] = []
        var files = 0
    }

    /// Ingests every supported file under `roots`. Per-file problems are collected in the
    /// summary, not thrown; a store error or cancellation ends the run, with every
    /// transaction committed before it kept.
    package func run(roots: [String], progress: @Sendable (IngestProgress) -> Void = { _ in }) async throws -> IngestSummary {
        let started = Date()
        let (prune, dryRun) = (configuration.prune, configuration.dryRun)
        var summary = IngestSummary()
        let scan = CorpusScanner.scan(roots)
        summary.ignoredFiles = scan.ignored.map { ($0.path, $0.reason) }
        for path in scan.missing {
            summary.failures.append((path, "no such file or folder"))
        }
        summary.failures += scan.failures
        // Ids are decided before any work, so duplicates are reported the same on every run.
        var seen: [DocumentID: String] = [:]
        var files: [SourceFile] = []
        for file in scan.files {
            if let earlier = seen[file.id] {
                summary.failures.append((file.path, "same document id \(file.id) as \(earlier); skipped"))
            } else {
                seen[file.id] = file.path
                files.append(file)
            }
        }
        let storedHashes = try store.contentHashes()
        let chunkFiles = configuration.chunkFiles
        let chunks = stride(from: 0, to: files.count, by: chunkFiles).map { Array(files[$0..<min($0 + chunkFiles, files.count)]) }
        let reader = SourceReader(maximumBytes: configuration.maximumFileBytes)
        let writer = TransactionQueue(store: store, dryRun: dryRun, storedHashes: storedHashes)
        // One checkpoint at the end instead of one after each transaction.
        if !dryRun { try store.bulkWrite(started: true) }
        defer { if !dryRun { try? store.bulkWrite(started: false) } }
        var batch: [PreparedDocument] = []
        var batchSize = 0
        var done = 0

        func prepareAndSubmit() async throws {
            try await withThrowingTaskGroup(of: (Int, PreparedChunk).self) { group in
                var nextToStart = 0
                var inFlight = 0
                // Two chunks at once while the writer waits, one while it writes: a third
                // runnable thread on two cores would take a share of the writer's.
                func topUp() {
                    let wanted = writer.isWriting ? 1 : 2
                    while inFlight < wanted, nextToStart < chunks.count {
                        let index = nextToStart
                        let chunk = chunks[index]
                        group.addTask { (index, Self.prepare(chunk, reader: reader, storedHashes: storedHashes)) }
                        nextToStart += 1
                        inFlight += 1
                    }
                }
                topUp()
                var ready: [Int: PreparedChunk] = [:]
                var nextToWrite = 0
                while let (index, chunk) = try await group.next() {
                    try Task.checkCancellation()
                    inFlight -= 1
                    ready[index] = chunk
                    while let chunk = ready.removeValue(forKey: nextToWrite) {
                        nextToWrite += 1
                        summary.unchanged += chunk.unchanged
                        summary.failures += chunk.failures
                        summary.warnings += chunk.warnings
                        for document in chunk.documents {
                            batch.append(document)
                            batchSize += document.document.body.utf8.count + document.document.records.reduce(0) { $0 + $1.text.utf8.count }
                            if batchSize >= configuration.transactionBytes || batch.count >= configuration.transactionDocuments {
                                // Waits only while the batch before is still being written.
                                try await writer.submit(batch)
                                batch.removeAll(keepingCapacity: true)
                                batchSize = 0
                            }
                        }
                        done += chunk.files
                        progress(IngestProgress(done: done, total: files.count))
                    }
                    topUp()
                }
            }
            if !batch.isEmpty { try await writer.submit(batch) }
        }
        do {
            try await prepareAndSubmit()
        } catch {
            // Cancelled or failed: the transaction under way is committed whole or not at all
            // before this returns, so a caller that ingests again finds the store at rest.
            await writer.drain()
            throw error
        }
        for outcome in try await writer.finish() {
            switch outcome {
            case .added: summary.added += 1
            case .updated: summary.updated += 1
            }
        }
        if prune {
            let gone = storedHashes.keys.filter { seen[$0] == nil }.sorted()
            summary.removed = dryRun ? gone.count : try store.remove(gone)
        }
        if !dryRun, summary.added + summary.updated + summary.removed > 0 {
            try store.finishIngest()
        }
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    /// Reads, hashes and, when changed, parses and normalises each file of a chunk.
    private static func prepare(_ files: [SourceFile], reader: SourceReader, storedHashes: [DocumentID: String]) -> PreparedChunk {
        var chunk = PreparedChunk()
        let extractor = Extractor()
        for file in files {
            chunk.files += 1
            do {
                let content = try reader.read(file)
                if storedHashes[file.id] == content.contentHash {
                    chunk.unchanged += 1
                    continue
                }
                let output = try reader.parse(content, of: file)
                for warning in output.warnings { chunk.warnings.append((file.path, warning)) }
                chunk.documents.append(PreparedDocument(output.document, graph: extractor.graph(of: output.document)))
            } catch {
                chunk.failures.append((file.path, error.reason))
            }
        }
        return chunk
    }
}

/// One transaction at a time, in the order submitted: the store commits each on its own
/// writer queue while the pipeline prepares the next.
private final class TransactionQueue: Sendable {
    private let store: any IndexWriting
    private let dryRun: Bool
    private let storedHashes: [DocumentID: String]
    private let writing = Mutex(false)
    private let state = Mutex<(pending: Task<[WriteOutcome], any Error>?, outcomes: [WriteOutcome])>((nil, []))

    init(store: any IndexWriting, dryRun: Bool, storedHashes: [DocumentID: String]) {
        self.store = store
        self.dryRun = dryRun
        self.storedHashes = storedHashes
    }

    /// Whether a transaction is being written now.
    var isWriting: Bool { writing.withLock { $0 } }

    /// Starts writing `batch` once the batch before is written; throws that one's error.
    func submit(_ batch: [PreparedDocument]) async throws {
        try await collectPending()
        writing.withLock { $0 = true }
        let task = Task {
            defer { self.writing.withLock { $0 = false } }
            if dryRun { return batch.map { self.storedHashes[$0.document.id] == nil ? WriteOutcome.added : .updated } }
            return try await self.store.commit(batch)
        }
        state.withLock { $0.pending = task }
    }

    /// Waits for the transaction under way, whatever its outcome.
    func drain() async {
        _ = try? await collectPending()
    }

    /// Waits for the last transaction; every outcome, in the order written.
    func finish() async throws -> [WriteOutcome] {
        try await collectPending()
        return state.withLock { $0.outcomes }
    }

    private func collectPending() async throws {
        guard
            let pending = state.withLock({ state in
                defer { state.pending = nil }; return state.pending
            })
        else { return }
        let outcomes = try await pending.value
        state.withLock { $0.outcomes += outcomes }
    }
}
