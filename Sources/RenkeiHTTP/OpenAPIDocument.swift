internal import Foundation

/// The OpenAPI 3.1 description of the routes `buildApplication` serves. Kept next to them;
/// `ServerTests` checks every served route is listed and every listed route answers.
enum OpenAPIDocument {
    static let routes: [(path: String, summary: String, parameters: [(name: String, location: String, required: Bool, type: String)])] = [
        ("/api/search", "Exact phrase search with highlighted snippets",
         [("q", "query", true, "string"), ("limit", "query", false, "integer"), ("offset", "query", false, "integer")]),
        ("/api/documents/{id}", "A document's text and the entities it names", [("id", "path", true, "string")]),
        ("/api/entities", "Entities by kind and name prefix",
         [("kind", "query", false, "string"), ("q", "query", false, "string"), ("limit", "query", false, "integer")]),
        ("/api/entities/{id}", "An entity's attributes, aliases and mentions", [("id", "path", true, "integer")]),
        ("/api/entities/{id}/relations", "An entity's typed neighbours with evidence",
         [("id", "path", true, "integer"), ("predicate", "query", false, "string")]),
        ("/api/paths", "The shortest path between two entities",
         [("from", "query", true, "string"), ("to", "query", true, "string"), ("maxHops", "query", false, "integer")]),
        ("/healthz", "Counts of documents, entities and relations", []),
        ("/openapi.json", "This document", []),
    ]

    static func json() throws -> Data {
        var paths: [String: Any] = [:]
        for route in routes {
            let parameters = route.parameters.map { parameter in
                ["name": parameter.name, "in": parameter.location, "required": parameter.required, "schema": ["type": parameter.type]] as [String: Any]
            }
            let problem: [String: Any] = ["description": "A problem (RFC 9457)", "content": ["application/problem+json": ["schema": ["$ref": "#/components/schemas/Problem"]]]]
            paths[route.path] = ["get": [
                "summary": route.summary,
                "parameters": parameters,
                "responses": [
                    "200": ["description": "OK", "content": ["application/json": ["schema": ["type": "object"]]]],
                    "400": problem, "404": problem,
                ] as [String: Any],
            ] as [String: Any]]
        }
        let document: [String: Any] = [
            "openapi": "3.1.0",
            "info": ["title": "Renkei", "version": "0.1.0", "description": "Search and knowledge graph over Japanese municipal documents."],
            "paths": paths,
            "components": ["schemas": ["Problem": [
                "type": "object",
                "required": ["title", "status", "detail"],
                "properties": [
                    "type": ["type": "string"], "title": ["type": "string"], "status": ["type": "integer"],
                    "detail": ["type": "string"], "instance": ["type": "string"],
                ],
            ] as [String: Any]]],
        ]
        return try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }
}
