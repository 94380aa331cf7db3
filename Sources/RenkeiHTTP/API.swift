internal import Foundation
internal import Hummingbird
internal import RenkeiCore
internal import RenkeiQuery
internal import RenkeiStore

/// The JSON API's handlers: parameters in, Codable answers out, errors as `Problem`s.
struct API: Sendable {
    let search: SearchService
    let graph: GraphService
    let configuration: ServerConfiguration

    struct Health: ResponseEncodable { var status: String; var documents: Int; var entities: Int; var relations: Int }
    struct DocumentAnswer: ResponseEncodable {
        var id: String; var title: String; var encoding: String; var body: String; var records: Int; var entities: [EntitySummary]
    }
    struct EntityList: ResponseEncodable { var entities: [EntitySummary] }
    struct EntityAnswer: ResponseEncodable { var entity: EntityDetail }
    struct RelationList: ResponseEncodable { var entity: EntitySummary; var relations: [RelationEdge] }
    struct PathAnswer: ResponseEncodable { var from: EntitySummary; var to: EntitySummary; var hops: [PathHop] }
    struct SearchAnswer: ResponseEncodable {
        var query: String; var total: Int; var offset: Int; var limit: Int; var filters: SearchFilters
        var hits: [SearchHit]; var facets: SearchFacets?; var notices: [String]
    }

    func health() async throws -> Health {
        let counts = try graph.store.graphCounts()
        return Health(status: "ok", documents: try graph.store.documentCount(), entities: counts.entities, relations: counts.relations)
    }

    func search(_ parameters: QueryParameters) async throws -> SearchAnswer {
        let query = try parameters.required("q", example: "包括連携協定")
        let limit = try parameters.integer("limit", default: 10, in: 1...configuration.maximumLimit)
        let offset = try parameters.integer("offset", default: 0, in: 0...100_000)
        let results = try search.search(
            query, filters: try parameters.searchFilters(), limit: limit, offset: offset,
            facets: try parameters.boolean("facets", default: true))
        return SearchAnswer(
            query: results.query, total: results.total, offset: results.offset, limit: limit, filters: results.filters,
            hits: results.hits, facets: results.facets, notices: results.notices)
    }

    /// `search` as a finished JSON body, for the response cache.
    func encodedSearch(_ parameters: QueryParameters) async throws -> CachedResponse {
        let answer = try await search(parameters)
        return CachedResponse(status: .ok, contentType: "application/json; charset=utf-8", body: ByteBuffer(bytes: try JSONEncoder().encode(answer)))
    }

    func document(_ id: String) async throws -> DocumentAnswer {
        let key = DocumentID(rawValue: id.removingPercentEncoding ?? id)
        guard let document = try graph.store.document(key) else {
            throw Problem(.notFound, "No such document", "No document has the id \(key.rawValue).")
        }
        return DocumentAnswer(
            id: document.id.rawValue, title: document.title, encoding: document.encoding,
            body: try graph.store.extractionText(of: key) ?? document.body, records: document.recordCount,
            entities: try graph.store.entities(inDocument: key))
    }

    func entities(_ parameters: QueryParameters) async throws -> EntityList {
        let kind = try parameters.choice("kind", as: EntityKind.self)
        let limit = try parameters.integer("limit", default: 100, in: 1...1_000)
        return EntityList(entities: try graph.store.entities(kind: kind, namePrefix: parameters.string("q"), limit: limit))
    }

    func entity(_ id: Int64) async throws -> EntityAnswer {
        guard let detail = try graph.store.entity(id: id) else { throw Problem(.notFound, "No such entity", "No entity has the id \(id).") }
        return EntityAnswer(entity: detail)
    }

    func relations(_ id: Int64, _ parameters: QueryParameters) async throws -> RelationList {
        guard let detail = try graph.store.entity(id: id) else { throw Problem(.notFound, "No such entity", "No entity has the id \(id).") }
        let predicate = try parameters.choice("predicate", as: RelationPredicate.self)
        return RelationList(entity: detail.summary, relations: try graph.store.relations(of: id, predicate: predicate))
    }

    func path(_ parameters: QueryParameters) async throws -> PathAnswer {
        let from = try resolve(try parameters.required("from", example: "KDDI株式会社"))
        let to = try resolve(try parameters.required("to", example: "多摩信用金庫"))
        let maxHops = try parameters.integer("maxHops", default: 4, in: 1...8)
        guard let hops = try graph.shortestPath(from: from.id, to: to.id, maxHops: maxHops) else {
            throw Problem(.notFound, "No path", "No path of at most \(maxHops) relations joins \(from.name) and \(to.name).")
        }
        return PathAnswer(from: from, to: to, hops: hops)
    }

    /// An entity by id (digits) or by name.
    private func resolve(_ text: String) throws -> EntitySummary {
        if let id = Int64(text) {
            guard let detail = try graph.store.entity(id: id) else { throw Problem(.notFound, "No such entity", "No entity has the id \(id).") }
            return detail.summary
        }
        return try graph.resolve(text)
    }
}

