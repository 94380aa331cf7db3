internal import HTTPTypes
internal import Hummingbird

/// Headers that keep a reflected string from ever running as markup: `nosniff` on every
/// answer (a problem+json that repeats a bad key is never read as HTML), and on the staff
/// pages, which use no script at all, a Content-Security-Policy that allows none.
enum SecurityHeaders {
    static let contentTypeOptions = HTTPField.Name("X-Content-Type-Options")!
    static let contentSecurityPolicy = HTTPField.Name("Content-Security-Policy")!
    /// No scripts, no plugins, no framing; the pages' own inline styles and same-origin links and forms.
    static let pagePolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
}

struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[SecurityHeaders.contentTypeOptions] = "nosniff"
        if response.headers[.contentType]?.hasPrefix("text/html") == true {
            response.headers[SecurityHeaders.contentSecurityPolicy] = SecurityHeaders.pagePolicy
        }
        return response
    }
}
