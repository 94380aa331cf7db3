internal import Hummingbird

/// Refuses oversized requests before any work: a target longer than `maximumTargetBytes` is
/// a 414, a body longer than `maximumBodyBytes` a 413 (the API only reads, so a body is never
/// needed; a small one is tolerated and ignored).
struct RequestLimitsMiddleware<Context: RequestContext>: RouterMiddleware {
    var maximumTargetBytes: Int
    var maximumBodyBytes: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let target = request.uri.string.utf8.count
        if target > maximumTargetBytes {
            throw Problem(
                .uriTooLong, "URI too long",
                "The request target is \(target) bytes; at most \(maximumTargetBytes) are accepted. Shorten the query.")
        }
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > maximumBodyBytes {
            throw Problem(
                .contentTooLarge, "Request too large",
                "The body is \(length) bytes; at most \(maximumBodyBytes) are accepted, and no route needs one.")
        }
        var request = request
        do {
            _ = try await request.collectBody(upTo: maximumBodyBytes)
        } catch {
            // Collecting with a limit fails only when the body is longer (NIO's
            // NIOTooManyBytesError) or the client went away, who then reads no answer.
            throw Problem(.contentTooLarge, "Request too large", "The body is longer than \(maximumBodyBytes) bytes, and no route needs one.")
        }
        return try await next(request, context)
    }
}
