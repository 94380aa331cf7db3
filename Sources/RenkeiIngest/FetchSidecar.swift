internal import Foundation

/// What `renkei fetch` knows about a page it stored: written beside the page's bytes as
/// `.NAME.fetch.json` (hidden, so it is never taken for a page), read by ingest for the
/// page's URL (its document id) and the charset its server sent.
package struct FetchSidecar: Codable, Hashable, Sendable {
    /// The page's canonical URL: the document's id.
    package var url: String
    /// The address asked for, when redirects led from it to `url`.
    package var requestedURL: String?
    /// Each redirect followed, in order (`301 https://…`).
    package var redirects: [String]
    /// When the stored bytes were fetched, ISO 8601 (a 304 later rewrites nothing).
    package var fetchedAt: String
    package var status: Int
    /// The response's headers, names in lower case (a repeated header's values joined by ", ").
    package var headers: [String: String]
    /// SHA-256 of the stored bytes, lower-case hex.
    package var contentHash: String

    package init(
        url: String, requestedURL: String?, redirects: [String], fetchedAt: String, status: Int, headers: [String: String],
        contentHash: String
    ) {
        self.url = url
        self.requestedURL = requestedURL
        self.redirects = redirects
        self.fetchedAt = fetchedAt
        self.status = status
        self.headers = headers
        self.contentHash = contentHash
    }

    /// The sidecar's file name for a page stored as `fileName`.
    package static func name(for fileName: String) -> String { ".\(fileName).fetch.json" }

    /// The page's file name for a sidecar named `sidecarName`, or nil if it is not a sidecar.
    package static func pageName(ofSidecar sidecarName: String) -> String? {
        guard sidecarName.hasPrefix("."), sidecarName.hasSuffix(".fetch.json"), sidecarName.count > ".fetch.json".count + 1 else {
            return nil
        }
        return String(sidecarName.dropFirst().dropLast(".fetch.json".count))
    }

    /// The path of the sidecar of the page at `path`.
    package static func path(forPage path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return name(for: path) }
        return String(path[...slash]) + name(for: String(path[path.index(after: slash)...]))
    }

    /// The charset of the `Content-Type` header, if it names one.
    package var headerCharset: String? {
        guard let type = headers["content-type"] else { return nil }
        for parameter in type.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" {
                let value = pair[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
                return value.isEmpty ? nil : value
            }
        }
        return nil
    }

    package static func read(path: String) throws -> FetchSidecar {
        try JSONDecoder().decode(FetchSidecar.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }

    package func write(path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(self).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
