internal import Foundation
internal import RenkeiCore
internal import RenkeiExtract
package import RenkeiIngest
package import RenkeiStore

/// What one ingest run did.
package struct IngestSummary: Sendable {
    package var added = 0
    package var updated = 0
    package var unchanged = 0
    package var removed = 0
    package var failures: [(path: String, reason: String)] = []
    package var warnings: [(path: String, message: String)] = []
    package var seconds = 0.0
    package var ignoredFiles = 0

    package var failed: Int { failures.count }

    package var line: String {
        var line = "\(added) added, \(updated) updated, \(unchanged) unchanged, \(removed) removed, \(failed) failed"
        line += String(format: " (%.2f s)", seconds)
        if ignoredFiles > 0 { line += "; \(ignoredFiles) files of other types ignored" }
        return line
    }
}

/// Joins ingestion to the store: scan, read and hash, skip what is unchanged, parse, write in
/// transactions of whole documents (so an interrupted run leaves only whole documents behind).
///
/// Files are prepared (read, hashed, decoded, parsed, normalised, their entities and
/// relations extracted) in chunks on tasks, while a thread of its own (`TransactionWriter`)
/// writes the batch before: on two cores SQLite's indexing and the Swift side overlap instead
/// of taking turns. Writing is the longer of the two, so it gets a core to itself: while a
/// transaction is written, one chunk is prepared at a time; while none is, two. Writes keep
/// the files' order.
package struct IngestPipeline: Sendable {
    package var store: IndexStore
    package var reader = SourceReader()
    /// A write transaction is committed once it holds this many bytes of text… Each commit
    /// writes one FTS5 segment, and the index merges segments once eight pile up (migration
    /// v5): the 42 MB benchmark corpus is four segments and no merge. At 8 MB and 1,024
    /// documents it was thirteen segments, merged into four as the ingest went, which took
    /// 1.5 of its 10 s; the cost is 20 MB more memory at the peak.
    package var batchBytes = 12 * 1024 * 1024
    /// …or this many documents.
    package var batchDocuments = 16_384
    /// Files prepared together on one task.
    package var chunkFiles = 64

    package init(store: IndexStore) {
        self.store = store
    }

    /// A chunk of files after preparation.
    private struct PreparedChunk: Sendable {
        var documents: [PreparedDocument] = []
        var unchanged = 0
        var failures: [(path: String, reason: String)] = []
        var warnings: [(path: String, message: String)] = []
        var files = 0
    }

    /// Ingests every supported file under `roots`; with `prune`, removes stored documents
    /// whose files were not found. Per-file problems are collected, not thrown.
    /// With `dryRun`, files are read, hashed and parsed (so failures show) but nothing is written.
    package func run(
        roots: [String], prune: Bool = false, dryRun: Bool = false,
        progress: @escaping (_ done: Int, _ total: Int) -> Void = { _, _ in }
    ) async throws -> IngestSummary {
        let started = Date()
        var summary = IngestSummary()
        let scan = CorpusScanner.scan(roots)
        summary.ignoredFiles = scan.unsupported
        for path in scan.missing {
            summary.failures.append((path, "no such file or folder"))
        }
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
        let chunks = stride(from: 0, to: files.count, by: chunkFiles).map { Array(files[$0..<min($0 + chunkFiles, files.count)]) }
        let reader = self.reader
        let writer = TransactionWriter(store: store, dryRun: dryRun, storedHashes: storedHashes)
        // One checkpoint at the end instead of one after each transaction.
        if !dryRun { try store.setCheckpointsAfterCommits(false) }
        defer { if !dryRun { try? store.setCheckpointsAfterCommits(true) } }
        var batch: [PreparedDocument] = []
        var batchSize = 0
        var done = 0

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
                        if batchSize >= batchBytes || batch.count >= batchDocuments {
                            // Waits only while the batch before is still being written.
                            try await writer.submit(batch)
                            batch.removeAll(keepingCapacity: true)
                            batchSize = 0
                        }
                    }
                    done += chunk.files
                    progress(done, files.count)
                }
                topUp()
            }
        }
        if !batch.isEmpty { try await writer.submit(batch) }
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
            try store.reclaimFreePages()
            try store.checkpoint()
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

/// Writes batches of prepared documents, one transaction at a time, on a thread of its own:
/// a transaction of the big corpus takes a second or two, which on the cooperative pool
/// would block one of its threads and keep new chunks from being handed out.
final class TransactionWriter: @unchecked Sendable {
    private let store: IndexStore
    private let dryRun: Bool
    private let storedHashes: [DocumentID: String]
    private let queue = DispatchQueue(label: "renkei.ingest.writer")
    private let lock = NSLock()
    private var writing = false
    private var pending: Task<[WriteOutcome], any Error>?
    private var outcomes: [WriteOutcome] = []

    init(store: IndexStore, dryRun: Bool, storedHashes: [DocumentID: String]) {
        self.store = store
        self.dryRun = dryRun
        self.storedHashes = storedHashes
    }

    /// Whether a transaction is being written now.
    var isWriting: Bool { lock.withLock { writing } }

    /// Starts writing `batch` once the batch before is written; throws that one's error.
    func submit(_ batch: [PreparedDocument]) async throws {
        try await collectPending()
        lock.withLock { writing = true }
        let (store, dryRun, storedHashes, queue) = (self.store, self.dryRun, self.storedHashes, self.queue)
        pending = Task {
            try await withCheckedThrowingContinuation { continuation in
                queue.async { [self] in
                    let result = Result { () throws -> [WriteOutcome] in
                        dryRun ? batch.map { storedHashes[$0.document.id] == nil ? .added : .updated } : try store.write(batch)
                    }
                    lock.withLock { writing = false }
                    continuation.resume(with: result)
                }
            }
        }
    }

    /// Waits for the last transaction; every outcome, in the order written.
    func finish() async throws -> [WriteOutcome] {
        try await collectPending()
        return outcomes
    }

    private func collectPending() async throws {
        guard let pending else { return }
        self.pending = nil
        outcomes += try await pending.value
    }
}
