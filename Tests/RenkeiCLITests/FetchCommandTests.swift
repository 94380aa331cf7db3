import Foundation
import RenkeiTestSupport
import Testing

/// `renkei fetch` as a maintainer runs it: from a real local web site into Corpus/web, then
/// ingested, with pages known by their URL; a second run costs 304s and changes nothing.
@Suite struct FetchCommandTests {
    @Test func fetchIngestsPagesByURLAndASecondRunChangesNothing() throws {
        let renkei = try Renkei()
        defer { renkei.remove() }
        let site = try TestSite()
        let arguments = [
            "fetch", site.url("/site/index.html"), "--same-host", "--depth", "1", "--delay", "0", "--timeout", "5",
            "--contact", "https://renkei.example/contact",
        ]
        let first = try renkei.run(arguments)
        #expect(first.status == 0, "\(first.errors)")
        #expect(
            first.output.contains(
                "Fetched into Corpus/web: 5 fetched (5 new, 0 changed), 0 not modified, 0 failed, 1 skipped by robots.txt, 1 skipped"))
        #expect(first.output.contains("Ingested Corpus/web into Indexes/renkei.sqlite: 5 added"))
        #expect(
            first.errors.contains(
                "\(site.url("/site/secret.html")): skipped by robots.txt: robots.txt of \(site.url("")) disallows /site/secret.html"))
        #expect(first.errors.contains("\(site.url("/site/image.png")): skipped: not a kind of document Renkei reads (image/png)"))

        let found = try renkei.run("search", "髙橋株式会社", "--json")
        let hits = try #require((try JSONSerialization.jsonObject(with: Data(found.output.utf8)) as? [String: Any])?["hits"] as? [[String: Any]])
        #expect(hits.first?["url"] as? String == site.url("/site/sjis.html"))
        let pdf = try renkei.run("search", "包括連携協定を締結", "--match", "exact")
        #expect(pdf.output.contains("[\(site.url("/site/doc.pdf"))]") && pdf.output.contains("(p. 3)"))

        let second = try renkei.run(arguments + ["--json"])
        #expect(second.status == 0)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(second.output.utf8)) as? [String: Any])
        let fetch = try #require(report["fetch"] as? [String: Any])
        #expect(fetch["fetched"] as? Int == 0 && fetch["notModified"] as? Int == 5 && fetch["failed"] as? Int == 0)
        let ingest = try #require(report["ingest"] as? [String: Any])
        #expect(ingest["unchanged"] as? Int == 5 && ingest["added"] as? Int == 0 && ingest["updated"] as? Int == 0)
    }

    @Test func failedURLsGiveExitStatus3AndDepthNeedsSameHost() throws {
        let renkei = try Renkei()
        defer { renkei.remove() }
        let site = try TestSite()
        let failed = try renkei.run("fetch", site.url("/site/missing.html"), "--delay", "0", "--no-ingest")
        #expect(failed.status == 3)
        #expect(failed.errors.contains("\(site.url("/site/missing.html")): failed: HTTP 404 Not Found"))
        let usage = try renkei.run("fetch", site.url("/site/index.html"), "--depth", "1")
        #expect(usage.status == 64)
        #expect(usage.errors.contains("--same-host"))
    }
}
