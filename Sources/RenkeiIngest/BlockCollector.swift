internal import RenkeiHTML

/// Walks an `HTMLTree` (without recursion) and emits one line per block: heading, paragraph,
/// list item, table row (cells separated by tabs). Furniture and link-dense blocks are skipped.
struct BlockCollector {
    let tree: HTMLTree

    static let blockElements: Set<String> = [
        "p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
        "table", "thead", "tbody", "tfoot", "tr", "caption", "blockquote", "pre", "figure", "figcaption", "address",
        "hr", "body", "html", "center", "details", "summary",
    ]
    static let cellElements: Set<String> = ["td", "th"]
    /// Containers judged by link density.
    static let linkDensityElements: Set<String> = ["ul", "ol", "dl", "div", "section", "table", "p", "span"]
    /// Marks a cell boundary inside a line until white space has been collapsed.
    static let cellMark: Character = "\u{1F}"

    func lines(under root: Int) -> [String] {
        let density = LinkDensity(tree)
        let contentRootIsPage = root == 0
        var lines: [String] = []
        var current = ""
        func flush() {
            let line = Self.collapse(current)
            if !line.isEmpty { lines.append(line) }
            current = ""
        }
        var stack: [(index: Int, exiting: Bool)] = [(root, false)]
        while let (index, exiting) = stack.popLast() {
            let node = tree.nodes[index]
            switch node.kind {
            case .text(let text):
                current += text
            case .element(let name):
                if exiting {
                    if Self.blockElements.contains(name) { flush() }
                    continue
                }
                if index != root {
                    if HTMLReader.isFurniture(node, insideContent: !contentRootIsPage) { continue }
                    if Self.linkDensityElements.contains(name), density.isMostlyLinks(index) { continue }
                }
                if name == "br" {
                    flush()
                    continue
                }
                if Self.cellElements.contains(name), !current.isEmpty {
                    current.append(Self.cellMark)
                } else if Self.blockElements.contains(name) {
                    flush()
                }
                stack.append((index, true))
                for child in node.children.reversed() { stack.append((child, false)) }
            }
        }
        flush()
        return lines
    }

    /// HTML white space runs become one space, cell marks become tabs, ends are trimmed.
    /// U+3000 is kept: in Japanese text it is content, not markup.
    static func collapse(_ text: String) -> String {
        var output = ""
        var pendingSpace = false
        for character in text {
            if character == cellMark {
                while output.last == " " { output.removeLast() }
                output.append("\t")
                pendingSpace = false
            } else if character == " " || character == "\n" || character == "\t" || character == "\r\n" || character == "\r" || character == "\u{0C}"
            {
                pendingSpace = !output.isEmpty && output.last != "\t"
            } else {
                if pendingSpace { output.append(" ") }
                pendingSpace = false
                output.append(character)
            }
        }
        return output.trimmingBlanks()
    }
}

/// Text and link-text lengths of every subtree, computed in one pass from the leaves up
/// (children always have larger indices than their parents).
struct LinkDensity {
    private var textLength: [Int]
    private var linkTextLength: [Int]
    private var linkCount: [Int]

    init(_ tree: HTMLTree) {
        let count = tree.nodes.count
        textLength = Array(repeating: 0, count: count)
        linkTextLength = Array(repeating: 0, count: count)
        linkCount = Array(repeating: 0, count: count)
        var insideLink = Array(repeating: false, count: count)
        for index in tree.nodes.indices {
            let node = tree.nodes[index]
            let parentInside = node.parent >= 0 ? insideLink[node.parent] : false
            insideLink[index] = parentInside || node.tagName == "a"
        }
        for index in tree.nodes.indices.reversed() {
            let node = tree.nodes[index]
            if case .text(let text) = node.kind {
                let length = text.unicodeScalars.reduce(0) { $0 + ($1.properties.isWhitespace ? 0 : 1) }
                textLength[index] += length
                if insideLink[index] { linkTextLength[index] += length }
            }
            if node.tagName == "a" { linkCount[index] += 1 }
            if node.parent >= 0 {
                textLength[node.parent] += textLength[index]
                linkTextLength[node.parent] += linkTextLength[index]
                linkCount[node.parent] += linkCount[index]
            }
        }
    }

    /// Three or more links making up at least three quarters of the text: a menu, not prose.
    func isMostlyLinks(_ index: Int) -> Bool {
        linkCount[index] >= 3 && textLength[index] > 0 && linkTextLength[index] * 4 >= textLength[index] * 3
    }
}

extension String {
    /// Without leading and trailing ASCII spaces and tabs.
    func trimmingBlanks() -> String {
        var slice = self[...]
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
