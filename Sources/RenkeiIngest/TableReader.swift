package import RenkeiCore
internal import RenkeiHTML

/// Tables as records: `.tsv`, `.csv`, and text files whose lines are tab-separated rows.
///
/// The first row with the most common number of columns is the header; a row equal to it
/// again (pages repeat headers) is not a record. Every other row of that width is a record
/// whose cells are labelled with the header's column names; HTML inside a cell (`<p>…</p>`)
/// is reduced to its text. Lines that are not rows (a title, a caption) form the document's
/// own text, each kept once.
package enum TableReader {
    package struct Table: Sendable {
        package var otherLines: [String]
        package var records: [Record]
    }

    /// Whether the lines of a text file form a tab-separated table: at least two rows of
    /// three or more cells, and more than half of the non-blank lines rows of the most common
    /// width. A manual page with a few tabbed lines stays prose: read as a table, its other
    /// lines would be deduplicated and its rows relabelled, and search would miss its text.
    static func looksTabular(_ text: String) -> Bool {
        // Counted on bytes: this runs on every text file.
        var widths: [Int] = []
        var tabs = 0
        var lines = 0
        var lineHasText = false
        var text = text
        text.withUTF8 { bytes in
            for byte in bytes {
                if byte == 0x09 {
                    tabs += 1
                } else if byte == 0x0A {
                    if tabs >= 2 { widths.append(tabs + 1) }
                    if lineHasText || tabs > 0 { lines += 1 }
                    tabs = 0
                    lineHasText = false
                } else if byte != 0x20 && byte != 0x0D {
                    lineHasText = true
                }
            }
        }
        if tabs >= 2 { widths.append(tabs + 1) }
        if lineHasText || tabs > 0 { lines += 1 }
        guard widths.count >= 2, let common = mostCommon(widths) else { return false }
        return widths.filter { $0 == common }.count * 2 > lines
    }

    package static func read(_ text: String, delimiter: Character) -> Table {
        let rows: [[String]] =
            delimiter == ","
            ? CSVParser.rows(text)
            : text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
                .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        let widths = rows.map(\.count).filter { $0 >= 2 }
        guard let width = mostCommon(widths), let headerIndex = rows.firstIndex(where: { $0.count == width }) else {
            return Table(otherLines: uniqueLines(rows.map { $0.joined(separator: "\t") }), records: [])
        }
        let header = rows[headerIndex].map { cleanCell($0) }
        var otherLines: [String] = []
        var records: [Record] = []
        for (index, row) in rows.enumerated() {
            if row.count == width {
                if index == headerIndex { continue }
                let cells = row.map { cleanCell($0) }
                if cells == header || cells.allSatisfy(\.isEmpty) { continue }
                let fields = zip(header, cells).enumerated().map { column, pair in
                    Record.Field(label: pair.0.isEmpty ? "列\(column + 1)" : pair.0, value: pair.1)
                }
                records.append(Record(number: records.count + 1, fields: fields))
            } else {
                otherLines.append(row.map { cleanCell($0) }.filter { !$0.isEmpty }.joined(separator: "\t"))
            }
        }
        return Table(otherLines: uniqueLines(otherLines), records: records)
    }

    /// A cell's text: HTML fragments reduced to text (paragraphs on lines of their own). Only
    /// a cell with a closing tag or a line break is HTML: `#include <stdlib.h>` is text.
    static func cleanCell(_ cell: String) -> String {
        let trimmed = cell.trimmingBlanks()
        let lowercased = trimmed.lowercased()
        guard lowercased.contains("</") || lowercased.contains("<br"), trimmed.contains(">"),
            let parsed = HTMLParser.parse(utf8: Array("<body>\(trimmed)</body>".utf8))
        else { return trimmed }
        return BlockCollector(tree: parsed.tree).lines(under: 0).joined(separator: "\n")
    }

    private static func uniqueLines(_ lines: [String]) -> [String] {
        var seen: Set<String> = []
        return lines.map { $0.trimmingBlanks() }.filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    private static func mostCommon(_ values: [Int]) -> Int? {
        var counts: [Int: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        return counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key < $1.key) }?.key
    }
}

/// RFC 4180 CSV: quoted fields may hold commas, quotes (doubled) and line breaks.
enum CSVParser {
    static func rows(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var characters = text.makeIterator()
        var pending: Character? = nil
        while let character = pending ?? characters.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    let next = characters.next()
                    if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                } else {
                    field.append(character)
                }
            } else if character == "\"" && field.isEmpty {
                quoted = true
            } else if character == "," {
                row.append(field)
                field = ""
            } else if character.isNewline {
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.append(character)
            }
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows
    }
}
