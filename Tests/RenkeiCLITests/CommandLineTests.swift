import Foundation
import Testing

/// The `renkei` executable as a person uses it, on a copy of `Corpus/`.
@Suite(.serialized) struct CommandLineTests {
    @Test func searchBuildsTheDefaultIndexThenMarksMatchesWhenPiped() throws {
        let renkei = try Renkei()
        defer { renkei.remove() }
        let result = try renkei.run("search", "包括連携協定")
        #expect(result.status == 0)
        #expect(result.errors.contains("ingesting Corpus"))
        #expect(result.output.contains("001_1d73dc4b883ceee7.txt"))
        #expect(result.output.contains("【包括連携協定】"))
        #expect(!result.output.contains("\u{1B}["))   // no terminal escapes in a pipe
        #expect(FileManager.default.fileExists(atPath: renkei.folder.appendingPathComponent("Indexes/renkei.sqlite").path))
    }

    @Test func ingestSkipsUnchangedFilesAndReplacesChangedOnes() throws {
        let renkei = try Renkei()
        defer { renkei.remove() }
        let first = try renkei.run("ingest", "Corpus")
        #expect(first.status == 0)
        #expect(first.output.contains("5 added, 0 updated, 0 unchanged, 0 removed, 0 failed"))

        let again = try renkei.run("ingest", "Corpus")
        #expect(again.output.contains("0 added, 0 updated, 5 unchanged"))

        let page = renkei.folder.appendingPathComponent("Corpus/003_c2dd7c2995b87239.txt")
        try Data("日野市\n差し替えた本文です。\n".utf8).write(to: page)
        let changed = try renkei.run("ingest", "Corpus")
        #expect(changed.output.contains("0 added, 1 updated, 4 unchanged"))
        #expect(try renkei.run("search", "差し替えた").output.contains("003_c2dd7c2995b87239.txt"))
        #expect(try renkei.run("search", "シェアリングエコノミー").output.contains("No documents contain"))

        try FileManager.default.removeItem(at: page)
        let pruned = try renkei.run("ingest", "Corpus", "--prune")
        #expect(pruned.output.contains("0 added, 0 updated, 4 unchanged, 1 removed"))
    }

    @Test func badFilesAreReportedByNameWhileTheRestIsIngested() throws {
        let renkei = try Renkei()
        defer { renkei.remove() }
        let corpus = renkei.folder.appendingPathComponent("Corpus")
        try Data().write(to: corpus.appendingPathComponent("empty.txt"))
        try Data([0x00, 0x01, 0x02, 0xFF]).write(to: corpus.appendingPathComponent("binary.txt"))
        try Data(" \n\u{3000}\n".utf8).write(to: corpus.appendingPathComponent("blank.txt"))
        try Data(String(repeating: "大", count: 40_000).utf8).write(to: corpus.appendingPathComponent("large.txt"))
        try Data([0xE6, 0x97, 0xA5, 0xFF, 0xFE] + Array("壊れた文字".utf8)).write(to: corpus.appendingPathComponent("broken.txt"))
        let result = try renkei.run("ingest", "Corpus", "--max-bytes", "100000")
        #expect(result.status == 3)
        #expect(result.output.contains("6 added"))
        #expect(result.output.contains("4 failed"))
        for (name, reason) in [("empty.txt", "empty"), ("binary.txt", "binary"), ("blank.txt", "no text"), ("large.txt", "too large")] {
            #expect(result.errors.contains("Corpus/\(name): \(reason)"), "\(name)")
        }
        #expect(result.errors.contains("broken.txt: warning: 2 undecodable byte sequences were replaced with U+FFFD"))
        #expect(try renkei.run("search", "壊れた文字").output.contains("broken.txt"))
        #expect(try renkei.run("search", "多摩信用金庫").output.contains("000_a60bd5078816819e.txt"))
    }

    @Test(arguments: ["\"", "*", "(", "NEAR(", "^", "AND"])
    func syntaxCharactersNeverCrash(query: String) throws {
        let renkei = try Renkei()
        defer { renkei.remove() }
        let result = try renkei.run("search", query)
        #expect(result.status == 0)
        #expect(result.output.contains("documents match") || result.output.contains("No documents contain"))
    }

    @Test func badQueriesGiveOneClearLine() throws {
        let renkei = try Renkei()
        defer { renkei.remove() }
        try renkei.run("ingest")
        for query in [String(repeating: "協", count: 10_000), "   ", "OR", "-協定"] {
            let result = try renkei.run("search", query)
            #expect(result.status == 1)
            let lines = result.errors.split(separator: "\n")
            #expect(lines.count == 1, "\(result.errors.prefix(200))")
            #expect(result.errors.hasPrefix("Error: "))
            #expect(!result.errors.localizedCaseInsensitiveContains("sqlite"))
        }
    }

    @Test func jsonGivesSnippetOffsets() throws {
        let renkei = try Renkei()
        defer { renkei.remove() }
        let result = try renkei.run("search", "ＷＡＯＮ", "--json")
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        let hits = object?["hits"] as? [[String: Any]] ?? []
        #expect(hits.count == 1)
        let snippets = hits.first?["snippets"] as? [[String: Any]] ?? []
        #expect(!snippets.isEmpty)
        for snippet in snippets {
            let text = Array((snippet["text"] as? String ?? "").unicodeScalars)
            for pair in snippet["highlights"] as? [[Int]] ?? [] {
                #expect(String(String.UnicodeScalarView(text[pair[0]..<pair[1]])) == "WAON")
            }
        }
    }

    @Test func benchQueriesPrintsOneLinePerQuery() throws {
        let renkei = try Renkei()
        defer { renkei.remove() }
        try renkei.run("ingest", "Corpus", "--index", "bench.sqlite")
        let queries = renkei.folder.appendingPathComponent("queries.txt")
        try Data("# comment\n市\n\nHi Know\nｲｵﾝ\n存在しない語\n".utf8).write(to: queries)
        let result = try renkei.run("bench-queries", "--index", "bench.sqlite", "--queries", queries.path, "--warmup", "0", "--repeat", "2")
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(lines.count == 4)
        #expect(lines.map { $0?["query"] as? String } == ["市", "Hi Know", "ｲｵﾝ", "存在しない語"])
        #expect((lines[0]?["hits"] as? [String])?.count == 5)
        #expect((lines[1]?["hits"] as? [String]) == ["000_a60bd5078816819e.txt"])
        #expect((lines[3]?["hits"] as? [String]) == [])
        #expect((lines[0]?["times_ms"] as? [Double])?.count == 2)
    }

    @Test func missingIndexIsExplained() throws {
        let renkei = try Renkei()
        defer { renkei.remove() }
        let result = try renkei.run("search", "協定", "--index", "nowhere.sqlite")
        #expect(result.status != 0)
        #expect(result.errors == "Error: No index at nowhere.sqlite. Build it with `renkei ingest PATH --index nowhere.sqlite`.\n")
    }
}
