internal import Foundation
package import RenkeiCore
internal import RenkeiHTML

/// Turns a file's bytes into a `Document`, by the kind its name says.
///
/// | ending                  | read as                                                   |
/// |-------------------------|-----------------------------------------------------------|
/// | `.html` `.htm` `.xhtml` | HTML: clean text without page furniture (`HTMLReader`)    |
/// | `.txt` `.text`          | plain text, or a table when its lines are tab-separated   |
/// | `.tsv` `.csv`           | a table: one record per row (`TableReader`)               |
/// | `.pdf`                  | the text layer, page by page (`PDFTextReader`)            |
///
/// Every kind but PDF goes through `TextDecoder` first (UTF-8, CP932, EUC-JP, with or without a
/// declaration). The title is the page's `<title>` without the site name, else the first
/// heading or non-empty line.
package enum DocumentReader {
    package enum Kind: String, Sendable {
        case html, text, tsv, csv, pdf

        package init?(fileName: String) {
            guard let dot = fileName.lastIndex(of: "."), !fileName[dot...].contains("/") else { return nil }
            switch fileName[fileName.index(after: dot)...].lowercased() {
            case "html", "htm", "xhtml", "shtml": self = .html
            case "txt", "text": self = .text
            case "tsv", "tab": self = .tsv
            case "csv": self = .csv
            case "pdf": self = .pdf
            default: return nil
            }
        }
    }

    /// The longest title kept, in characters; a longer one is cut.
    static let maximumTitleLength = 200

    package struct Output: Sendable {
        package var document: Document
        package var warnings: [String]
    }

    /// `headerCharset` is the charset a web server sent with the page, which comes after a
    /// byte-order mark and before the page's own declaration.
    package static func read(
        _ bytes: [UInt8], id: DocumentID, kind: Kind, contentHash: String, headerCharset: String? = nil
    ) throws(IngestError) -> Output {
        guard !bytes.isEmpty else { throw IngestError(.empty, "empty file") }
        if kind == .pdf { return try readPDF(bytes, id: id, contentHash: contentHash) }
        let isUTF16 = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        if !isUTF16, bytes.prefix(8192).contains(0) {
            throw IngestError(.binary, "binary file (contains NUL bytes), not text")
        }
        let decoded = TextDecoder.decode(bytes, headerCharset: headerCharset)
        var warnings = decoded.warnings
        var title: String
        var body: String
        var records: [Record] = []
        switch kind {
        case .html:
            let limited = LongTagLimiter.limit(Array(decoded.text.utf8))
            if limited.cut > 0 {
                warnings.append(
                    "\(limited.cut) tags longer than \(LongTagLimiter.maximumTagBytes / 1024) KB were cut (their later attributes are ignored)")
            }
            guard let parsed = HTMLParser.parse(utf8: limited.bytes) else {
                throw IngestError(.noText, "not HTML that libxml2 can read")
            }
            let page = HTMLReader.read(parsed.tree)
            if parsed.stoppedByDepth {
                guard !page.lines.isEmpty else {
                    throw IngestError(.tooDeep, "elements nest deeper than 256 levels; the HTML parser stops there and found no text before")
                }
                warnings.append("elements nest deeper than 256 levels; the text after that point is missing")
            }
            title = page.title
            body = page.lines.joined(separator: "\n")
        case .text where TableReader.looksTabular(decoded.text), .tsv, .csv:
            let table = TableReader.read(decoded.text, delimiter: kind == .csv ? "," : "\t")
            records = table.records
            body = table.otherLines.joined(separator: "\n")
            title = table.otherLines.first ?? records.first?.fields.first?.value ?? ""
        case .text, .pdf:
            body = decoded.text
            title = firstLine(of: body) ?? ""
        }
        guard firstLine(of: body) != nil || !records.isEmpty else {
            throw IngestError(.noText, "no text (only blanks or markup)")
        }
        title = firstLine(of: title) ?? firstLine(of: body) ?? ""
        if title.count > maximumTitleLength { title = String(title.prefix(maximumTitleLength)) + "…" }
        let document = Document(
            id: id, title: title, body: body, contentHash: contentHash, encoding: decoded.encoding,
            byteCount: bytes.count, records: records)
        return Output(document: document, warnings: warnings)
    }

    /// A PDF's pages, kept apart by `PDFTextReader.pageSeparator`; its title is the first line.
    private static func readPDF(_ bytes: [UInt8], id: DocumentID, contentHash: String) throws(IngestError) -> Output {
        // The header may follow up to 1 KB of other bytes.
        guard bytes.prefix(1024).firstRange(of: Array("%PDF-".utf8)) != nil else {
            throw IngestError(.binary, "named .pdf but not a PDF (no %PDF- header)")
        }
        let pages = try PDFTextReader.pages(of: bytes)
        guard pages.contains(where: { firstLine(of: $0) != nil }) else {
            throw IngestError(
                .noText,
                "a PDF without a text layer (\(pages.count == 1 ? "1 page" : "\(pages.count) pages") of images, a scan?); Renkei does not run OCR")
        }
        var title = pages.lazy.compactMap { firstLine(of: $0) }.first ?? ""
        if title.count > maximumTitleLength { title = String(title.prefix(maximumTitleLength)) + "…" }
        let document = Document(
            id: id, title: title, body: pages.joined(separator: PDFTextReader.pageSeparator), contentHash: contentHash,
            encoding: "PDF", byteCount: bytes.count)
        return Output(document: document, warnings: [])
    }

    /// The first line with something other than white space, trimmed. Scans bytes and stops
    /// at that line: it runs on every file, so it must not split the whole text.
    static func firstLine(of text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var lineStart = 0
            var index = 0
            while index <= bytes.count {
                if index == bytes.count || bytes[index] == 0x0A || bytes[index] == 0x0D {
                    // Blanks and tabs are trimmed on bytes; Foundation trims only a line that
                    // still starts or ends with a non-ASCII character (U+3000 and the like).
                    var start = lineStart, end = index
                    while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
                    while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
                    if start < end {
                        let line = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                        let trimmed = bytes[start] < 0x80 && bytes[end - 1] < 0x80 ? line : line.trimmingCharacters(in: .whitespaces)
                        if !trimmed.isEmpty { return trimmed }
                    }
                    lineStart = index + 1
                }
                index += 1
            }
            return nil
        }
    }
}
