internal import Foundation

/// Named initiatives written in running text: 「…」 names of events, schools and programmes,
/// and names that end in プロジェクト (TOYODA BEERプロジェクト).
struct NamedProjectReader {
    let lines: [[Character]]

    /// Endings that make a quoted or written name an initiative.
    static let endings = ["プロジェクト", "まつり", "祭り", "フェスタ", "フェスティバル", "スクール", "セミナー", "塾", "ラボ", "実証事業", "大会"]
    static let unquotedEndings = ["プロジェクト", "スクール", "セミナー", "塾", "ラボ", "実証事業"]

    /// An initiative listed in an agreement's section (under its 主な取り組み) falls under that
    /// agreement, and its participants are the agreement's parties.
    func read(into registry: inout EntityRegistry) {
        for (lineIndex, line) in lines.enumerated() {
            for name in Self.names(in: line) where !registry.projects.contains(where: { $0.name == name }) {
                var project = ExtractedEntity(id: "", kind: .project, name: name)
                let section = AgreementReader.sectionHeading(before: lineIndex, lines: lines, registry: registry)?.line
                if let block = registry.agreementBlocks.last(where: { $0.line < lineIndex && $0.section == section && section != nil }) {
                    project.agreement = "agreement:\(block.agreement)"
                    project.participants = registry.agreements[block.agreement].parties
                }
                registry.projects.append(project)
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
        // Written names with such an ending: back over name characters and single spaces
        // between Latin words. Short ones (各種セミナー, 創業スクール) name a kind, not one initiative.
        for ending in unquotedEndings {
        var searchFrom = text.startIndex
        while let found = text.range(of: ending, range: searchFrom..<text.endIndex) {
            searchFrom = found.upperBound
            var start = found.lowerBound
            while start > text.startIndex {
                let previous = text.index(before: start)
                let character = text[previous]
                if TextClasses.isNameCharacter(character), character != "・" {
                    start = previous
                } else if character == " ", previous > text.startIndex, TextClasses.isLatinOrDigit(text[text.index(before: previous)]) {
                    start = previous
                } else {
                    break
                }
            }
            if found.upperBound < text.endIndex, TextClasses.isKanji(text[found.upperBound]) || TextClasses.isKatakana(text[found.upperBound]) {
                continue
            }
            let name = String(text[start..<found.upperBound])
            let generic = ["関連", "別", "各種", "向け", "等", "その他"]
            if name.count >= max(7, ending.count + 2), !generic.contains(where: name.contains), !result.contains(where: { $0.hasSuffix(name) || name.hasSuffix($0) }) { result.append(name) }
        }
        }
        return result
    }
}
