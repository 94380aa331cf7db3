import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import RenkeiCore
import RenkeiExtract
import RenkeiHTTP
import RenkeiQuery
import RenkeiStore
import RenkeiTestSupport
import Testing

/// The real server on an ephemeral port, over HTTP, on the seed pages and their graph.
@Suite struct ServerTests {
    static func application() throws -> some ApplicationProtocol {
        let store = try IndexStore.inMemory()
        let documents = try Fixtures.corpusStore().documents
        try store.write(documents.map { PreparedDocument($0, graph: Extractor().graph(of: $0)) })
        return try buildApplication(
            configuration: ServerConfiguration(host: "127.0.0.1", port: 0),
            index: RenkeiIndex(storage: store), logger: Logger(label: "test"))
    }

    static func json(_ response: TestResponse) throws -> [String: Any] {
        let data = Data(response.body.readableBytesView)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// 日野市's entity key, found through the API.
    static func hinoKey(_ client: some TestClientProtocol) async throws -> String {
        try await client.execute(uri: path("/api/entities", ["q": "日野市", "kind": "city"]), method: .get) { response in
            try #require((try json(response)["entities"] as? [[String: Any]])?.first?["key"] as? String)
        }
    }

    static func path(_ path: String, _ query: [String: String] = [:]) -> String {
        guard !query.isEmpty else { return path }
        var components = URLComponents()
        components.path = path
        components.queryItems = query.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
        return components.string ?? path
    }

    @Test func searchAnswersWithHitsAndHighlights() async throws {
        try await Self.application().test(.live) { client in
            try await client.execute(uri: Self.path("/api/search", ["q": "ＷＡＯＮ"]), method: .get) { response in
                #expect(response.status == .ok)
                let body = try Self.json(response)
                #expect(body["total"] as? Int == 1)
                let hit = (body["hits"] as? [[String: Any]])?.first
                #expect(hit?["id"] as? String == "000_a60bd5078816819e.txt")
                let snippet = (hit?["snippets"] as? [[String: Any]])?.first
                let text = Array((snippet?["text"] as? String ?? "").unicodeScalars)
                let pair = (snippet?["highlights"] as? [[Int]])?.first ?? [0, 0]
                #expect(String(String.UnicodeScalarView(text[pair[0]..<pair[1]])) == "WAON")
            }
        }
    }

    /// Facets count the matching documents per city, kind and fiscal year; choosing a facet
    /// value as a filter leaves exactly that many documents.
    /// An identical search on an unchanged index comes from the response cache, byte for
    /// byte; a write to the index makes the next answer fresh.
    @Test func repeatedSearchesComeFromTheCacheUntilTheIndexChanges() async throws {
        let store = try IndexStore.inMemory()
        let documents = try Fixtures.corpusStore().documents
        try store.write(documents.map { PreparedDocument($0) })
        let app = try buildApplication(
            configuration: ServerConfiguration(host: "127.0.0.1", port: 0),
            index: RenkeiIndex(storage: store), logger: Logger(label: "test"))
        try await app.test(.live) { client in
            let uri = Self.path("/api/search", ["q": "多摩信用金庫"])
            func fetch() async throws -> (cache: String?, total: Int?, body: Data) {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok)
                    return (response.headers[.init("Renkei-Cache")!], try Self.json(response)["total"] as? Int, Data(response.body.readableBytesView))
                }
            }
            let first = try await fetch()
            let second = try await fetch()
            #expect(first.cache == "miss")
            #expect(second.cache == "hit")
            #expect(second.body == first.body)

            try store.write([PreparedDocument(Fixtures.document(id: "new.txt", body: "多摩信用金庫との新しい協定"))])
            let afterWrite = try await fetch()
            #expect(afterWrite.cache == "miss")
            #expect(afterWrite.total == (first.total ?? 0) + 1)
            #expect(try await fetch().cache == "hit")
        }
    }

    @Test func facetsAndTheFiltersTheyLinkTo() async throws {
        try await Self.application().test(.live) { client in
            let facets = try await client.execute(uri: Self.path("/api/search", ["q": "連携"]), method: .get) { response in
                try #require(try Self.json(response)["facets"] as? [String: Any])
            }
            let cities = try #require(facets["cities"] as? [[String: Any]])
            let hino = try #require(cities.first { $0["name"] as? String == "日野市" })
            #expect(hino["code"] as? String == "132128")
            let years = try #require(facets["fiscalYears"] as? [[String: Any]])
            #expect(years.map { $0["fiscalYear"] as? Int ?? 0 } == years.map { $0["fiscalYear"] as? Int ?? 0 }.sorted(by: >))
            let kinds = try #require(facets["kinds"] as? [[String: Any]])
            #expect(kinds.contains { $0["kind"] as? String == "university" })
            for (filter, count) in [
                ("city", hino["count"]), ("fy", years.first?["fiscalYear"]), ("kind", kinds.first { $0["kind"] as? String == "university" }?["kind"]),
            ] {
                let value = try #require(filter == "city" ? hino["code"] as? String : "\(count ?? "")")
                let expected =
                    filter == "city"
                    ? hino["count"] as? Int
                    : filter == "fy"
                        ? years.first?["count"] as? Int
                        : kinds.first { $0["kind"] as? String == "university" }?["count"] as? Int
                try await client.execute(uri: Self.path("/api/search", ["q": "連携", filter: value, "limit": "100"]), method: .get) { response in
                    #expect(response.status == .ok)
                    let body = try Self.json(response)
                    let documents = Set(((body["hits"] as? [[String: Any]]) ?? []).compactMap { $0["document"] as? String })
                    #expect(documents.count == expected, "\(filter)=\(value)")
                    #expect((body["facets"] as? [String: Any])?["documents"] as? Int == expected)
                }
            }
            // A city's name stands for the city; an unknown one is a 400 that says what to give.
            try await client.execute(uri: Self.path("/api/search", ["q": "連携", "city": "日野市"]), method: .get) { response in
                let body = try Self.json(response)
                #expect((body["facets"] as? [String: Any])?["documents"] as? Int == hino["count"] as? Int)
            }
            // A city or entity the index does not know matches no document, and the answer says why.
            for (filter, value) in [("city", "アトランティス市"), ("entity", "999999")] {
                try await client.execute(uri: Self.path("/api/search", ["q": "連携", filter: value]), method: .get) { response in
                    #expect(response.status == .ok)
                    let body = try Self.json(response)
                    #expect(body["total"] as? Int == 0)
                    #expect((body["notices"] as? [String])?.first?.contains(value) == true)
                }
            }
            try await client.execute(uri: Self.path("/api/search", ["q": "連携", "facets": "false"]), method: .get) { response in
                let body = try Self.json(response)
                #expect(body["facets"] == nil)
            }
        }
    }

    /// Oversized requests are refused before any work, with problem+json answers.
    @Test func oversizedRequestsAreRefused() async throws {
        try await Self.application().test(.live) { client in
            try await client.execute(uri: Self.path("/api/search", ["q": String(repeating: "a", count: 30_000)]), method: .get) { response in
                #expect(response.status == .uriTooLong)
                #expect(response.headers[.contentType]?.hasPrefix("application/problem+json") == true)
            }
            try await client.execute(
                uri: Self.path("/api/search", ["q": "協定"]), method: .post, body: ByteBuffer(repeating: 0x41, count: 100_000)
            ) { response in
                #expect(response.status == .contentTooLarge)
                #expect(response.headers[.contentType]?.hasPrefix("application/problem+json") == true)
            }
            // Every route only reads.
            try await client.execute(uri: "/metrics", method: .delete) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET, HEAD")
            }
        }
    }

    /// /metrics speaks Prometheus text: per-route request counts and latency histograms, and
    /// the index's gauges.
    @Test func metricsCountRequestsByRoute() async throws {
        try await Self.application().test(.live) { client in
            try await client.execute(uri: Self.path("/api/search", ["q": "協定"]), method: .get) { _ in }
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                let text = String(buffer: response.body)
                #expect(text.contains("renkei_index_documents 5"))
                #expect(text.contains("# TYPE http_server_request_duration histogram"))
                #expect(
                    text.contains("hb_requests_total{http_route=\"/api/search\",http_request_method=\"GET\",http_response_status_code=\"200\"}")
                        || text.contains("hb_requests{http_route=\"/api/search\",http_request_method=\"GET\",http_response_status_code=\"200\"}"))
            }
        }
    }

    /// Bad input gets a problem+json answer with the right status, never a 500.
    @Test(
        arguments: [
            ("/api/search", [:], 400), ("/api/search", ["q": "OR"], 400), ("/api/search", ["q": "協定", "limit": "0"], 400),
            ("/api/search", ["q": "協定", "limit": "many"], 400), ("/api/search", ["q": String(repeating: "a", count: 1_500)], 400),
            ("/api/search", ["q": "協定", "offset": "-1"], 400), ("/api/entities", ["kind": "castle"], 400),
            ("/api/entities/999999", [:], 404), ("/api/entities/abc", [:], 404), ("/api/entities/city:999999", [:], 404),
            ("/api/entities/city:132128/relations", ["predicate": "likes"], 400), ("/api/entities/20/relations", [:], 404),
            ("/api/documents/nothing.txt", [:], 404), ("/api/paths", ["from": "KDDI株式会社"], 400),
            ("/api/paths", ["from": "存在しない", "to": "日野市"], 404), ("/api/search", ["q": "協定", "fy": "1492"], 400),
            ("/api/search", ["q": "協定", "kind": "castle"], 400), ("/api/search", ["q": "協定", "facets": "maybe"], 400),
            ("/api/search", ["q": "a\u{0}b"], 400),
            ("/api/paths", ["from": "相互協力・連携に関する協定", "to": "日野市"], 400),
        ] as [(String, [String: String], Int)])
    func badRequestsAreProblems(path: String, query: [String: String], status: Int) async throws {
        try await Self.application().test(.live) { client in
            try await client.execute(uri: Self.path(path, query), method: .get) { response in
                #expect(Int(response.status.code) == status, "\(path) \(query.keys.sorted())")
                #expect(response.headers[.contentType]?.hasPrefix("application/problem+json") == true)
                let body = try Self.json(response)
                #expect(body["status"] as? Int == status)
                #expect((body["detail"] as? String)?.isEmpty == false)
                #expect(!((body["detail"] as? String) ?? "").localizedCaseInsensitiveContains("sqlite"))
            }
        }
    }

    @Test func relationsPathsAndDocuments() async throws {
        try await Self.application().test(.live) { client in
            let hino = try await Self.hinoKey(client)
            try await client.execute(uri: "/api/entities/\(hino)/relations?predicate=party_to", method: .get) { response in
                #expect(response.status == .ok)
                let relations = try Self.json(response)["relations"] as? [[String: Any]] ?? []
                #expect(relations.count == 7)
                #expect(relations.allSatisfy { ($0["evidence"] as? String)?.contains("協定名") == true })
            }
            try await client.execute(uri: Self.path("/api/paths", ["from": "KDDI株式会社", "to": "多摩信用金庫"]), method: .get) { response in
                #expect(response.status == .ok)
                let hops = try Self.json(response)["hops"] as? [[String: Any]] ?? []
                #expect(hops.count == 4)
            }
            try await client.execute(uri: "/api/documents/001_1d73dc4b883ceee7.txt", method: .get) { response in
                let body = try Self.json(response)
                #expect((body["entities"] as? [[String: Any]])?.contains { $0["name"] as? String == "磯子区" } == true)
            }
            try await client.execute(uri: "/healthz", method: .get) { response in
                let health = try Self.json(response)
                #expect(health["documents"] as? Int == 5)
            }
        }
    }

    @Test func staffPageKeepsTheQueryAndMarksMatches() async throws {
        try await Self.application().test(.live) { client in
            try await client.execute(uri: Self.path("/", ["q": "包括連携協定"]), method: .get) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("value=\"包括連携協定\""))
                #expect(html.contains("<mark>包括連携協定</mark>"))
                #expect(html.contains("1 件中"))
            }
            try await client.execute(uri: Self.path("/", ["q": "<script>存在しない</script>"]), method: .get) { response in
                let html = String(buffer: response.body)
                #expect(!html.contains("<script>存在しない"))
                #expect(html.contains("見つかりませんでした"))
            }
            // A form sends spaces as +: two words, and the reason names the one no page has.
            try await client.execute(uri: "/?q=%E5%8D%94%E5%AE%9A+%E7%8C%AB%E8%88%8E", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("value=\"協定 猫舎\""))
                #expect(html.contains("「猫舎」を含む文書はありません。"))
                #expect(!html.contains("「協定」を含む文書はありません。"))
            }
            // A facet link narrows the list and shows a chip that removes the filter again.
            try await client.execute(uri: Self.path("/", ["q": "連携", "city": "132128"]), method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<input type=\"hidden\" name=\"city\" value=\"132128\">"))
                #expect(html.contains("市区町村: 132128 ×"))
                #expect(html.contains("class=\"selected\"><a href=\"/?q=%E9%80%A3%E6%90%BA&amp;city=132128\">日野市(東京都)</a>"))
            }
            try await client.execute(uri: Self.path("/", ["q": "連携", "fy": "1600"]), method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("fy must be a whole number from 1868 to 2200"))
            }
        }
    }

    /// An entity page: attributes, relations with evidence, the documents, and an inline SVG
    /// whose nodes link to the neighbours' pages.
    @Test func entityPageDrawsTheNeighbourhood() async throws {
        try await Self.application().test(.live) { client in
            let hino = try await Self.hinoKey(client)
            try await client.execute(uri: "/entities/\(hino)", method: .get) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("<h1>日野市</h1>"))
                #expect(html.contains("<dt>団体コード</dt><dd>132128</dd>"))
                #expect(html.contains("<svg class=\"graph\""))
                #expect(html.contains("<title>イオン株式会社 (企業)</title>"))
                #expect(html.components(separatedBy: "<circle").count - 1 == html.components(separatedBy: "<line").count)
                #expect(html.contains("協定の当事者"))
                // Nothing is fetched from elsewhere: the SVG namespace is the only address on the page.
                let withoutNamespace = html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
                #expect(!withoutNamespace.contains("http://") && !withoutNamespace.contains("https://"))
            }
            try await client.execute(uri: "/entities/987654", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    /// The OpenAPI document parses and lists every route; each listed route answers (with
    /// example parameters) without a server error.
    @Test func openAPIListsEveryRoute() async throws {
        try await Self.application().test(.live) { client in
            let paths = try await client.execute(uri: "/openapi.json", method: .get) { response in
                #expect(response.status == .ok)
                let document = try Self.json(response)
                #expect(document["openapi"] as? String == "3.1.0")
                return (document["paths"] as? [String: Any]).map { Set($0.keys) } ?? []
            }
            let served: Set<String> = [
                "/api/search", "/api/documents/{id}", "/api/entities", "/api/entities/{key}", "/api/entities/{key}/relations",
                "/api/paths", "/api/agreements", "/api/agreements/{key}", "/api/projects", "/api/projects/{key}", "/api/changes",
                "/api/stats/partners", "/api/stats/agreements", "/api/export", "/healthz", "/metrics", "/openapi.json", "/", "/agreements",
                "/agreements.csv",
                "/entities/{key}",
            ]
            #expect(paths == served)
            let examples = [
                "/api/search?q=%E5%8D%94%E5%AE%9A", "/api/documents/001_1d73dc4b883ceee7.txt", "/api/entities", "/api/entities/city:132128",
                "/api/entities/company:%E3%82%A4%E3%82%AA%E3%83%B3/relations",
                "/api/paths?from=KDDI%E6%A0%AA%E5%BC%8F%E4%BC%9A%E7%A4%BE&to=%E6%97%A5%E9%87%8E%E5%B8%82",
                "/api/agreements", "/api/agreements/agreement:5905e989e5772b38", "/api/projects", "/api/projects/project:4eb858db31b59b83",
                "/api/changes?since=0", "/api/stats/partners?city=132128", "/api/stats/agreements?group_by=prefecture",
                "/api/export?format=ndjson", "/agreements", "/agreements.csv",
                "/healthz", "/metrics", "/openapi.json", "/?q=%E5%8D%94%E5%AE%9A", "/entities/city:132128",
            ]
            for uri in examples {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(uri)")
                }
            }
        }
    }

    /// Entities are addressed by stable keys; an old numeric URL says what changed.
    @Test func entityURLsUseStableKeys() async throws {
        try await Self.application().test(.live) { client in
            #expect(try await Self.hinoKey(client) == "city:132128")
            try await client.execute(uri: "/api/entities/city:132128", method: .get) { response in
                #expect(response.status == .ok)
                let entity = try Self.json(response)["entity"] as? [String: Any]
                #expect((entity?["summary"] as? [String: Any])?["key"] as? String == "city:132128")
            }
            try await client.execute(uri: "/api/entities/company:%E3%82%A4%E3%82%AA%E3%83%B3", method: .get) { response in
                #expect(response.status == .ok)
                let entity = try Self.json(response)["entity"] as? [String: Any]
                #expect((entity?["summary"] as? [String: Any])?["name"] as? String == "イオン株式会社")
            }
            for uri in ["/api/entities/20", "/entities/20"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .notFound)
                    #expect(response.headers[.contentType]?.hasPrefix("application/problem+json") == true)
                    let detail = try Self.json(response)["detail"] as? String
                    #expect(detail?.contains("stable keys such as city:132128") == true)
                }
            }
            try await client.execute(uri: "/entities/city:132128", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("data-entity=\"city:132128\""))
                #expect(html.contains("href=\"/entities/company:%E3%82%A4%E3%82%AA%E3%83%B3\""))
            }
        }
    }

    /// HEAD answers what GET would, without the body; errors too.
    @Test func headAnswersWithGETsHeaders() async throws {
        try await Self.application().test(.live) { client in
            let get = try await client.execute(uri: "/healthz", method: .get) { $0 }
            try await client.execute(uri: "/healthz", method: .head) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == get.headers[.contentType])
                #expect(response.headers[.contentLength] == String(get.body.readableBytes))
                #expect(response.body.readableBytes == 0)
            }
            try await client.execute(uri: "/api/entities/20", method: .head) { response in
                #expect(response.status == .notFound)
                #expect(response.body.readableBytes == 0)
            }
            try await client.execute(uri: "/?q=%00", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("U+0000"))
            }
        }
    }
}
