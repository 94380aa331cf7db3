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
/// relations extracted) in chunks on other tasks
/// while this one writes the previous chunk: on two cores SQLite's indexing and the Swift
/// side overlap instead of taking turns. Writes keep the files' order.
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
    /// Chunks being prepared or waiting to be written at once.
    package var chunksInFlight = 48

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
        var batch: [PreparedDocument] = []
        var batchSize = 0
        var done = 0

        func flush() throws {
            guard !batch.isEmpty else { return }
            let outcomes: [WriteOutcome] = dryRun
                ? batch.map { storedHashes[$0.document.id] == nil ? .added : .updated }
                : try store.write(batch)
            for outcome in outcomes {
                switch outcome {
                case .added: summary.added += 1
                case .updated: summary.updated += 1
                }
            }
            batch.removeAll(keepingCapacity: true)
            batchSize = 0
        }

        try await withThrowingTaskGroup(of: (Int, PreparedChunk).self) { group in
            var nextToStart = 0
            func startNext() {
                guard nextToStart < chunks.count else { return }
                let index = nextToStart
                let chunk = chunks[index]
                group.addTask { (index, Self.prepare(chunk, reader: reader, storedHashes: storedHashes)) }
                nextToStart += 1
            }
            // Several chunks in flight, so preparing goes on while a transaction is written.
            for _ in 0..<chunksInFlight { startNext() }
            var ready: [Int: PreparedChunk] = [:]
            var nextToWrite = 0
            while let (index, chunk) = try await group.next() {
                ready[index] = chunk
                while let chunk = ready.removeValue(forKey: nextToWrite) {
                    nextToWrite += 1
                    startNext()
                    summary.unchanged += chunk.unchanged
                    summary.failures += chunk.failures
                    summary.warnings += chunk.warnings
                    for document in chunk.documents {
                        batch.append(document)
                        batchSize += document.document.body.utf8.count + document.document.records.reduce(0) { $0 + $1.text.utf8.count }
                        if batchSize >= batchBytes || batch.count >= batchDocuments { try flush() }
                    }
                    done += chunk.files
                    progress(done, files.count)
                }
            }
        }
        try flush()
        if prune {
            let gone = storedHashes.keys.filter { seen[$0] == nil }.sorted()
            summary.removed = dryRun ? gone.count : try store.remove(gone)
        }
        if !dryRun, summary.added + summary.updated + summary.removed > 0 { try store.reclaimFreePages() }
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
