internal import RenkeiCore

/// The rows of a page's tables with their cells labelled by the header: a CSV/TSV's records,
/// or the tab-separated rows of an HTML table among the page's lines (a header line of short
/// labels the caller recognises, then the lines with cells under it).
struct PageTable {
    struct Row {
        var cells: [(label: String, value: String)]
        /// The row's line in the page, for rows read from the lines.
        var line: Int?

        /// The first cell whose label contains one of the words, in normal form.
        func value(_ labels: [String]) -> String? {
            cells.first { cell in labels.contains { cell.label.contains($0) } }.map { Extractor.normalized($0.value) }
        }

        /// Every cell whose label contains one of the words, in normal form.
        func values(_ labels: [String]) -> [String] {
            cells.filter { cell in labels.contains { cell.label.contains($0) } }.map { Extractor.normalized($0.value) }
        }
    }

    static func rows(records: [Record], lines: [[Unicode.Scalar]], isHeader: ([String]) -> Bool) -> [Row] {
        var rows = records.map { Row(cells: $0.fields.map { ($0.label, $0.value) }, line: nil) }
        var header: [String]?
        for (index, line) in lines.enumerated() {
            guard line.contains("\t") else {
                header = nil
                continue
            }
            let cells = String(line).split(separator: "\t", omittingEmptySubsequences: false).map { String($0).trimmingSpaces() }
            if cells.allSatisfy({ $0.count <= 14 }), isHeader(cells) {
                header = cells
                continue
            }
            guard let labels = header, cells.count >= 2 else { continue }
            rows.append(Row(cells: zip(labels, cells).map { ($0, $1) }, line: index))
        }
        return rows
    }
}
