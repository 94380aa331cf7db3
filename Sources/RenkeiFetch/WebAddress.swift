internal import Foundation

/// An http or https URL in canonical form, so one page has one id however it was linked:
/// scheme and host in lower case, no default port, no fragment, dot segments resolved, an
/// empty path as `/`, percent-escapes in upper case, and the characters that need no escape
/// unescaped. The query is kept as written (its order can matter to the server).
package struct WebAddress: Hashable, Sendable, Comparable, CustomStringConvertible {
    package let scheme: String
    package let host: String
    package let port: Int?
    /// The path, starting with `/`.
    package let path: String
    /// The query without its `?`, if there is one.
    package let query: String?

    /// Parses an absolute http(s) URL; nil for anything else.
    package init?(_ text: String) {
        self.init(text.trimmingCharacters(in: .whitespacesAndNewlines), relativeTo: nil)
    }

    /// Resolves `reference` (a link's `href`) against `base`; nil when it is not http(s).
    package init?(_ reference: String, relativeTo base: WebAddress?) {
        let trimmed = reference.trimmingCharacters(in: .whitespacesAndNewlines)
        let resolved: URL?
        if let base {
            resolved = URL(string: trimmed, relativeTo: URL(string: base.description))?.absoluteURL
        } else {
            resolved = URL(string: trimmed)
        }
        guard let url = resolved, let components = URLComponents(url: url, resolvingAgainstBaseURL: true),
            let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = components.host?.lowercased(), !host.isEmpty, components.user == nil
        else { return nil }
        self.scheme = scheme
        self.host = host
        let defaultPort = scheme == "https" ? 443 : 80
        port = components.port.flatMap { $0 == defaultPort ? nil : $0 }
        path = Self.normalizedPath(components.percentEncodedPath)
        query = components.percentEncodedQuery.map(Self.normalizedEscapes)
    }

    package var description: String {
        "\(origin)\(path)\(query.map { "?" + $0 } ?? "")"
    }

    /// `scheme://host[:port]`: what robots.txt and the per-host pace are kept for.
    package var origin: String {
        "\(scheme)://\(host)\(port.map { ":\($0)" } ?? "")"
    }

    /// Path and query, as robots.txt rules are matched against.
    package var pathAndQuery: String {
        path + (query.map { "?" + $0 } ?? "")
    }

    /// The folder of the path (up to its last `/`): links are followed only below it.
    package var folder: String {
        String(path[...path.lastIndex(of: "/")!])
    }

    package static func < (lhs: WebAddress, rhs: WebAddress) -> Bool { lhs.description < rhs.description }

    /// Dot segments resolved (RFC 3986 5.2.4), escapes normalised, never empty.
    static func normalizedPath(_ path: String) -> String {
        var output: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        for (index, segment) in segments.enumerated() {
            let isLast = index == segments.count - 1
            switch segment {
            case ".":
                if isLast { output.append("") }
            case "..":
                if !output.isEmpty { output.removeLast() }
                if isLast { output.append("") }
            default: output.append(segment)
            }
        }
        return "/" + output.map { normalizedEscapes(String($0)) }.joined(separator: "/")
    }

    /// `%7e` as `~`, `%e3` as `%E3`: escapes of unreserved characters undone, the rest in
    /// upper case; characters that must be escaped (non-ASCII, blanks) escaped.
    static func normalizedEscapes(_ text: String) -> String {
        var output = ""
        var bytes = Array(text.utf8)[...]
        while let byte = bytes.first {
            bytes = bytes.dropFirst()
            if byte == UInt8(ascii: "%"), bytes.count >= 2, let value = UInt8(String(decoding: bytes.prefix(2), as: UTF8.self), radix: 16) {
                bytes = bytes.dropFirst(2)
                if isUnreserved(value) {
                    output.unicodeScalars.append(Unicode.Scalar(value))
                } else {
                    output += String(format: "%%%02X", value)
                }
            } else if byte < 0x21 || byte >= 0x7F || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") {
                output += String(format: "%%%02X", byte)
            } else {
                output.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return output
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default: return byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~")
        }
    }
}
