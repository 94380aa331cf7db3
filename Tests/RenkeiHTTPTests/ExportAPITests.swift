import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// `/api/export` streams the whole graph; entity URLs answer JSON-LD when asked for it.
@Suite struct ExportAPITests {
    @Test func theGraphStreamsInEveryFormat() async throws {
        try await ServerTests.application().test(.live) { client in
            let entityCount = try await client.execute(uri: "/healthz", method: .get) { response in
                try #require(try ServerTests.json(response)["entities"] as? Int)
            }
            try await client.execute(uri: "/api/export?format=jsonld", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/ld+json")
                #expect(response.headers[.transferEncoding] == "chunked")
                let document = try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
                #expect((document["@graph"] as? [Any])?.count == entityCount)
            }
            let relationCount = try await client.execute(uri: "/healthz", method: .get) { response in
                try #require(try ServerTests.json(response)["relations"] as? Int)
            }
            try await client.execute(uri: "/api/export?format=ndjson", method: .get) { response in
                let lines = String(buffer: response.body).split(separator: "\n")
                #expect(lines.count == entityCount + relationCount)
            }
            try await client.execute(uri: "/api/export?format=neo4j-csv&file=relationships", method: .get) { response in
                // Evidence may hold line ends (quoted): count the lines that start a relationship.
                let starts = try Regex("^[a-z]+:[^,]+,[a-z]+:[^,]+,[A-Z_]+,")
                let lines = String(buffer: response.body).split(separator: "\n")
                #expect(lines.first == ":START_ID,:END_ID,:TYPE,document,evidence")
                #expect(lines.filter { $0.prefixMatch(of: starts) != nil }.count == relationCount)
                #expect(response.headers[.contentDisposition] == "attachment; filename=\"relationships.csv\"")
            }
            try await client.execute(uri: "/api/export?format=graphml", method: .head) { response in
                #expect(response.status == .ok && response.body.readableBytes == 0)
            }
            for bad in ["/api/export?format=neo4j-csv", "/api/export?format=xml", "/api/export"] {
                try await client.execute(uri: bad, method: .get) { response in
                    #expect(response.status == .badRequest, "\(bad)")
                }
            }
        }
    }

    @Test func entityURLsAnswerJSONLDWhenAskedForIt() async throws {
        try await ServerTests.application().test(.live) { client in
            for uri in ["/api/entities/city:132128", "/entities/city:132128"] {
                let tag = try await client.execute(uri: uri, method: .get, headers: [.accept: "application/ld+json"]) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType] == "application/ld+json")
                    #expect(response.headers[.vary] == "Accept")
                    let node = try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
                    #expect(node["@id"] as? String == "urn:renkei:city:132128")
                    #expect(node["@context"] != nil)
                    #expect((node["party_to"] as? [String])?.count == 7)
                    return response.headers[.eTag]
                }
                // The JSON (or HTML) variant has a tag of its own.
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.headers[.contentType]?.hasPrefix("application/ld+json") == false)
                    #expect(response.headers[.eTag] != tag)
                }
            }
        }
    }
}
