import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import RenkeiCore
import RenkeiHTTP
import RenkeiQuery
import RenkeiStore
import RenkeiTestSupport
import Testing

/// ETags from the index's generation: a client revalidating an unchanged answer gets a 304,
/// and any write to the index gives every answer a new tag.
@Suite struct ConditionalRequestTests {
    @Test func anUnchangedIndexAnswers304UntilItChanges() async throws {
        let store = try IndexStore.inMemory()
        try store.write([PreparedDocument(Fixtures.document(id: "a.txt", body: "日野市の包括連携協定"))])
        let application = try buildApplication(
            configuration: ServerConfiguration(host: "127.0.0.1", port: 0), index: RenkeiIndex(storage: store), logger: Logger(label: "test"))
        try await application.test(.live) { client in
            let uri = "/api/search?q=%E5%8D%94%E5%AE%9A"
            let tag = try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.cacheControl] == "no-cache")
                return try #require(response.headers[.eTag])
            }
            #expect(tag.hasPrefix("W/\""))
            for condition in [tag, "\"other\", \(tag)", "*", String(tag.dropFirst(2))] {
                try await client.execute(uri: uri, method: .get, headers: [.ifNoneMatch: condition]) { response in
                    #expect(response.status == .notModified, "\(condition)")
                    #expect(response.body.readableBytes == 0)
                    #expect(response.headers[.eTag] == tag)
                }
            }
            try await client.execute(uri: uri, method: .get, headers: [.ifNoneMatch: "W/\"other\""]) { response in
                #expect(response.status == .ok)
            }
            // Another page of the same generation carries the same tag.
            try await client.execute(uri: "/api/agreements", method: .get, headers: [.ifNoneMatch: tag]) { response in
                #expect(response.status == .notModified)
            }
            try store.write([PreparedDocument(Fixtures.document(id: "b.txt", body: "調布市の協定"))])
            try await client.execute(uri: uri, method: .get, headers: [.ifNoneMatch: tag]) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.eTag] != nil && response.headers[.eTag] != tag)
                let body = try ServerTests.json(response)
                #expect(body["total"] as? Int == 2)
            }
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.headers[.cacheControl] == "no-store")
                #expect(response.headers[.eTag] == nil)
            }
            try await client.execute(uri: "/openapi.json", method: .get) { response in
                #expect(response.headers[.cacheControl] == "public, max-age=3600")
            }
            // Errors carry no tag: they are not for caching.
            try await client.execute(uri: "/api/search?q=", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.headers[.eTag] == nil)
            }
        }
    }
}
