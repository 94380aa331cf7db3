internal import Hummingbird

/// Every route only reads: any method but GET and HEAD is a 405 that says which are allowed.
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
