import Foundation
import RenkeiCore
import RenkeiIndexing
import RenkeiQuery
import RenkeiStore
import RenkeiTestSupport
import Testing

/// The ingest pipeline in-process, on the real seed pages and a real SQLite file.
@Suite struct IngestPipelineTests {
    /// A folder of its own under the temporary directory, removed by the caller.
    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("renkei-indexing-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("pages"), withIntermediateDirectories: true)
        return folder
    }

    /// The seed pages, `copies` times over with a numbered first line so every file differs.
    static func copySeeds(into pages: URL, copies: Int = 1) throws {
        for copy in 0..<copies {
            for (name, text) in try Fixtures.corpusTexts() {
                let prefix = copies == 1 ? "" : "\(copy)-"
                let body = copies == 1 ? text : "第\(copy)版\n\(text)"
                try Data(body.utf8).write(to: pages.appendingPathComponent(prefix + name))
            }
        }
    }

    @Test func addsSkipsUpdatesRemovesAndReportsFailuresByName() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pages = folder.appendingPathComponent("pages")
        try Self.copySeeds(into: pages)
        try Data().write(to: pages.appendingPathComponent("empty.txt"))
        try Data("%PDF-1.4".utf8).write(to: pages.appendingPathComponent("協定書.pdf"))
        try Data([0xFF, 0xD8, 0xFF]).write(to: pages.appendingPathComponent("写真.jpg"))
        let store = try IndexStore(path: folder.appendingPathComponent("index.sqlite").path)
        let reports = ProgressLog()
        let first = try await IngestPipeline(store: store).run(roots: [pages.path]) { reports.append($0) }
        #expect(first.added == 5 && first.updated == 0 && first.unchanged == 0)
        // A PDF is read (this one is cut short, so it fails by name); a photo is ignored by name.
        #expect(first.failures.map { URL(fileURLWithPath: $0.path).lastPathComponent } == ["empty.txt", "協定書.pdf"])
        #expect(first.failures.last?.reason.contains("PDF") == true)
        #expect(reports.last?.done == 7 && reports.last?.total == 7)
        #expect(first.ignoredFiles.map { URL(fileURLWithPath: $0.path).lastPathComponent } == ["写真.jpg"])
        #expect(first.ignoredFiles.first?.reason.contains("a .jpg file") == true)
        let index = RenkeiIndex(storage: store)
        #expect(try index.counts().documents == 5)
        #expect(try index.search("包括連携協定").total >= 1)

        let again = try await IngestPipeline(store: store).run(roots: [pages.path])
        #expect(again.added == 0 && again.updated == 0 && again.unchanged == 5 && again.failed == 2)

        // A changed page is rewritten with everything derived from it; a removed one goes with --prune.
        let changed = try #require(try Fixtures.corpusTexts().first)
        try Data((changed.text + "\n追記: 渡邉市長が挨拶しました。").utf8).write(to: pages.appendingPathComponent(changed.name))
        let removed = try #require(try Fixtures.corpusTexts().last)
        try FileManager.default.removeItem(at: pages.appendingPathComponent(removed.name))
        try FileManager.default.removeItem(at: pages.appendingPathComponent("empty.txt"))
        try FileManager.default.removeItem(at: pages.appendingPathComponent("協定書.pdf"))
        let third = try await IngestPipeline(store: store, configuration: IngestConfiguration(prune: true)).run(roots: [pages.path])
        #expect(third.updated == 1 && third.removed == 1 && third.unchanged == 3 && third.failed == 0)
        #expect(try index.search("渡邉市長").hits.map(\.document) == [changed.name])
        #expect(try index.document(DocumentID(rawValue: removed.name)) == nil)
        #expect(try index.integrityProblems().isEmpty)
    }

    @Test func aDryRunWritesNothing() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pages = folder.appendingPathComponent("pages")
        try Self.copySeeds(into: pages)
        let store = try IndexStore(path: folder.appendingPathComponent("index.sqlite").path)
        let dry = try await IngestPipeline(store: store, configuration: IngestConfiguration(dryRun: true)).run(roots: [pages.path])
        #expect(dry.added == 5)
        #expect(try RenkeiIndex(storage: store).counts().documents == 0)
    }

    /// Cancelled a third of the way through, with a transaction every 64 kB: the index holds
    /// only whole documents and is sound, and the next run finishes with the same graph and
    /// hits as a run that was never interrupted.
    @Test func aCancelledIngestLeavesWholeDocumentsAndResumes() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pages = folder.appendingPathComponent("pages")
        try Self.copySeeds(into: pages, copies: 24)
        var configuration = IngestConfiguration()
        configuration.transactionBytes = 64 * 1024
        configuration.chunkFiles = 8

        let reference = try IndexStore(path: folder.appendingPathComponent("reference.sqlite").path)
        let full = try await IngestPipeline(store: reference, configuration: configuration).run(roots: [pages.path])
        #expect(full.added == 120)

        let store = try IndexStore(path: folder.appendingPathComponent("interrupted.sqlite").path)
        let pipeline = IngestPipeline(store: store, configuration: configuration)
        let interrupted = Task {
            try await pipeline.run(roots: [pages.path]) { progress in
                if progress.done >= progress.total / 3 { withUnsafeCurrentTask { $0?.cancel() } }
            }
        }
        await #expect(throws: CancellationError.self) { try await interrupted.value }
        let index = RenkeiIndex(storage: store)
        let kept = try index.counts().documents
        #expect(kept > 0 && kept < 120, "kept \(kept)")
        #expect(try index.integrityProblems().isEmpty)

        let resumed = try await pipeline.run(roots: [pages.path])
        #expect(resumed.added == 120 - kept && resumed.unchanged == kept)
        let expected = RenkeiIndex(storage: reference)
        #expect(try index.counts() == expected.counts())
        for phrase in ["包括連携協定", "日野市", "第7版", "WAON"] {
            #expect(try index.documents(containing: phrase).sorted() == expected.documents(containing: phrase).sorted(), "\(phrase)")
        }
        let hino = try #require(try expected.entity(EntityKey.place(.city, code: "132128")))
        #expect(try index.entity(hino.summary.key) == hino)
    }
}

/// Progress reports as the pipeline gave them.
final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var reports: [IngestProgress] = []

    func append(_ progress: IngestProgress) { lock.withLock { reports.append(progress) } }
    var last: IngestProgress? { lock.withLock { reports.last } }
}
