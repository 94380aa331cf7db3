import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import RenkeiCore
import RenkeiExtract
import RenkeiHTTP
import RenkeiQuery
import RenkeiStore
import Testing

/// A page fetched from the web is known by its URL: hits link to it, and a PDF's snippets
/// say which page they are on.
@Suite struct FetchedPageTests {
    static let address = "https://www.city.example.lg.jp/kurashi/kyotei/press.pdf"

    static func application() throws -> some ApplicationProtocol {
        let store = try IndexStore.inMemory()
        // A PDF's body as ingest writes it: pages apart by a line holding a form feed.
        let body = "報道発表資料\n表紙\n\u{0C}\n令和6年4月1日、日野市と株式会社ひのでエネルギーは包括連携協定を締結しました。"
        let document = Document(
            id: DocumentID(rawValue: address), title: "包括連携協定について", body: body, contentHash: String(repeating: "a", count: 64), encoding: "PDF",
            byteCount: 2000)
        try store.write([PreparedDocument(document, graph: Extractor().graph(of: document))])
        return try buildApplication(
            configuration: ServerConfiguration(host: "127.0.0.1", port: 0), index: RenkeiIndex(storage: store), logger: Logger(label: "test"))
    }

    @Test func hitsLinkToTheOriginalPageAndSayThePage() async throws {
        try await Self.application().test(.live) { client in
            try await client.execute(uri: ServerTests.path("/api/search", ["q": "協定を締結"]), method: .get) { response in
                let hit = try #require((try ServerTests.json(response)["hits"] as? [[String: Any]])?.first)
                #expect(hit["url"] as? String == Self.address)
                #expect(hit["document"] as? String == Self.address)
                let snippet = try #require((hit["snippets"] as? [[String: Any]])?.first)
                #expect(snippet["page"] as? Int == 2)
                #expect((snippet["text"] as? String)?.contains("\u{0C}") == false)
            }
            try await client.execute(uri: ServerTests.path("/", ["q": "協定を締結"]), method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<a href=\"\(Self.address)\" rel=\"noopener\">\(Self.address)</a>"))
                #expect(html.contains("<span class=\"page\">p. 2</span>"))
            }
            // The document by its URL, escaped or not.
            for path in [
                "/api/documents/" + Self.address, "/api/documents/" + Self.address.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!,
            ] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .ok, "\(path)")
                    let body = try ServerTests.json(response)
                    #expect(body["id"] as? String == Self.address)
                }
            }
            // Page 1 of the PDF.
            try await client.execute(uri: ServerTests.path("/api/search", ["q": "表紙"]), method: .get) { response in
                let hit = try #require((try ServerTests.json(response)["hits"] as? [[String: Any]])?.first)
                #expect((hit["snippets"] as? [[String: Any]])?.first?["page"] as? Int == 1)
            }
        }
    }
}
