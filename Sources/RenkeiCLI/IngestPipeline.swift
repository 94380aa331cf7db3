internal import Foundation
internal import RenkeiCore
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
/// batches of whole documents (so an interrupted run leaves only whole documents behind).
package struct IngestPipeline: Sendable {
    package var store: IndexStore
    package var reader = SourceReader()
    /// A write transaction is committed once it holds this many bytes of text…
    package var batchBytes = 16 * 1024 * 1024
    /// …or this many documents.
    package var batchDocuments = 256

    package init(store: IndexStore) {
        self.store = store
    }

    /// Ingests every supported file under `roots`; with `prune`, removes stored documents
    /// whose files were not found. Per-file problems are collected, not thrown.
    /// With `dryRun`, files are read, hashed and parsed (so failures show) but nothing is written.
    package func run(
        roots: [String], prune: Bool = false, dryRun: Bool = false,
        progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }
    ) throws(StoreError) -> IngestSummary {
        let started = Date()
        var summary = IngestSummary()
        let scan = CorpusScanner.scan(roots)
        summary.ignoredFiles = scan.unsupported
        for path in scan.missing {
            summary.failures.append((path, "no such file or folder"))
        }
        let storedHashes = try store.contentHashes()
        var seen: [DocumentID: String] = [:]
        var batch: [PreparedDocument] = []
        var batchSize = 0

        func flush() throws(StoreError) {
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

        for (position, file) in scan.files.enumerated() {
            defer { progress(position + 1, scan.files.count) }
            if let earlier = seen[file.id] {
                summary.failures.append((file.path, "same document id \(file.id) as \(earlier); skipped"))
                continue
            }
            seen[file.id] = file.path
            do {
                let content = try reader.read(file)
                if storedHashes[file.id] == content.contentHash {
                    summary.unchanged += 1
                    continue
                }
                let output = try reader.parse(content, of: file)
                for warning in output.warnings { summary.warnings.append((file.path, warning)) }
                batch.append(PreparedDocument(output.document))
                batchSize += output.document.body.utf8.count
            } catch {
                summary.failures.append((file.path, error.reason))
                continue
            }
            if batchSize >= batchBytes || batch.count >= batchDocuments { try flush() }
        }
        try flush()
        if prune {
            let gone = storedHashes.keys.filter { seen[$0] == nil }.sorted()
            summary.removed = dryRun ? gone.count : try store.remove(gone)
        }
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }
}
