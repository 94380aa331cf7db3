internal import Foundation
internal import RenkeiCore
internal import RenkeiIngest

/// Where a fetched page is kept under the fetch folder: `host[_port]/path`, with an ending
/// that says what the bytes are (ingest reads a file by its ending). `/` becomes `index.html`,
/// a query adds a hash of itself to the name, and a name too long for the file system is
/// shortened with a hash.
package enum StoredPageName {
    /// The kinds of response kept, by media type, with the ending their files get.
    static let endings: [String: String] = [
        "text/html": "html", "application/xhtml+xml": "xhtml", "text/plain": "txt", "text/csv": "csv",
        "text/tab-separated-values": "tsv", "application/pdf": "pdf",
    ]

    /// The media type of a `Content-Type` value, in lower case, without parameters.
    static func mediaType(_ contentType: String?) -> String? {
        guard let contentType else { return nil }
        let type = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        return type.isEmpty ? nil : type
    }

    /// The ending for a response: from its media type; for a missing or generic one
    /// (`application/octet-stream`), from the URL's ending or the first bytes. Nil: not a page.
    package static func ending(for address: WebAddress, contentType: String?, firstBytes: ArraySlice<UInt8>) -> String? {
        if let type = mediaType(contentType), let ending = endings[type] { return ending }
        if let type = mediaType(contentType), type != "application/octet-stream", type != "binary/octet-stream" { return nil }
        let last = address.path.split(separator: "/").last.map(String.init) ?? ""
        if let kind = DocumentReader.Kind(fileName: last) {
            return kind == .html ? "html" : last[last.index(after: last.lastIndex(of: ".")!)...].lowercased()
        }
        if firstBytes.starts(with: Array("%PDF-".utf8)) { return "pdf" }
        let head = String(decoding: firstBytes.prefix(512), as: UTF8.self).lowercased()
        if head.contains("<html") || head.contains("<!doctype html") { return "html" }
        return nil
    }

    /// The file's path relative to the fetch folder.
    package static func relativePath(for address: WebAddress, ending: String) -> String {
        let folder = address.host + (address.port.map { "_\($0)" } ?? "")
        var segments = address.path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        if segments.last?.isEmpty ?? true { segments[segments.count - 1] = "index" }
        segments = segments.map { $0.isEmpty ? "_" : $0 }
        var name = segments.removeLast()
        if let query = address.query { name += "_q" + String(StableHash.hex(of: query).prefix(12)) }
        // A name that already says its kind keeps it (`a.htm` for HTML); one that says another
        // kind, or none, gets the ending (ingest reads a file by its ending).
        if DocumentReader.Kind(fileName: name) != DocumentReader.Kind(fileName: "x." + ending) {
            name += "." + ending
        }
        let shortened = ([folder] + segments + [name]).map(shorten)
        return shortened.joined(separator: "/")
    }

    /// Names longer than 200 bytes (most file systems allow 255) keep their start and ending
    /// with a hash between.
    private static func shorten(_ name: String) -> String {
        guard name.utf8.count > 200 else { return name }
        let ending = name.lastIndex(of: ".").map { String(name[$0...]) } ?? ""
        var start = ""
        for character in name {
            guard start.utf8.count + character.utf8.count <= 120 else { break }
            start.append(character)
        }
        return start + "~" + String(StableHash.hex(of: name).prefix(16)) + (ending.utf8.count <= 10 ? ending : "")
    }

    /// The stored files a page could have from an earlier fetch, whatever its type was then.
    package static func candidates(for address: WebAddress) -> [String] {
        Set(endings.values).sorted().map { relativePath(for: address, ending: $0) }
    }
}
