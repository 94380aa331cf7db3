internal import Foundation
package import Hummingbird
internal import HummingbirdCore
package import Logging
internal import NIOCore
internal import RenkeiCore
package import RenkeiQuery

/// The HTTP application: JSON API, the staff search page, health. `renkei serve` and the
/// tests both build it here.
package func buildApplication(
    configuration: ServerConfiguration, index: RenkeiIndex, logger: Logger
) throws -> some ApplicationProtocol {
    _ = ServerMetrics.registry
    let router = Router()
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: AccessLogMiddleware())
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: ProblemMiddleware())
    router.add(
        middleware: RequestLimitsMiddleware(
            maximumTargetBytes: configuration.maximumTargetBytes, maximumBodyBytes: configuration.maximumBodyBytes))
    router.add(middleware: ReadOnlyMethodsMiddleware())
    let openAPI = try OpenAPIDocument.load()
    router.add(
        middleware: ConditionalRequestMiddleware(index: index, build: String(StableHash.hex(of: String(decoding: openAPI, as: UTF8.self)).prefix(8))))
    let api = API(index: index, configuration: configuration)
    router.read("/healthz") { _, _ in try await api.health() }
    let cache = ResponseCache(capacityBytes: configuration.cacheBytes)
    // The store's generation is read before the answer, so an answer computed while a write
    // commits is kept under the older generation and dropped with it.
    router.read("/api/search") { request, _ in
        try await cache.response(for: request.uri.description, generation: index.generation) {
            try await api.encodedSearch(request)
        }
    }
    router.read("/api/documents/**") { _, context in try await api.document(context.parameters.getCatchAll().joined(separator: "/")) }
    router.read("/api/entities") { request, _ in try await api.entities(request) }
    router.read("/api/entities/:key") { request, context in
        try await api.negotiatingJSONLD(request, context) { try await api.entity($0) }
    }
    router.read("/api/entities/:key/relations") { request, context in
        try await api.relations(try context.parameters.require("key"), request)
    }
    router.read("/api/agreements") { request, _ in try await api.agreements(request) }
    router.read("/api/agreements/:key") { _, context in try await api.agreement(try context.parameters.require("key")) }
    router.read("/api/projects") { request, _ in try await api.projects(request) }
    router.read("/api/projects/:key") { _, context in try await api.project(try context.parameters.require("key")) }
    router.read("/api/changes") { request, _ in try await api.changes(request) }
    router.read("/api/stats/partners") { request, _ in try await api.partnerStatistics(QueryParameters(request: request)) }
    router.read("/api/stats/agreements") { request, _ in try await api.agreementStatistics(QueryParameters(request: request)) }
    router.read("/api/export") { request, context in try api.export(request, logger: context.logger) }
    router.read("/api/paths") { request, _ in try await api.path(QueryParameters(request: request)) }
    router.read("/metrics") { _, _ in try ServerMetrics.exposition(index: index) }
    router.read("/openapi.json") { _, _ in
        Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: openAPI)))
    }
    let templates = try PageTemplates()
    let searchPage = SearchPage(index: index, templates: templates)
    let entityPage = EntityPage(index: index, templates: templates)
    router.read("/") { request, _ in
        try await cache.response(for: request.uri.description, generation: index.generation) {
            try await searchPage.render(QueryParameters(request: request, form: true))
        }
    }
    let agreementsPage = AgreementsPage(index: index, templates: templates)
    router.read("/agreements") { request, _ in try await agreementsPage.render(request) }
    router.read("/agreements.csv") { request, _ in try await agreementsPage.csv(request) }
    router.read("/entities/:key") { request, context in
        try await api.negotiatingJSONLD(request, context) { try await entityPage.render($0) }
    }
    return Application(
        router: router,
        server: HTTPServerBuilder { [limit = ConnectionLimit(maximum: configuration.maximumConnections)] responder in
            GuardedHTTP1Channel(
                inner: HTTP1Channel(responder: responder, configuration: .init(idleTimeout: TimeAmount(configuration.idleTimeout))),
                headerTimeout: TimeAmount(configuration.headerTimeout), limit: limit)
        },
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "renkei"),
        logger: logger)
}
