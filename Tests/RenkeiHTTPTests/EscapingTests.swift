import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Every HTML page escapes what it reflects: the classic payloads, put in every parameter a
/// page shows back, never come back as markup.
@Suite struct EscapingTests {
    enum SecurityHeadersMiddlewareNames {
        static let contentTypeOptions = HTTPField.Name("X-Content-Type-Options")!
        static let contentSecurityPolicy = HTTPField.Name("Content-Security-Policy")!
    }

    static let payloads = [
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "'><svg onload=alert(1)>", "</title><script>alert(1)</script>",
        "javascript:alert(1)", "<a href=\"javascript:alert(1)\">x</a>", "&lt;script&gt;", "{{pageTitle}}", "\u{FF1C}script\u{FF1E}",
    ]

    /// The markup a payload would inject, if it came back unescaped.
    static func injected(_ payload: String) -> [String] {
        ["<script>", "<img src=x", "<svg onload", "<a href=\"javascript:", "</title><script>"].filter { payload.contains($0) }
    }

    @Test func reflectedInputIsEscapedOnEveryPage() async throws {
        try await ServerTests.application().test(.live) { client in
            for payload in Self.payloads {
                let pages = [
                    ServerTests.path("/", ["q": payload]), ServerTests.path("/", ["q": "協定", "city": payload]),
                    ServerTests.path("/", ["q": "協定", "entity": payload]), ServerTests.path("/", ["q": payload, "fy": payload]),
                    ServerTests.path("/agreements", ["party": payload]), ServerTests.path("/agreements", ["q": payload, "signed_from": payload]),
                    ServerTests.path("/agreements", ["city": payload, "prefecture": payload]),
                    "/entities/" + (payload.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""),
                ]
                for uri in pages {
                    try await client.execute(uri: uri, method: .get) { response in
                        let body = String(buffer: response.body)
                        #expect(response.status.code < 500, "\(uri)")
                        #expect(response.headers[SecurityHeadersMiddlewareNames.contentTypeOptions] == "nosniff")
                        // A problem+json may repeat what was asked: as JSON, never read as a page.
                        guard response.headers[.contentType]?.hasPrefix("text/html") == true else { return }
                        #expect(response.headers[SecurityHeadersMiddlewareNames.contentSecurityPolicy]?.contains("default-src 'none'") == true)
                        for markup in Self.injected(payload) {
                            #expect(!body.contains(markup), "\(uri) reflects \(markup)")
                        }
                    }
                }
            }
        }
    }
}
