internal import Foundation
internal import Hummingbird
internal import Logging
internal import RenkeiCore
internal import RenkeiQuery

/// The JSON API's handlers: parameters in, `APIModels` out, errors as `Problem`s.
struct API: Sendable {
    let index: RenkeiIndex
    let configuration: ServerConfiguration

    /// Programs, like people, get loose matching (表記ゆれ) unless they ask for `match=exact`:
    /// a client that already knows the page's spelling loses nothing (exact hits come first),
    /// and one that does not finds what it meant. Exact is cheaper (BENCHMARKS.md: on the big
    /// corpus an uncached server answers about six times as many exact searches), so
    /// high-volume clients that need no 表記ゆれ should ask for it.
    static let defaultMatch = MatchMode.loose

    func health() async throws -> APIModels.Health {
        let counts = try index.counts()
        let replicas = index.replicaStatus().map(APIModels.Health.Replica.init)
        return APIModels.Health(
            status: "ok", documents: counts.documents, entities: counts.entities, relations: counts.relations,
            replicas: replicas.isEmpty ? nil : replicas)
    }

    func search(_ parameters: QueryParameters) async throws -> APIModels.SearchAnswer {
        let query = try parameters.required("q", example: "包括連携協定")
        let limit = try parameters.integer("limit", default: 10, in: 1...configuration.maximumLimit)
        let offset = try parameters.integer("offset", default: 0, in: 0...100_000)
        let results = try index.search(
            query, filters: try parameters.searchFilters(), limit: limit, offset: offset,
            facets: try parameters.boolean("facets", default: true), match: try parameters.choice("match", as: MatchMode.self) ?? Self.defaultMatch)
        return APIModels.SearchAnswer(results, limit: limit)
    }

    /// `search` as a finished JSON body for the response cache, with the next page's URL
    /// (`offset` moved on by `limit`) in `next` and a `Link` header while hits remain.
    func encodedSearch(_ request: Request) async throws -> CachedResponse {
        var answer = try await search(QueryParameters(request: request))
        if let limit = answer.limit, answer.offset + limit < answer.total {
            answer.next = ListPage.url(of: request, setting: "offset", to: String(answer.offset + limit))
        }
        return CachedResponse(
            status: .ok, contentType: "application/json; charset=utf-8", body: ByteBuffer(bytes: try JSONEncoder().encode(answer)), link: answer.next)
    }

    func document(_ id: String) async throws -> APIModels.DocumentAnswer {
        var decoded = id.removingPercentEncoding ?? id
        // A fetched page's id is its URL; written into the path unescaped, the router's
        // segments lose the empty one of `//` (`https:/host/…`).
        for scheme in ["http:/", "https:/"] where decoded.hasPrefix(scheme) && !decoded.hasPrefix(scheme + "/") {
            decoded.insert("/", at: decoded.index(decoded.startIndex, offsetBy: scheme.count))
        }
        let key = DocumentID(rawValue: decoded)
        guard let document = try index.document(key) else {
            throw Problem(.notFound, "No such document", "No document has the id \(key.rawValue).")
        }
        return APIModels.DocumentAnswer(document)
    }

    func entities(_ request: Request) async throws -> Response {
        let parameters = QueryParameters(request: request)
        let page = try index.entities(
            kind: try parameters.choice("kind", as: EntityKind.self), namePrefix: parameters.string("q"), cursor: try parameters.optional("cursor"),
            limit: try parameters.integer("limit", default: 100, in: 1...1_000))
        let next = ListPage.nextURL(of: request, cursor: page.next)
        return try ListPage.response(APIModels.EntityList(entities: APIModels.entities(page.items), next: next), next: next)
    }

    func entity(_ key: String) async throws -> APIModels.EntityAnswer {
        APIModels.EntityAnswer(entity: APIModels.EntityDetail(try Self.entity(key, in: index)))
    }

    /// The entity as a JSON-LD document (schema.org, as `/api/export?format=jsonld` writes each
    /// node, with its own `@context`): what `Accept: application/ld+json` asks of entity URLs.
    func entityJSONLD(_ key: String) async throws -> Response {
        let detail = try Self.entity(key, in: index)
        let outgoing = try index.relations(of: detail.summary.key).filter { $0.direction == .outgoing }.map { edge in
            GraphEdgeRecord(subject: detail.summary.key, predicate: edge.predicate, object: edge.other.key, document: edge.document)
        }
        let body = try GraphExport.jsonLDDocument(detail, outgoing: outgoing)
        return Response(
            status: .ok, headers: [.contentType: GraphExport.Format.jsonLD.contentType, .vary: "Accept"],
            body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// An entity URL's answer: JSON-LD to `Accept: application/ld+json`, else what `otherwise`
    /// makes of the key; either way `Vary: Accept`, so caches keep the two apart.
    func negotiatingJSONLD<Context: RequestContext>(
        _ request: Request, _ context: Context, otherwise: (String) async throws -> some ResponseGenerator
    ) async throws -> Response {
        let key = try context.parameters.require("key")
        if Self.wantsJSONLD(request) { return try await entityJSONLD(key) }
        var response = try await otherwise(key).response(from: request, context: context)
        response.headers[.vary] = "Accept"
        return response
    }

    /// Whether the client prefers JSON-LD (`Accept: application/ld+json`, as linked-data tools send).
    static func wantsJSONLD(_ request: Request) -> Bool {
        request.headers[values: .accept].joined(separator: ",").split(separator: ",").contains { item in
            item.split(separator: ";")[0].trimmingCharacters(in: .whitespaces).lowercased() == "application/ld+json"
        }
    }

    func relations(_ key: String, _ request: Request) async throws -> Response {
        let parameters = QueryParameters(request: request)
        let detail = try Self.entity(key, in: index)
        let query = RelationQuery(
            predicate: try parameters.choice("predicate", as: RelationPredicate.self),
            otherKind: try parameters.choice("other_kind", as: EntityKind.self),
            signedFrom: try parameters.optional("signed_from"), signedTo: try parameters.optional("signed_to"))
        let page = try index.relations(
            of: detail.summary.key, query: query, cursor: try parameters.optional("cursor"),
            limit: try parameters.integer("limit", default: 100, in: 1...RenkeiIndex.maximumListLimit))
        let next = ListPage.nextURL(of: request, cursor: page.next)
        return try ListPage.response(
            APIModels.RelationList(entity: APIModels.Entity(detail.summary), relations: APIModels.relations(page.items), next: next), next: next)
    }

    func path(_ parameters: QueryParameters) async throws -> APIModels.PathAnswer {
        let from = try index.resolve(try parameters.required("from", example: "KDDI株式会社"))
        let to = try index.resolve(try parameters.required("to", example: "多摩信用金庫"))
        let maxHops = try parameters.integer("maxHops", default: 4, in: 1...8)
        guard let hops = try index.path(from: from.key, to: to.key, maxHops: maxHops) else {
            throw Problem(.notFound, "No path", "No path of at most \(maxHops) relations joins \(from.name) and \(to.name).")
        }
        return APIModels.PathAnswer(from: APIModels.Entity(from), to: APIModels.Entity(to), hops: APIModels.hops(hops))
    }

    func agreements(_ request: Request) async throws -> Response {
        let parameters = QueryParameters(request: request)
        let query = try parameters.agreementQuery()
        return try listPage(query, parameters, request) { list, next in
            APIModels.AgreementList(agreements: list.records.map(APIModels.Agreement.init), next: next, notices: list.notices)
        }
    }

    func projects(_ request: Request) async throws -> Response {
        let parameters = QueryParameters(request: request)
        var query = try parameters.collaborationQuery(.project, members: "participant")
        query.fiscalYear = try parameters.optional("fiscal_year").map { _ in try parameters.integer("fiscal_year", default: 0, in: 1868...2200) }
        let amounts = 0...Int(Int32.max) * 1_000
        query.amountMin = try parameters.optional("amount_min").map { _ in try parameters.integer("amount_min", default: 0, in: amounts) }
        query.amountMax = try parameters.optional("amount_max").map { _ in try parameters.integer("amount_max", default: 0, in: amounts) }
        return try listPage(query, parameters, request) { list, next in
            APIModels.ProjectList(projects: list.records.map(APIModels.Project.init), next: next, notices: list.notices)
        }
    }

    func changes(_ request: Request) async throws -> Response {
        let parameters = QueryParameters(request: request)
        let since = try parameters.required("since", example: "0")
        guard let generation = Int64(since) else {
            throw Problem(.badRequest, "Bad parameter", "since must be a generation: 0, or the until of your last sync; it was \(since).")
        }
        let feed = try index.changes(
            since: generation, cursor: try parameters.optional("cursor"),
            limit: try parameters.integer("limit", default: 100, in: 1...RenkeiIndex.maximumListLimit))
        let next = ListPage.nextURL(of: request, cursor: feed.next)
        return try ListPage.response(APIModels.ChangeFeed(feed, next: next), next: next)
    }

    func partnerStatistics(_ parameters: QueryParameters) async throws -> APIModels.PartnerStatistics {
        // `city` (name, code or key), or any `entity` (a company's partners are cities).
        let entity =
            if let other = try parameters.name("entity") {
                try index.resolve(other)
            } else {
                try index.resolvePlace(try parameters.required("city", example: "132128"))
            }
        let counts = try index.partnerCounts(of: entity.key)
        return APIModels.PartnerStatistics(
            entity: APIModels.Entity(entity),
            byYear: counts.byYear.map { .init(kind: $0.kind.rawValue, year: $0.year, partners: $0.partners) },
            totals: counts.totals.map { .init(kind: $0.key.rawValue, partners: $0.value) }.sorted { ($0.partners, $1.kind) > ($1.partners, $0.kind) })
    }

    func agreementStatistics(_ parameters: QueryParameters) async throws -> APIModels.AgreementStatistics {
        let grouping = try parameters.choice("group_by", as: AgreementGrouping.self) ?? .year
        return APIModels.AgreementStatistics(grouping, try index.agreementCounts(groupedBy: grouping))
    }

    /// The whole graph, streamed (`ExportStreaming`). HEAD answers the headers without exporting.
    func export(_ request: Request, logger: Logger) throws -> Response {
        let parameters = QueryParameters(request: request)
        let requested = try parameters.required("format", example: "jsonld")
        let file = try parameters.optional("file")
        guard file == nil || file == "nodes" || file == "relationships" else {
            throw Problem(.badRequest, "Bad parameter", "file must be nodes or relationships; it was \(file ?? "").")
        }
        guard file == nil || requested == "neo4j-csv" else {
            throw Problem(.badRequest, "Bad parameter", "file applies only to format=neo4j-csv.")
        }
        let format: GraphExport.Format
        switch (requested, file) {
        case ("jsonld", _): format = .jsonLD
        case ("graphml", _): format = .graphML
        case ("ndjson", _): format = .ndjson
        case ("neo4j-csv", "nodes"): format = .neo4jNodes
        case ("neo4j-csv", "relationships"): format = .neo4jRelationships
        case ("neo4j-csv", _):
            throw Problem(.badRequest, "Bad parameter", "format=neo4j-csv is two files: add file=nodes or file=relationships.")
        default:
            throw Problem(.badRequest, "Bad parameter", "format must be one of jsonld, graphml, neo4j-csv, ndjson; it was \(requested).")
        }
        let names: [GraphExport.Format: String] = [
            .jsonLD: "renkei-graph.jsonld", .graphML: "renkei-graph.graphml", .ndjson: "renkei-graph.ndjson",
            .neo4jNodes: "nodes.csv", .neo4jRelationships: "relationships.csv",
        ]
        let headers: HTTPFields = [
            .contentType: format.contentType, .contentDisposition: "attachment; filename=\"\(names[format] ?? "renkei-graph")\"",
        ]
        guard request.method != .head else { return Response(status: .ok, headers: headers) }
        return Response(status: .ok, headers: headers, body: ExportStreaming.body(of: index, format: format, logger: logger))
    }

    /// One page of agreements or projects (`limit`, `cursor`) as `answer` shapes it, with its `Link`.
    private func listPage(
        _ query: CollaborationQuery, _ parameters: QueryParameters, _ request: Request,
        answer: (CollaborationList, String?) -> some Encodable
    ) throws -> Response {
        let list = try index.collaborations(
            query, cursor: try parameters.optional("cursor"),
            limit: try parameters.integer("limit", default: 100, in: 1...RenkeiIndex.maximumListLimit))
        let next = ListPage.nextURL(of: request, cursor: list.next)
        return try ListPage.response(answer(list, next), next: next)
    }

    func agreement(_ key: String) async throws -> APIModels.AgreementAnswer {
        APIModels.AgreementAnswer(agreement: APIModels.Agreement(try collaboration(key, kind: .agreement)))
    }

    func project(_ key: String) async throws -> APIModels.ProjectAnswer {
        APIModels.ProjectAnswer(project: APIModels.Project(try collaboration(key, kind: .project)))
    }

    private func collaboration(_ text: String, kind: EntityKind) throws -> CollaborationRecord {
        let detail = try Self.entity(text, in: index)
        guard detail.summary.kind == kind, let record = try index.collaboration(detail.summary.key) else {
            let article = kind == .agreement ? "an" : "a"
            throw Problem(
                .notFound, "No such \(kind.rawValue)",
                "\(detail.summary.key) is not \(article) \(kind.rawValue) but a \(detail.summary.kind.rawValue): "
                    + "see /api/entities/\(detail.summary.key).")
        }
        return record
    }

    /// The entity a URL's key names (percent-encoded or not). A number, an old row id, is a
    /// 404 that says keys replaced them.
    static func entity(_ text: String, in index: RenkeiIndex) throws -> EntityDetail {
        let decoded = text.removingPercentEncoding ?? text
        if !decoded.isEmpty, decoded.allSatisfy({ $0.isASCII && $0.isNumber }) {
            throw Problem(.notFound, "Entity ids are keys now", RenkeiIndex.numericIDNotice(decoded))
        }
        guard let key = EntityKey(rawValue: decoded) else {
            throw Problem(.notFound, "No such entity", "\(decoded) is not an entity key. Keys look like city:132128 or company:イオン.")
        }
        guard let detail = try index.entity(key) else {
            throw Problem(.notFound, "No such entity", "No entity has the key \(key).")
        }
        return detail
    }
}
