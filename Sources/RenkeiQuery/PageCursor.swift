internal import Foundation
package import RenkeiCore

/// The opaque `cursor` of a list's next page: where the last page ended, as base64url text a
/// client passes back unchanged. Anything else is a `QueryError` that says so.
package enum PageCursor {
    private static let version = "1"

    static func encode(_ fields: [String]) -> String {
        let text = ([version] + fields).joined(separator: "\n")
        return Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The fields of a cursor this server gave, `count` of them.
    static func decode(_ text: String, count: Int) throws -> [String] {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard text.count <= 1_024, let data = Data(base64Encoded: base64), let decoded = String(data: data, encoding: .utf8) else {
            throw invalid(text)
        }
        let parts = decoded.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == count + 1, parts[0] == version else { throw invalid(text) }
        return Array(parts.dropFirst())
    }

    static func encode(_ cursor: CollaborationCursor) -> String {
        encode([cursor.sortValue, cursor.key.rawValue])
    }

    static func decodeCollaboration(_ text: String) throws -> CollaborationCursor {
        let fields = try decode(text, count: 2)
        guard let key = EntityKey(rawValue: fields[1]) else { throw invalid(text) }
        return CollaborationCursor(sortValue: fields[0], key: key)
    }

    static func invalid(_ text: String) -> QueryError {
        QueryError(.badCursor, "The cursor \(text.prefix(80)) is not one this server gave: pass the `next` of the previous page unchanged.")
    }
}
