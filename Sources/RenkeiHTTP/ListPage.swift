internal import Foundation
internal import HTTPTypes
internal import Hummingbird

/// Cursor pagination as HTTP: the body's `next` is the URL of the next page (this request's
/// path and parameters with `cursor` replaced), and a `Link: <…>; rel="next"` header says the same.
enum ListPage {
    static let linkHeader = HTTPField.Name("Link")!

    /// The URL of the page after this request's, starting at `cursor`.
    static func nextURL(of request: Request, cursor: String?) -> String? {
        cursor.map { url(of: request, setting: "cursor", to: $0) }
    }

    /// This request's path and parameters with `name` set to `value` (replaced, or added last).
    static func url(of request: Request, setting name: String, to value: String) -> String {
        let kept = (request.uri.query ?? "").split(separator: "&").filter { pair in
            !pair.hasPrefix(name + "=") && pair != name
        }
        let encoded = value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? value
        return request.uri.path + "?" + (kept.map(String.init) + [name + "=" + encoded]).joined(separator: "&")
    }

    /// The JSON answer, with the `Link` header when there is a next page.
    static func response(_ body: some Encodable, next: String?) throws -> Response {
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        if let next { headers[Self.linkHeader] = "<\(next)>; rel=\"next\"" }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: try APIModels.encode(body))))
    }
}
