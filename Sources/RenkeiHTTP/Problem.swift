internal import Foundation
package import Hummingbird
internal import Logging
internal import RenkeiCore
internal import RenkeiQuery

/// An error answer in `application/problem+json` (RFC 9457): status, title and a detail a
/// person can act on. Every error a route throws becomes one of these, here and only here.
package struct Problem: HTTPResponseError, Sendable {
    package var status: HTTPResponse.Status
    package var title: String
    package var detail: String
    /// Headers the answer must carry, such as `Allow` with a 405.
    package var headers: HTTPFields

    package init(_ status: HTTPResponse.Status, _ title: String, _ detail: String, headers: HTTPFields = [:]) {
        self.status = status
        self.title = title
        self.detail = detail
        self.headers = headers
    }

    package func response(from request: Request, context: some RequestContext) throws -> Response {
        let object: [String: Any] = [
            "type": "about:blank", "title": title, "status": Int(status.code), "detail": detail, "instance": request.uri.path,
        ]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        var headers = self.headers
        headers[.contentType] = "application/problem+json; charset=utf-8"
        return Response(
            status: status, headers: headers,
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The problem an error from below stands for. Store failures never show SQLite's words.
    static func from(_ error: any Error) -> Problem {
        switch error {
        case let problem as Problem:
            return problem
        case let error as QueryError:
            return Problem(.badRequest, "Bad query", error.message)
        case let error as GraphError:
            return error.candidates.isEmpty
                ? Problem(.notFound, "No such entity", error.message)
                : Problem(.badRequest, "Ambiguous name", error.message)
        case let error as StoreError where error.code == .timedOut:
            return Problem(.serviceUnavailable, "Search timed out", error.message)
        case let error as StoreError where error.code == .busy:
            return Problem(.serviceUnavailable, "Index busy", error.message)
        case is StoreError:
            return Problem(.internalServerError, "Index error", "The index could not be read. See the server log.")
        case let error as HTTPError:
            return Problem(error.status, error.status.reasonPhrase, error.body ?? error.status.reasonPhrase)
        default:
            return Problem(.internalServerError, "Internal error", "Something went wrong on the server. See the server log.")
        }
    }
}

/// Turns every error thrown below into a problem+json answer.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let problem = Problem.from(error)
            if problem.status == .internalServerError {
                let detail = (error as? StoreError)?.logDescription ?? "\(error)"
                context.logger.error("Request failed", metadata: ["renkei.http.path": "\(request.uri.path)", "error": "\(detail)"])
            }
            return try problem.response(from: request, context: context)
        }
    }
}
