import Foundation
import RenkeiCore
import RenkeiStore
import Testing

/// `kill -9` at random moments of an ingest: after each, the index opens, is sound and holds
/// only whole documents; the next ingest finishes the job with the same result as a run
/// that was never interrupted.
@Suite(.serialized) struct InterruptedIngestTests {
    /// 240 pages (the seed pages with a numbered line each, so every file differs), and one
    /// transaction per megabyte, so a kill can land between commits as well as inside one.
    static func makeCorpus(in folder: URL) throws {
        let source = Renkei.repositoryRoot.appendingPathComponent("Corpus")
        let names = try FileManager.default.contentsOfDirectory(atPath: source.path).filter { $0.hasSuffix(".txt") }.sorted()
        let big = folder.appendingPathComponent("big")
        try FileManager.default.createDirectory(at: big, withIntermediateDirectories: true)
        for copy in 0..<48 {
            for name in names {
                let text = try String(contentsOf: source.appendingPathComponent(name), encoding: .utf8)
                try Data("第\(copy)版\n\(text)".utf8).write(to: big.appendingPathComponent("\(copy)-\(name)"))
            }
        }
    }

    @Test func killedIngestsLeaveWholeDocumentsAndResume() throws {
        let renkei = try Renkei()
        defer { renkei.remove() }
        try Self.makeCorpus(in: renkei.folder)
        let reference = try renkei.run("ingest", "big", "--index", "reference.sqlite")
        #expect(reference.status == 0)

        var random = SystemRandomNumberGenerator()
        var interrupted = 0
        for _ in 0..<5 {
            let process = try renkei.start("ingest", "big", "--index", "killed.sqlite", "--transaction-megabytes", "1")
            usleep(UInt32.random(in: 20_000...900_000, using: &random))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal { interrupted += 1 }

            // The index opens, is sound, and every stored document is whole.
            let store = try IndexStore(path: renkei.folder.appendingPathComponent("killed.sqlite").path)
            #expect(try store.integrityProblems() == [])
        }
        #expect(interrupted > 0, "no ingest was still running when killed")

        let finish = try renkei.run("ingest", "big", "--index", "killed.sqlite")
        #expect(finish.status == 0)
        let finished = try IndexStore(path: renkei.folder.appendingPathComponent("killed.sqlite").path)
        let expected = try IndexStore(path: renkei.folder.appendingPathComponent("reference.sqlite").path)
        #expect(try finished.contentHashes() == expected.contentHashes())
        for text in ["第17版", "多摩信用金庫", "市", "Hi Know", "島しょ町村における事務事業の共同化"] {
            let query = try SearchQuery(phrase: text)
            #expect(try Set(finished.matchingDocumentIDs(query)) == Set(expected.matchingDocumentIDs(query)), "\(text)")
            #expect(try finished.search(query, limit: 1).total == expected.search(query, limit: 1).total, "\(text)")
        }
        #expect(try finished.integrityProblems() == [])
    }

    @Test func aSecondIngestWaitsForTheFirst() throws {
        let renkei = try Renkei()
        defer { renkei.remove() }
        try Self.makeCorpus(in: renkei.folder)
        let first = try renkei.start("ingest", "big", "--index", "shared.sqlite")
        usleep(100_000)
        let second = try renkei.run("ingest", "big", "--index", "shared.sqlite")
        first.waitUntilExit()
        #expect(first.terminationStatus == 0)
        #expect(second.status == 0)
        // Either it waited (and found everything done) or the first had already finished.
        if second.errors.contains("Another ingest") {
            #expect(second.output.contains("0 added, 0 updated, 240 unchanged"))
        }
        #expect(try renkei.run("check", "--index", "shared.sqlite").output.contains("is sound: 240 documents"))
    }

    @Test func searchWorksWhileAnIngestWrites() throws {
        let renkei = try Renkei()
        defer { renkei.remove() }
        try Self.makeCorpus(in: renkei.folder)
        try renkei.run("ingest", "Corpus", "--index", "live.sqlite")
        let writer = try renkei.start("ingest", "big", "--index", "live.sqlite", "--transaction-megabytes", "1")
        var searches = 0
        while writer.isRunning, searches < 50 {
            let result = try renkei.run("search", "多摩信用金庫", "--index", "live.sqlite", "--limit", "1")
            #expect(result.status == 0, "\(result.errors)")
            #expect(result.output.contains("; showing 1–1"))
            searches += 1
        }
        writer.waitUntilExit()
        #expect(writer.terminationStatus == 0, "\(renkei.backgroundErrors)")
    }
}
