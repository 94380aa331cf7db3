import Foundation
import RenkeiCore
import RenkeiFetch
import RenkeiIngest
import RenkeiTestSupport
import Testing

/// The fetcher against a real HTTP server on a real port (`TestSite`).
@Suite struct FetcherTests {
    static func configuration(_ site: TestSite) -> FetchConfiguration {
        var configuration = FetchConfiguration(folder: site.pages.path, userAgent: "Renkei/test")
        configuration.delay = 0
        configuration.retryDelay = 0.05
        configuration.timeout = 2
        return configuration
    }

    static func byURL(_ report: FetchReport) -> [String: FetchResult] {
        Dictionary(report.results.map { ($0.url, $0) }, uniquingKeysWith: { first, _ in first })
    }

    @Test func followsLinksWithinTheFolderHonoursRobotsAndSecondRunCostsOnly304s() async throws {
        let site = try TestSite()
        var configuration = Self.configuration(site)
        configuration.depth = 1
        let first = await Fetcher(configuration: configuration).run(urls: [site.url("/site/index.html")], sitemaps: [])
        let results = Self.byURL(first)
        for page in ["index.html", "a.html", "sjis.html", "noval.html", "doc.pdf"] {
            #expect(results[site.url("/site/\(page)")]?.outcome == .new, "\(page)")
        }
        #expect(results[site.url("/site/image.png")]?.outcome == .skipped)
        #expect(results[site.url("/site/image.png")]?.reason?.contains("image/png") == true)
        #expect(results[site.url("/site/secret.html")]?.outcome == .robots)
        // Outside the folder of the page given, and on another host: never asked for.
        #expect(results[site.url("/other/outside.html")] == nil)
        #expect(results[site.url("/private/secret.html")] == nil)
        #expect(!results.keys.contains { $0.contains("elsewhere") })
        #expect(try site.stats().keys.allSatisfy { !$0.hasPrefix("/private/") && !$0.hasPrefix("/other/") && !$0.hasPrefix("/site/secret") })
        #expect(first.results.count == 7)

        // What ingest sees: the URL as id, and the server's bytes as they were.
        let scan = CorpusScanner.scan([site.pages.path])
        #expect(
            scan.files.map(\.id.rawValue).sorted() == ["a.html", "doc.pdf", "index.html", "noval.html", "sjis.html"].map { site.url("/site/\($0)") })
        #expect(scan.ignored.isEmpty && scan.failures.isEmpty)
        // Shift_JIS without a charset in header or page, with CP932-only characters.
        let sjis = try #require(scan.files.first { $0.id.rawValue.hasSuffix("sjis.html") })
        let content = try SourceReader().read(sjis)
        let document = try SourceReader().parse(content, of: sjis).document
        #expect(document.encoding == "CP932")
        #expect(document.body.contains("①髙橋株式会社との協定について"))
        let sidecar = try FetchSidecar.read(path: FetchSidecar.path(forPage: sjis.path))
        #expect(sidecar.status == 200 && sidecar.headers["content-type"] == "text/html" && sidecar.contentHash == content.contentHash)

        let before = try site.stats()
        let records = try FileManager.default.subpathsOfDirectory(atPath: site.pages.path).sorted().map {
            ($0, FileManager.default.contents(atPath: site.pages.appendingPathComponent($0).path))
        }
        let second = await Fetcher(configuration: configuration).run(urls: [site.url("/site/index.html")], sitemaps: [])
        let again = Self.byURL(second)
        // ETag and Last-Modified give 304s; pages without validators come whole and are found equal.
        for page in ["index.html", "a.html", "doc.pdf"] {
            #expect(again[site.url("/site/\(page)")]?.outcome == .notModified, "\(page)")
            #expect(again[site.url("/site/\(page)")]?.status == 304)
        }
        for page in ["sjis.html", "noval.html"] {
            #expect(again[site.url("/site/\(page)")]?.outcome == .unchanged, "\(page)")
        }
        #expect(second.fetched == 0)
        // Nothing was written: every page and record has the bytes of the first run.
        let recordsAfter = try FileManager.default.subpathsOfDirectory(atPath: site.pages.path).sorted().map {
            ($0, FileManager.default.contents(atPath: site.pages.appendingPathComponent($0).path))
        }
        #expect(records.map(\.0) == recordsAfter.map(\.0))
        #expect(zip(records, recordsAfter).allSatisfy { $0.1 == $1.1 })
        let after = try site.stats()
        #expect(after["/site/index.html 304"] == (before["/site/index.html 304"] ?? 0) + 1)
        #expect(after["/site/doc.pdf 200"] == 1)
    }

    @Test func redirectsAreFollowedAndRecordedUpToTheLimit() async throws {
        let site = try TestSite()
        let report = await Fetcher(configuration: Self.configuration(site)).run(
            urls: [site.url("/redirect/1"), site.url("/redirect/loop/0")], sitemaps: [])
        let results = Self.byURL(report)
        let chain = try #require(results[site.url("/redirect/1")])
        #expect(chain.outcome == .new)
        #expect(chain.finalURL == site.url("/site/a.html"))
        #expect(chain.redirects == ["302 \(site.url("/redirect/2"))", "301 \(site.url("/redirect/3"))", "307 \(site.url("/site/a.html"))"])
        let scan = CorpusScanner.scan([site.pages.path])
        #expect(scan.files.map(\.id.rawValue) == [site.url("/site/a.html")])
        let sidecar = try FetchSidecar.read(path: FetchSidecar.path(forPage: scan.files[0].path))
        #expect(sidecar.requestedURL == site.url("/redirect/1") && sidecar.redirects.count == 3)
        let loop = try #require(results[site.url("/redirect/loop/0")])
        #expect(loop.outcome == .failed)
        #expect(loop.reason?.hasPrefix("more than 5 redirects") == true)
        #expect(loop.redirects.count == 6)
    }

    @Test func slowHugeAndFailingResponsesFailWithReasonsWhileTheRestIsStored() async throws {
        let site = try TestSite()
        var quick = Self.configuration(site)
        quick.timeout = 1
        let slow = await Fetcher(configuration: quick).run(urls: [site.url("/slow.html")], sitemaps: [])
        #expect(slow.results.first?.reason == "timed out after 1 s (--timeout)")
        // Time enough to read 20 MB on a busy machine: the size limit, not the clock, must stop these.
        var patient = Self.configuration(site)
        patient.timeout = 60
        let report = await Fetcher(configuration: patient).run(
            urls: [
                site.url("/huge.html"), site.url("/huge-declared.html"), site.url("/site/flaky.html"),
                site.url("/site/down.html"), site.url("/site/missing.html"), site.url("/site/a.html"), "ftp://example.jp/x",
            ], sitemaps: [])
        let results = Self.byURL(report)
        #expect(results[site.url("/huge.html")]?.reason?.hasPrefix("too large: over 20971520 bytes") == true)
        #expect(results[site.url("/huge-declared.html")]?.reason?.hasPrefix("too large: 52428800 bytes announced") == true)
        // A 503 with Retry-After is tried again; one that stays 503 fails after the retries.
        #expect(results[site.url("/site/flaky.html")]?.outcome == .new)
        #expect(results[site.url("/site/down.html")]?.reason == "HTTP 503 Service Unavailable (after 3 attempts)")
        #expect(results[site.url("/site/missing.html")]?.reason == "HTTP 404 Not Found")
        #expect(results["ftp://example.jp/x"]?.reason == "not an http or https URL")
        #expect(results[site.url("/site/a.html")]?.outcome == .new)
        #expect(report.failed == 5 && report.fetched == 2)
        let stored = CorpusScanner.scan([site.pages.path]).files.map(\.id.rawValue).sorted()
        #expect(stored == [site.url("/site/a.html"), site.url("/site/flaky.html")])
    }

    @Test func gzipSitemapIndexListsPagesAndRobotsStillDecides() async throws {
        let site = try TestSite()
        let report = await Fetcher(configuration: Self.configuration(site)).run(urls: [], sitemaps: [site.url("/sitemap-index.xml")])
        let results = Self.byURL(report)
        #expect(results[site.url("/site/a.html")]?.outcome == .new)
        #expect(results[site.url("/site/doc.pdf")]?.outcome == .new)
        #expect(results[site.url("/private/listed.html")]?.outcome == .robots)
        #expect(report.results.count == 3)
        // The PDF is stored as a PDF, and ingest reads its pages.
        let pdf = try #require(CorpusScanner.scan([site.pages.path]).files.first { $0.path.hasSuffix("/site/doc.pdf") })
        let document = try SourceReader().parse(try SourceReader().read(pdf), of: pdf).document
        #expect(document.id.rawValue == site.url("/site/doc.pdf"))
        #expect(document.body.contains("包括連携協定を締結しました。"))
    }

    @Test func robotsTxtThatCannotBeReadStopsTheHost() async throws {
        // A port nothing listens on: robots.txt gets no answer, so the host is left alone.
        var configuration = FetchConfiguration(folder: FileManager.default.temporaryDirectory.path + "/renkei-none", userAgent: "Renkei/test")
        configuration.retries = 0
        configuration.delay = 0
        configuration.timeout = 1
        let report = await Fetcher(configuration: configuration).run(urls: ["http://127.0.0.1:9/page.html"], sitemaps: [])
        #expect(report.results.first?.outcome == .robots)
        #expect(report.results.first?.reason?.contains("robots.txt of http://127.0.0.1:9 could not be read (could not connect") == true)
    }
}
