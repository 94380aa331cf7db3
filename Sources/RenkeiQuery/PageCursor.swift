internal import Foundation
package import RenkeiCore

/// The opaque `cursor` of a list's next page: where the last page ended, as base64url text a
/// client passes back unchanged. Anything else is a `QueryError` that says so.
package enum PageCursor {
    private static let version = "1"

    package static func encode(_ cursor: CollaborationCursor) -> String {
        let text = [version, cursor.sortValue, cursor.key.rawValue].joined(separator: "\n")
        return Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    package static func decode(_ text: String) throws -> CollaborationCursor {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard text.count <= 1_024, let data = Data(base64Encoded: base64), let decoded = String(data: data, encoding: .utf8) else {
            throw invalid(text)
        }
        let parts = decoded.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, parts[0] == version, let key = EntityKey(rawValue: parts[2]) else { throw invalid(text) }
        return CollaborationCursor(sortValue: parts[1], key: key)
    }

    private static func invalid(_ text: String) -> QueryError {
        QueryError(.badCursor, "The cursor \(text.prefix(80)) is not one this server gave: pass the `next` of the previous page unchanged.")
    }
}
