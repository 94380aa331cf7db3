internal import Foundation

/// The OpenAPI 3.1 description of the routes `buildApplication` serves, kept as the
/// resource `openapi.json`. `ServerTests` checks that it lists every served route and that
/// every route answers; CI runs schemathesis against it on a live server.
enum OpenAPIDocument {
    static func load() throws -> Data {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json") else {
            throw ResourceError(detail: "The openapi.json resource is missing from the RenkeiHTTP bundle.")
        }
        let data = try Data(contentsOf: url)
        // A document that does not parse must stop the server at start, not surprise a client.
        _ = try JSONSerialization.jsonObject(with: data)
        return data
    }
}
