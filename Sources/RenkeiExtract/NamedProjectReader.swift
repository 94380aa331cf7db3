internal import Foundation

/// Named initiatives written in running text: 「…」 names of events, schools and programmes,
/// and names that end in プロジェクト (TOYODA BEERプロジェクト).
struct NamedProjectReader {
    let lines: [[Character]]

    /// Endings that make a quoted or written name an initiative.
    static let endings = ["プロジェクト", "まつり", "祭り", "フェスタ", "フェスティバル", "スクール", "セミナー", "塾", "ラボ", "実証事業", "大会"]

    func read(into registry: inout EntityRegistry) {
        for line in lines {
            for name in Self.names(in: line) where !registry.projects.contains(where: { $0.name == name }) {
                registry.projects.append(ExtractedEntity(id: "", kind: .project, name: name))
            }
        }
    }

    static func names(in line: [Character]) -> [String] {
        var result: [String] = []
        let text = String(line)
        // Quoted names.
        var index = 0
        while index < line.count {
            if line[index] == "「", let close = line[index...].firstIndex(of: "」") {
                let inner = String(line[(index + 1)..<close])
                if endings.contains(where: inner.hasSuffix), inner.count >= 4, inner.count <= 30 { result.append(inner) }
                index = close + 1
            } else {
                index += 1
            }
        }
        // Written names ending in プロジェクト: back over name characters and single spaces between Latin words.
        var searchFrom = text.startIndex
        while let found = text.range(of: "プロジェクト", range: searchFrom..<text.endIndex) {
            searchFrom = found.upperBound
            var start = found.lowerBound
            while start > text.startIndex {
                let previous = text.index(before: start)
                let character = text[previous]
                if TextClasses.isNameCharacter(character) {
                    start = previous
                } else if character == " ", previous > text.startIndex, TextClasses.isLatinOrDigit(text[text.index(before: previous)]) {
                    start = previous
                } else {
                    break
                }
            }
            let name = String(text[start..<found.upperBound])
            if name.count > "プロジェクト".count + 1, !result.contains(name) { result.append(name) }
        }
        return result
    }
}
