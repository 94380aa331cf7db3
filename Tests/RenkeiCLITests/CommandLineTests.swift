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
        #expect(!result.output.contains("\u{1B}[")) // no terminal escapes in a pipe
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
        let good = try Data(contentsOf: Renkei.repositoryRoot.appendingPathComponent("Tests/RenkeiIngestTests/Fixtures/cp932-shift_jis-label.html"))
        try good.write(to: corpus.appendingPathComponent("good.html"))
        try good.prefix(good.count / 2 + 1).write(to: corpus.appendingPathComponent("truncated.html"))
        try Data().write(to: corpus.appendingPathComponent("empty.txt"))
        try Data([0x00, 0x01, 0x02, 0xFF]).write(to: corpus.appendingPathComponent("binary.txt"))
        try Data((0..<4096).map { UInt8($0 % 256) }).write(to: corpus.appendingPathComponent("image.html"))
        try Data(" \n\u{3000}\n".utf8).write(to: corpus.appendingPathComponent("blank.txt"))
        try Data(String(repeating: "大", count: 100_000).utf8).write(to: corpus.appendingPathComponent("large.txt"))
        try Data(("<html><body>" + String(repeating: "<b>", count: 40_000) + "深い入れ子").utf8)
            .write(to: corpus.appendingPathComponent("deep.html"))
        try Data("<html><head><script>var a = 1;</script></head><body></body></html>".utf8).write(to: corpus.appendingPathComponent("markup.html"))
        try Data("これはHTMLではない、ただの文章です。\n".utf8).write(to: corpus.appendingPathComponent("prose.html"))
        try Data([0xE6, 0x97, 0xA5, 0xFF, 0xFE] + Array("壊れた文字".utf8)).write(to: corpus.appendingPathComponent("broken.txt"))
        try Data("読まない形式".utf8).write(to: corpus.appendingPathComponent("notes.docx"))
        try Data("PDFではない".utf8).write(to: corpus.appendingPathComponent("fake.pdf"))

        let result = try renkei.run("ingest", "Corpus", "--max-bytes", "200000")
        #expect(result.status == 3)
        #expect(result.output.contains("9 added")) // the 5 pages, good, truncated, prose and broken
        #expect(result.output.contains("8 failed"))
        #expect(result.output.contains("; 1 ignored"))
        #expect(result.errors.contains("Corpus/notes.docx: ignored: a .docx file; only .html"))
        for (name, reason) in [
            ("fake.pdf", "named .pdf but not a PDF"),
            ("empty.txt", "empty file"), ("binary.txt", "binary"), ("image.html", "binary"), ("blank.txt", "no text"),
            ("large.txt", "too large"), ("deep.html", "elements nest deeper than 256 levels"), ("markup.html", "no text"),
        ] {
            #expect(result.errors.contains("Corpus/\(name): \(reason)"), "\(name)")
        }
        #expect(result.errors.contains("broken.txt: warning: 2 undecodable byte sequences were replaced with U+FFFD"))
        #expect(result.errors.contains("truncated.html: warning:"))
        for (query, id) in [
            ("壊れた文字", "broken.txt"), ("多摩信用金庫", "000_a60bd5078816819e.txt"), ("問い合わせ：①", "good.html"),
            ("ただの文章", "prose.html"), ("「共創」の取組", "truncated.html"),
        ] {
            #expect(try renkei.run("search", query).output.contains("[\(id)]"), "\(query)")
        }
        #expect(try renkei.run("check").status == 0)
    }

    @Test func htmlPagesAreSearchedWithoutTheirFurniture() throws {
        let renkei = try Renkei()
        defer { renkei.remove() }
        let fixtures = Renkei.repositoryRoot.appendingPathComponent("Tests/RenkeiIngestTests/Fixtures")
        let pages = renkei.folder.appendingPathComponent("pages")
        try FileManager.default.copyItem(at: fixtures, to: pages)
        let ingest = try renkei.run("ingest", "pages", "--index", "pages.sqlite")
        // The 8 encodings of one page and a PDF; a PDF that is only a picture fails by name.
        #expect(ingest.output.contains("9 added"))
        #expect(ingest.output.contains("1 failed"))
        #expect(ingest.errors.contains("pages/scanned.pdf: a PDF without a text layer"))
        let inPDF = try renkei.run("search", "包括連携協定を締結", "--index", "pages.sqlite", "--match", "exact")
        #expect(inPDF.output.contains("[press-release.pdf]"))
        #expect(inPDF.output.contains("(p. 3) "))
        let found = try renkei.run("search", "\"昭和 48 年に設立\"", "--index", "pages.sqlite", "--json")
        let object = try JSONSerialization.jsonObject(with: Data(found.output.utf8)) as? [String: Any]
        #expect(object?["total"] as? Int == 8)
        for furniture in ["くらし・手続き", "ツイートする", "〒235-0016", "スクリプトの文字列", "ページの先頭へ戻る", "区民活動支援センター"] {
            #expect(try renkei.run("search", furniture, "--index", "pages.sqlite").output.contains("No documents contain"), "\(furniture)")
        }
    }

    @Test func aTableRowIsFoundAsItsOwnRecord() throws {
        let renkei = try Renkei()
        defer { renkei.remove() }
        let result = try renkei.run("search", "島しょ町村における事務事業の共同化", "--json")
        let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        let hits = object?["hits"] as? [[String: Any]] ?? []
        #expect(hits.first?["id"] as? String == "002_0b168d8097b10a9a.txt#1")
        #expect(hits.first?["record"] as? Int == 1)
        #expect(hits.allSatisfy { ($0["id"] as? String)?.contains("#") == true })
        let snippet = (hits.first?["snippets"] as? [[String: Any]])?.first?["text"] as? String ?? ""
        #expect(snippet.contains("事業名: 島しょ町村における事務事業の共同化"))
    }

    @Test func dryRunWritesNothing() throws {
        let renkei = try Renkei()
        defer { renkei.remove() }
        let result = try renkei.run("ingest", "--dry-run")
        #expect(result.output.contains("Dry run, nothing written"))
        #expect(result.output.contains("5 added"))
        #expect(try renkei.run("ingest").output.contains("5 added"))
    }

    @Test(arguments: ["\"", "*", "(", "NEAR(", "^", "AND"])
    func syntaxCharactersNeverCrash(query: String) throws {
        let renkei = try Renkei()
        defer { renkei.remove() }
        let result = try renkei.run("search", query)
        #expect(result.status == 0)
        #expect(result.output.contains("; showing ") || result.output.contains("No documents contain"))
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
