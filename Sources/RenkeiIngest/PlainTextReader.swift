package import RenkeiCore

/// Turns the bytes of a plain-text file into a `Document`.
///
/// The text is UTF-8 (a BOM is dropped); bytes that are not UTF-8 become U+FFFD and the
/// document carries a warning. The title is the first non-empty line.
package enum PlainTextReader {
    /// The longest title kept, in characters; a longer first line is cut.
    static let maximumTitleLength = 200

    package struct Output: Sendable {
        package var document: Document
        package var warnings: [String]
    }

    package static func read(_ bytes: [UInt8], id: DocumentID, contentHash: String) throws(IngestError) -> Output {
        guard !bytes.isEmpty else { throw IngestError(.empty, "empty file") }
        if bytes.prefix(8192).contains(0) {
            throw IngestError(.binary, "binary file (contains NUL bytes), not text")
        }
        var content = bytes[...]
        if content.starts(with: [0xEF, 0xBB, 0xBF]) { content = content.dropFirst(3) }
        var warnings: [String] = []
        let text: String
        if let valid = String(validating: content, as: UTF8.self) {
            text = valid
        } else {
            text = String(decoding: content, as: UTF8.self)
            warnings.append("not valid UTF-8; undecodable bytes were replaced with U+FFFD")
        }
        guard let firstLine = text.split(whereSeparator: \.isNewline).lazy
            .map({ $0.trimmingCharacters() }).first(where: { !$0.isEmpty })
        else {
            throw IngestError(.noText, "no text (only blanks)")
        }
        let title = firstLine.count > maximumTitleLength ? String(firstLine.prefix(maximumTitleLength)) + "…" : firstLine
        return Output(
            document: Document(id: id, title: title, body: text, contentHash: contentHash, encoding: "UTF-8", byteCount: bytes.count),
            warnings: warnings)
    }
}

extension Substring {
    /// The text without leading and trailing white space (including U+3000).
    func trimmingCharacters() -> String {
        let start = firstIndex(where: { !$0.isWhitespace }) ?? endIndex
        let end = lastIndex(where: { !$0.isWhitespace }).map { index(after: $0) } ?? start
        return String(self[start..<Swift.max(start, end)])
    }
}
