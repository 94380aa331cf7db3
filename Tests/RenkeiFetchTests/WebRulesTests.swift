import RenkeiFetch
import Testing

/// The pieces of fetching that need no server: addresses, robots.txt, sitemaps, file names.
@Suite struct WebRulesTests {
    @Test(arguments: [
        ("HTTP://WWW.City.Hino.LG.JP:80/a/./b/../c.html#top", "http://www.city.hino.lg.jp/a/c.html"),
        ("https://example.jp:443", "https://example.jp/"),
        ("https://example.jp:8443/%7euser/%e3%81%82?b=2&a=1", "https://example.jp:8443/~user/%E3%81%82?b=2&a=1"),
        ("https://example.jp/協定/一覧.html", "https://example.jp/%E5%8D%94%E5%AE%9A/%E4%B8%80%E8%A6%A7.html"),
    ])
    func addressesHaveOneCanonicalForm(raw: String, canonical: String) {
        #expect(WebAddress(raw)?.description == canonical)
    }

    @Test func onlyHTTPAddressesAndRelativeLinksResolve() {
        #expect(WebAddress("ftp://example.jp/") == nil)
        #expect(WebAddress("mailto:a@example.jp") == nil)
        #expect(WebAddress("not a url") == nil)
        let page = WebAddress("https://example.jp/kurashi/kyotei/index.html")!
        #expect(WebAddress("../list.html?p=2", relativeTo: page)?.description == "https://example.jp/kurashi/list.html?p=2")
        #expect(WebAddress("//other.jp/x", relativeTo: page)?.description == "https://other.jp/x")
        #expect(WebAddress("javascript:void(0)", relativeTo: page) == nil)
        #expect(page.folder == "/kurashi/kyotei/")
        #expect(page.origin == "https://example.jp")
    }

    @Test func robotsGroupsLongestMatchAndWildcards() {
        let text = """
            User-agent: *
            Disallow: /private/
            Allow: /private/open/
            Disallow: /*.pdf$
            Crawl-delay: 2

            # Renkei's own group wins over *
            User-agent: Renkei
            User-agent: otherbot
            Disallow: /search
            Allow: /search/about
            Crawl-delay: 5
            """
        let ours = RobotsRules(parsing: text, agent: "renkei")
        #expect(ours.crawlDelay == 5)
        #expect(!ours.allows("/search?q=1"))
        #expect(ours.allows("/search/about"))
        #expect(ours.allows("/private/x.html")) // the * group does not apply to a named agent
        let anyone = RobotsRules(parsing: text, agent: "somebot")
        #expect(anyone.crawlDelay == 2)
        #expect(!anyone.allows("/private/x.html"))
        #expect(anyone.allows("/private/open/x.html"))
        #expect(!anyone.allows("/files/a.pdf"))
        #expect(anyone.allows("/files/a.pdf?download=1"))
        #expect(anyone.allows("/robots.txt"))
        #expect(RobotsRules(parsing: "User-agent: *\nDisallow:\n", agent: "renkei").allows("/anything"))
        #expect(!RobotsRules.unavailable("HTTP 503").allows("/"))
    }

    @Test func sitemapsGiveTheirLocations() {
        let urlset = """
            <?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            <url><loc> https://example.jp/a.html?x=1&amp;y=2 </loc><lastmod>2024-04-01</lastmod></url>
            <url><loc><![CDATA[https://example.jp/b.pdf]]></loc></url></urlset>
            """
        #expect(SitemapReader.read(urlset).pages == ["https://example.jp/a.html?x=1&y=2", "https://example.jp/b.pdf"])
        #expect(SitemapReader.read(urlset).sitemaps.isEmpty)
        let index = "<sitemapindex><sitemap><loc>https://example.jp/s1.xml.gz</loc></sitemap></sitemapindex>"
        #expect(SitemapReader.read(index).sitemaps == ["https://example.jp/s1.xml.gz"])
        #expect(SitemapReader.read(index).pages.isEmpty)
    }

    @Test func storedNamesCarryTheKindAndStayApart() {
        let html = WebAddress("https://example.jp/kurashi/")!
        #expect(StoredPageName.relativePath(for: html, ending: "html") == "example.jp/kurashi/index.html")
        #expect(StoredPageName.relativePath(for: WebAddress("https://example.jp/a/page.htm")!, ending: "html") == "example.jp/a/page.htm")
        #expect(StoredPageName.relativePath(for: WebAddress("https://example.jp/a/list.csv")!, ending: "html") == "example.jp/a/list.csv.html")
        let php = WebAddress("https://example.jp:8080/list.php?page=2")!
        let name = StoredPageName.relativePath(for: php, ending: "html")
        #expect(name.hasPrefix("example.jp_8080/list.php_q") && name.hasSuffix(".html"))
        #expect(name != StoredPageName.relativePath(for: WebAddress("https://example.jp:8080/list.php?page=3")!, ending: "html"))
        #expect(StoredPageName.ending(for: php, contentType: "text/html; charset=Shift_JIS", firstBytes: []) == "html")
        #expect(StoredPageName.ending(for: php, contentType: "image/jpeg", firstBytes: []) == nil)
        let download = WebAddress("https://example.jp/download?id=3")!
        #expect(StoredPageName.ending(for: download, contentType: "application/octet-stream", firstBytes: Array("%PDF-1.7".utf8)[...]) == "pdf")
        let long = WebAddress("https://example.jp/" + String(repeating: "あ", count: 100) + ".html")!
        #expect(StoredPageName.relativePath(for: long, ending: "html").split(separator: "/").allSatisfy { $0.utf8.count <= 200 })
    }
}
