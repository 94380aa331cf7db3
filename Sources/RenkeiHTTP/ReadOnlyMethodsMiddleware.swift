internal import Hummingbird

/// Every route only reads: any method but GET and HEAD is a 405 that says which are allowed.
/// HEAD answers what GET would, status and headers: every route is registered for both
/// (`RouterMethods.read`), and SwiftNIO's encoder leaves out the body of a response to HEAD
/// while keeping its `Content-Length`.
struct ReadOnlyMethodsMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            throw Problem(
                .methodNotAllowed, "Method not allowed", "Renkei's routes only read; use GET (or HEAD), not \(request.method).",
                headers: [.allow: "GET, HEAD"])
        }
        return try await next(request, context)
    }
}

extension RouterMethods {
    /// A route that reads: GET, and HEAD with the same status and headers.
    @discardableResult
    func read(_ path: RouterPath, use handler: @Sendable @escaping (Request, Context) async throws -> some ResponseGenerator) -> Self {
        on(path, method: .get, use: handler)
        return on(path, method: .head, use: handler)
    }
}
