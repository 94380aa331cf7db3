import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// `/api/agreements` and `/api/projects` on the seed pages: parties and dates in one call,
/// filters, cursor pages, and the errors a client can act on.
@Suite struct CollaborationAPITests {
    static func get(_ client: some TestClientProtocol, _ uri: String) async throws -> (
        status: HTTPResponse.Status, body: [String: Any], link: String?
    ) {
        try await client.execute(uri: uri, method: .get) { response in
            (response.status, try ServerTests.json(response), response.headers[HTTPField.Name("Link")!])
        }
    }

    @Test func agreementsComeWithTheirPartiesAndDates() async throws {
        try await ServerTests.application().test(.live) { client in
            let (status, body, _) = try await Self.get(client, ServerTests.path("/api/agreements", ["party": "日野市", "signed_from": "2016"]))
            #expect(status == .ok)
            let agreements = try #require(body["agreements"] as? [[String: Any]])
            // Newest first; 日野市's four agreements signed from 2016 on.
            #expect(agreements.map { $0["signed"] as? String } == ["2018-09-12", "2018-05-28", "2017-01-23", "2016-03-28"])
            let parties = (agreements[0]["parties"] as? [[String: Any]] ?? []).map { $0["key"] as? String }
            #expect(parties == ["company:あいおいニッセイ同和損害保険", "city:132128"])
            let evidence = try #require((agreements[0]["evidence"] as? [[String: Any]])?.first)
            #expect((evidence["text"] as? String ?? "").contains("地方創生に関する包括協定"))
            #expect(body["next"] is NSNull)
        }
    }

    @Test func filtersCombine() async throws {
        try await ServerTests.application().test(.live) { client in
            let cases: [([String: String], Int)] = [
                (["party": "city:132128", "q": "相互協力"], 2),
                (["kind": "organization"], 1),
                (["prefecture": "13", "signed_to": "2014"], 3),
                (["prefecture": "東京都", "signed_to": "2014-10"], 2),
                (["city": "132128"], 7),
                (["city": "日野市", "kind": "university"], 0),
                (["signed_from": "2017-10-01", "signed_to": "2017-10-01"], 1),
            ]
            for (query, count) in cases {
                let (status, body, _) = try await Self.get(client, ServerTests.path("/api/agreements", query))
                #expect(status == .ok)
                #expect((body["agreements"] as? [Any])?.count == count, "\(query)")
            }
            // Every party named must take part.
            let both = try await Self.get(
                client, "/api/agreements?party=city:132128&party=" + "イオン株式会社".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
            #expect((both.body["agreements"] as? [[String: Any]])?.map { $0["signed"] as? String } == ["2014-09-30"])
        }
    }

    @Test func pagesFollowTheirCursorsToTheEnd() async throws {
        try await ServerTests.application().test(.live) { client in
            let all = try await Self.get(client, "/api/agreements?limit=500")
            let expected = (all.body["agreements"] as? [[String: Any]] ?? []).map { $0["key"] as? String }
            #expect(expected.count == 9)
            var seen: [String?] = []
            var uri: String? = "/api/agreements?limit=2"
            while let next = uri {
                let page = try await Self.get(client, next)
                seen += (page.body["agreements"] as? [[String: Any]] ?? []).map { $0["key"] as? String }
                uri = page.body["next"] as? String
                #expect(page.link == uri.map { "<\($0)>; rel=\"next\"" })
            }
            #expect(seen == expected)
        }
    }

    @Test func projectsComeWithParticipantsAndAmounts() async throws {
        try await ServerTests.application().test(.live) { client in
            let (_, body, _) = try await Self.get(
                client, ServerTests.path("/api/projects", ["fiscal_year": "2023", "amount_min": "2000000", "limit": "500"]))
            let projects = try #require(body["projects"] as? [[String: Any]])
            #expect(!projects.isEmpty)
            for project in projects {
                #expect(project["fiscalYear"] as? Int == 2023)
                #expect((project["amountYen"] as? Int ?? 0) >= 2_000_000)
            }
            let cloud = try #require(projects.first { ($0["name"] as? String ?? "").contains("自治体クラウド") })
            let roles = (cloud["participants"] as? [[String: Any]] ?? []).map { "\($0["name"] ?? "")/\($0["role"] ?? "")" }
            #expect(roles.contains("東村山市/participates_in"))
            #expect(roles.contains { $0.hasSuffix("/organizes") })
            // A table row gives all participants at once: its words are written once.
            #expect((cloud["evidence"] as? [[String: Any]])?.count == 1)
            let key = try #require(cloud["key"] as? String)
            let one = try await Self.get(client, "/api/projects/\(key)")
            #expect((one.body["project"] as? [String: Any])?["key"] as? String == key)
        }
    }

    @Test func badParametersAreProblemsThatSayWhy() async throws {
        try await ServerTests.application().test(.live) { client in
            for (uri, status, words) in [
                (ServerTests.path("/api/agreements", ["signed_from": "2020-13"]), HTTPResponse.Status.badRequest, "a month (2020-04)"),
                ("/api/agreements?cursor=zzz", .badRequest, "pass the `next` of the previous page"),
                ("/api/agreements?limit=501", .badRequest, "1 to 500"),
                (ServerTests.path("/api/agreements", ["party": "株式会社"]), .badRequest, "names 6 entities"),
                ("/api/agreements/city:132128", .notFound, "not an agreement but a city"),
            ] {
                let (answer, body, _) = try await Self.get(client, uri)
                #expect(answer == status, "\(uri)")
                #expect((body["detail"] as? String ?? "").contains(words), "\(uri): \(body["detail"] ?? "")")
            }
            let unknown = try await Self.get(client, ServerTests.path("/api/agreements", ["party": "存在しない会社"]))
            #expect(unknown.status == .ok && (unknown.body["agreements"] as? [Any])?.isEmpty == true)
            #expect((unknown.body["notices"] as? [String])?.first?.contains("存在しない会社") == true)
        }
    }

    /// Raw UTF-8 in the request line, as people type it into curl, is read as UTF-8; framing
    /// of pipelined requests, one with a body, is kept.
    @Test func rawUTF8InTheRequestLineIsAccepted() async throws {
        try await ServerTests.application().test(.live) { client in
            let port = try #require(client.port)
            let body = Array("本文".utf8)
            let request =
                Array("GET /api/agreements?party=日野市&signed_to=2014 HTTP/1.1\r\nHost: x\r\n\r\n".utf8)
                + Array("POST /api/entities HTTP/1.1\r\nHost: x\r\nContent-Length: \(body.count)\r\n\r\n".utf8) + body
                + Array("GET /api/entities?q=調布市&limit=1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8)
            let answer = try await RawSocket.exchange(request, port: port)
            // A body is not followed by a line end: the next status line starts right after it.
            let statuses = answer.components(separatedBy: "HTTP/1.1 ").dropFirst().map { $0.components(separatedBy: "\r\n")[0] }
            #expect(statuses == ["200 OK", "405 Method Not Allowed", "200 OK"])
            #expect(answer.contains("\"signed\":\"2014-09-30\""))
            #expect(answer.contains("\"key\":\"city:132080\""))
        }
    }

    /// Relations of an entity filtered by the other end's kind and the agreement's date, each
    /// agreement with its date and parties, in pages.
    @Test func relationsCarryAgreementPartiesAndFilter() async throws {
        try await ServerTests.application().test(.live) { client in
            let uri = ServerTests.path("/api/entities/city:132128/relations", ["other_kind": "agreement", "signed_from": "2016"])
            let (status, body, _) = try await Self.get(client, uri)
            #expect(status == .ok)
            let relations = try #require(body["relations"] as? [[String: Any]])
            let signed = relations.compactMap { ($0["agreement"] as? [String: Any])?["signed"] as? String }
            #expect(signed.count == relations.count && signed.sorted() == ["2016-03-28", "2017-01-23", "2018-05-28", "2018-09-12"])
            for relation in relations {
                let parties = ((relation["agreement"] as? [String: Any])?["parties"] as? [[String: Any]] ?? []).map { $0["key"] as? String }
                #expect(parties.contains("city:132128") && parties.count >= 2)
            }
            // Pages of one cover the same relations in the same order.
            var keys: [String?] = []
            var next: String? = uri + "&limit=1"
            while let page = next {
                let answer = try await Self.get(client, page)
                keys += (answer.body["relations"] as? [[String: Any]] ?? []).map { ($0["other"] as? [String: Any])?["key"] as? String }
                next = answer.body["next"] as? String
            }
            #expect(keys == relations.map { ($0["other"] as? [String: Any])?["key"] as? String })
            let cities = try await Self.get(client, ServerTests.path("/api/entities/city:132128/relations", ["other_kind": "prefecture"]))
            #expect((cities.body["relations"] as? [[String: Any]])?.allSatisfy { $0["agreement"] == nil } == true)
        }
    }

    @Test func entitiesComeInPages() async throws {
        try await ServerTests.application().test(.live) { client in
            let all = try await Self.get(client, "/api/entities?kind=company&limit=1000")
            #expect(all.body["next"] is NSNull)
            let expected = (all.body["entities"] as? [[String: Any]] ?? []).map { $0["key"] as? String }
            var keys: [String?] = []
            var next: String? = "/api/entities?kind=company&limit=7"
            while let page = next {
                let answer = try await Self.get(client, page)
                keys += (answer.body["entities"] as? [[String: Any]] ?? []).map { $0["key"] as? String }
                next = answer.body["next"] as? String
            }
            #expect(expected.count > 7 && keys == expected)
        }
    }

    @Test func statisticsCountPartnersAndAgreements() async throws {
        try await ServerTests.application().test(.live) { client in
            for city in ["132128", "日野市", "city:132128"] {
                let (status, body, _) = try await Self.get(client, ServerTests.path("/api/stats/partners", ["city": city]))
                #expect(status == .ok)
                let byYear = (body["byYear"] as? [[String: Any]] ?? []).map { "\($0["year"] ?? "")/\($0["kind"] ?? "")/\($0["partners"] ?? "")" }
                #expect(byYear == ["2012/company/1", "2014/company/2", "2016/company/1", "2017/company/2", "2018/company/2"])
                #expect((body["totals"] as? [[String: Any]])?.first?["partners"] as? Int == 8)
            }
            let years = try await Self.get(client, "/api/stats/agreements")
            let counts = (years.body["groups"] as? [[String: Any]] ?? []).map { $0["agreements"] as? Int ?? 0 }
            #expect(counts.reduce(0, +) == 9)
            let prefectures = try await Self.get(client, "/api/stats/agreements?group_by=prefecture")
            let tokyo = (prefectures.body["groups"] as? [[String: Any]])?.first
            #expect(tokyo?["value"] as? String == "13" && tokyo?["label"] as? String == "東京都" && tokyo?["agreements"] as? Int == 8)
            let kinds = try await Self.get(client, "/api/stats/agreements?group_by=party_kind")
            #expect(
                (kinds.body["groups"] as? [[String: Any]])?.contains { $0["value"] as? String == "company" && $0["agreements"] as? Int == 7 } == true)
            let company = try await Self.get(client, ServerTests.path("/api/stats/partners", ["city": "イオン株式会社"]))
            #expect(company.status == .badRequest)
            let unknown = try await Self.get(client, "/api/stats/partners?city=999999")
            #expect(unknown.status == .notFound)
        }
    }

    /// Search pages link on too: `next` moves the offset by the limit, null on the last page.
    @Test func searchPagesLinkToTheNext() async throws {
        try await ServerTests.application().test(.live) { client in
            var uri: String? = ServerTests.path("/api/search", ["q": "協定", "limit": "2", "facets": "false"])
            var ids: [String] = []
            var total = 0
            while let page = uri {
                let (status, body, link) = try await Self.get(client, page)
                #expect(status == .ok)
                total = body["total"] as? Int ?? 0
                ids += (body["hits"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
                uri = body["next"] as? String
                #expect(link == uri.map { "<\($0)>; rel=\"next\"" })
                if uri == nil { #expect(body["next"] is NSNull) }
            }
            #expect(total > 2 && ids.count == total && Set(ids).count == total)
        }
    }
}
