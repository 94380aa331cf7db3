internal import HTTPTypes
internal import Hummingbird
internal import RenkeiCore
internal import RenkeiQuery

/// Conditional requests and caching headers. Every answer drawn from the index is the same
/// until the index changes (its generation) or the server does (`build`), so its `ETag` is
/// those two: a client that sends it back in `If-None-Match` gets a 304 before any work is
/// done. The tag is weak: equal answers, not equal bytes (JSON key order may differ).
struct ConditionalRequestMiddleware<Context: RequestContext>: RouterMiddleware {
    /// How a route's answers may be cached.
    enum Policy: Equatable {
        /// Live figures (`/metrics`, `/healthz`): never stored.
        case noStore
        /// Answers from the index: stored, revalidated with the ETag every time.
        case revalidate
        /// The server's own description: the same for a server's whole life.
        case serverLifetime

        init(path: String) {
            switch path {
            case "/metrics", "/healthz": self = .noStore
            case "/openapi.json": self = .serverLifetime
            default: self = .revalidate
            }
        }

        var cacheControl: String {
            switch self {
            case .noStore: "no-store"
            case .revalidate: "no-cache"
            case .serverLifetime: "public, max-age=3600"
            }
        }
    }

    let index: RenkeiIndex
    /// Changes when the server's answers may change for the same index: a hash of its API document.
    let build: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let policy = Policy(path: request.uri.path)
        guard policy != .noStore else {
            var response = try await next(request, context)
            response.headers[.cacheControl] = policy.cacheControl
            return response
        }
        // Entity URLs answer JSON-LD or JSON by `Accept`: each variant has its own tag.
        let variant = API.wantsJSONLD(request) ? "-ld" : ""
        let tag = policy == .serverLifetime ? "W/\"\(build)\"" : "W/\"\(build)-\(try index.generation())\(variant)\""
        if let header = request.headers[.ifNoneMatch], Self.matches(header, tag) {
            return Response(status: .notModified, headers: [.eTag: tag, .cacheControl: policy.cacheControl])
        }
        var response = try await next(request, context)
        if response.status == .ok {
            response.headers[.eTag] = tag
            response.headers[.cacheControl] = policy.cacheControl
        }
        return response
    }

    /// Whether `If-None-Match` names `tag` (weak comparison: `W/` is ignored), or is `*`.
    static func matches(_ header: String, _ tag: String) -> Bool {
        let opaque = { (text: Substring) in text.hasPrefix("W/") ? text.dropFirst(2) : text }
        let wanted = opaque(Substring(tag))
        return header.split(separator: ",").contains { candidate in
            let trimmed = candidate.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed()
            let text = Substring(String(trimmed))
            return text == "*" || opaque(text) == wanted
        }
    }
}
