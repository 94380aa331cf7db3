import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Loose matching over HTTP: `/api/search` matches loosely unless told `match=exact` and says how
/// each hit matched; the staff page matches loosely by default and lists 表記ゆれ hits below
/// the exact ones, with a one-click switch to exact only.
@Suite struct LooseSearchPageTests {
    @Test func theAPIMatchesLooselyUnlessToldAndSaysHow() async throws {
        try await ServerTests.application().test(.live) { client in
            // The seed page writes ワオン; わおん finds it only loosely.
            for query in [["q": "わおん", "match": "loose"], ["q": "わおん"]] {
                try await client.execute(uri: ServerTests.path("/api/search", query), method: .get) { response in
                    #expect(response.status == .ok)
                    let body = try ServerTests.json(response)
                    #expect(body["match"] as? String == "loose")
                    let hits = body["hits"] as? [[String: Any]] ?? []
                    #expect(hits.map { $0["match"] as? String } == ["loose"])
                    #expect(hits.first?["document"] as? String == "000_a60bd5078816819e.txt")
                }
            }
            try await client.execute(uri: ServerTests.path("/api/search", ["q": "わおん", "match": "exact"]), method: .get) { response in
                let body = try ServerTests.json(response)
                #expect(body["total"] as? Int == 0 && body["match"] as? String == "exact")
            }
            try await client.execute(uri: ServerTests.path("/api/search", ["q": "わおん", "match": "fuzzy"]), method: .get) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    @Test func theStaffPageListsLooseHitsBelowExactOnes() async throws {
        try await ServerTests.application().test(.live) { client in
            try await client.execute(uri: ServerTests.path("/", ["q": "ワオン OR わおん"]), method: .get) { response in
                let html = String(buffer: response.body)
                #expect(response.status == .ok)
                #expect(
                    html.contains(
                        "<a class=\"match-switch\" href=\"/?q=%E3%83%AF%E3%82%AA%E3%83%B3%20OR%20%E3%82%8F%E3%81%8A%E3%82%93"
                            + "&amp;match=exact\">完全一致のみ表示</a>"
                    ))
                #expect(!html.contains("表記ゆれを含む結果")) // the page writes ワオン: an exact hit
            }
            try await client.execute(uri: ServerTests.path("/", ["q": "わおん"]), method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<h2 class=\"loose-heading\">表記ゆれを含む結果</h2>"))
                #expect(html.contains("<mark>ワオン</mark>"))
            }
            try await client.execute(uri: ServerTests.path("/", ["q": "わおん", "match": "exact"]), method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("に一致する文書は見つかりませんでした"))
                #expect(html.contains("name=\"match\" value=\"exact\""))
            }
        }
    }
}
