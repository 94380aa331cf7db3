internal import Foundation
internal import RenkeiCore

/// Named initiatives written in running text: 「…」 names of events, schools and programmes,
/// and names that end in プロジェクト (TOYODA BEERプロジェクト).
struct NamedProjectReader {
    let lines: [[Unicode.Scalar]]
    /// The lines as one text, joined by line ends (what they were split from).
    let text: String

    /// Endings that make a quoted or written name an initiative.
    static let endings = ["プロジェクト", "まつり", "祭り", "フェスタ", "フェスティバル", "スクール", "セミナー", "塾", "ラボ", "実証事業", "大会", "ワークショップ"]
    static let unquotedEndings = ["プロジェクト", "スクール", "セミナー", "塾", "ラボ", "実証事業", "まつり", "祭り", "事業"]
    static let unquotedEndingCharacters = unquotedEndings.map { ($0, Array($0.unicodeScalars)) }
    static let endingStarts = ScalarSet(unquotedEndings.map { $0.unicodeScalars.first! })
    /// What follows a quoted name when the text runs it as an initiative.
    static let runningContexts = ["と題した", "を連携して実施", "を開催", "の開催", "を実施", "を企画", "への協力", "を運営"]
    /// Verbs that, in the sentence describing 「X」は…, make X a jointly run initiative or platform.
    static let runningVerbs = ["運営され", "運営して", "開催され", "実施され"]

    /// An initiative listed in an agreement's section (under its 主な取り組み) falls under that
    /// agreement, and its participants are the agreement's parties.
    func read(into registry: inout EntityRegistry) {
        for line in lines {
            for written in Self.names(in: line) {
                let (name, aliases) = Self.splitReading(written)
                if let existing = registry.projects.firstIndex(where: { $0.allNames.contains(name) || $0.allNames.contains(written) }) {
                    for alias in aliases where !registry.projects[existing].allNames.contains(alias) { registry.projects[existing].aliases.append(alias) }
                    continue
                }
                // 日野市次世代リーダー塾「日野塾」: the quoted short name is an alias of the one before it.
                if let previous = registry.projects.last, line.contains("「"), ByteSearch.contains(previous.name + "「" + written + "」", in: String(line)) {
                    registry.projects[registry.projects.count - 1].aliases.append(written)
                    continue
                }
                var project = ExtractedEntity(id: "", kind: .project, name: name)
                project.aliases = aliases
                project.evidenceText = String(line)
                registry.projects.append(project)
            }
        }
        assignParticipants(&registry)
    }

    /// Participants of each initiative, from every line that names it: the parties of the
    /// agreement whose section the line stands in (the first such agreement is the one it
    /// falls under) and the bodies the line itself names. A page with one agreement and no
    /// sections puts its initiatives under that agreement; a page that labels who runs its
    /// initiative (取組主体: …) gives the participants of those still without any.
    private func assignParticipants(_ registry: inout EntityRegistry) {
        guard registry.projects.contains(where: { $0.organizer == nil && $0.amountYen == nil }) else { return }
        var partiesOfLine: [Int: [String]] = [:]
        // Each line's first byte in the text, so each name is searched once in the whole text.
        var lineStarts: [Int] = [0]
        for (offset, byte) in text.utf8.enumerated() where byte == 0x0A { lineStarts.append(offset + 1) }
        func linesNaming(_ names: [String]) -> [Int] {
            var found: Set<Int> = []
            for name in names where !name.isEmpty {
                for occurrence in ByteSearch.occurrences(of: name, in: text) {
                    var low = 0, high = lineStarts.count - 1
                    while low < high {
                        let middle = (low + high + 1) / 2
                        if lineStarts[middle] <= occurrence.lowerBound { low = middle } else { high = middle - 1 }
                    }
                    found.insert(low)
                }
            }
            return found.sorted()
        }
        let actors = lines.first { line in Self.actorLabels.contains { line.starts(with: $0) } }
            .map { registry.parties(in: $0, outsideParentheses: false) } ?? []
        for index in registry.projects.indices where registry.projects[index].organizer == nil && registry.projects[index].amountYen == nil {
            var participants: [String] = []
            let names = registry.projects[index].allNames
            for lineIndex in linesNaming(names).prefix(Self.linesRead) {
                let line = lines[lineIndex]
                let section = registry.sectionHeading(before: lineIndex)?.line
                if section != nil, let block = registry.agreementBlocks.last(where: { $0.line < lineIndex && $0.section == section }) {
                    if registry.projects[index].agreement == nil { registry.projects[index].agreement = "agreement:\(block.agreement)" }
                    participants += registry.agreements[block.agreement].parties
                }
                if partiesOfLine[lineIndex] == nil { partiesOfLine[lineIndex] = registry.parties(in: line, outsideParentheses: false) }
                participants += partiesOfLine[lineIndex] ?? []
            }
            if registry.projects[index].agreement == nil, registry.agreements.count == 1, registry.agreementBlocks.isEmpty {
                registry.projects[index].agreement = "agreement:0"
                participants += registry.agreements[0].parties
            }
            if participants.isEmpty { participants = actors }
            registry.projects[index].participants = participants.uniqued()
        }
    }

    static let actorLabels = ["取組主体", "実施主体", "事業主体"].map { Array($0.unicodeScalars) }
    /// How many lines naming an initiative are read for its participants: the first ones
    /// say who runs it; a name repeated all over a long page adds nothing after them.
    static let linesRead = 12

    /// `ふらっとExercise(エクササイズ)` → name ふらっとExercise, aliases the whole and the reading;
    /// `…事業` made from 「…」事業 keeps the quoted part as an alias.
    static func splitReading(_ written: String) -> (String, [String]) {
        if written.hasSuffix(")"), let open = written.lastIndex(of: "("), open > written.startIndex {
            let name = String(written[..<open])
            let reading = String(written[written.index(after: open)..<written.index(before: written.endIndex)])
            if !name.isEmpty, !reading.isEmpty, !reading.unicodeScalars.contains(where: TextClasses.isKanji) {
                return (name, [written, reading])
            }
        }
        if written.hasSuffix("事業"), written.count > 2 {
            return (written, [String(written.dropLast(2))])
        }
        return (written, [])
    }

    static func names(in line: [Unicode.Scalar]) -> [String] {
        var result: [String] = []

        // Quoted names.
        var index = line.contains("「") ? 0 : line.count
        while index < line.count {
            if line[index] == "「", let close = line[index...].firstIndex(of: "」") {
                let inner = String(line[(index + 1)..<close])
                let after = String(line[(close + 1)...].prefix(10))
                let headingEnd = line[(close + 1)...].allSatisfy(\.isWhitespace) && line.count <= 40
                let sentenceEnd = line[close...].firstIndex(of: "。") ?? line.count
                let describedAsRun = after.hasPrefix("は") && runningVerbs.contains { String(line[close..<sentenceEnd]).contains($0) }
                let isBody = !BodyRecognizer().candidates(in: Array(inner.unicodeScalars)).filter { $0.range == 0..<inner.unicodeScalars.count }.isEmpty
                if inner.count >= 2, inner.count <= 40, !isBody, !inner.hasSuffix("協定"),
                   endings.contains(where: inner.hasSuffix) || runningContexts.contains(where: after.hasPrefix) || headingEnd || describedAsRun {
                    result.append(inner)
                } else if after.hasPrefix("事業"), inner.count >= 2 {
                    result.append(inner + "事業")   // 「生涯活躍のまち」事業
                }
                index = close + 1
            } else {
                index += 1
            }
        }
        // Written names with such an ending: back over name characters and single spaces
        // between Latin words. Short ones (各種セミナー, 創業スクール) name a kind, not one initiative.
        for position in line.indices where endingStarts.contains(line[position]) {
            for (ending, endingCharacters) in unquotedEndingCharacters where BodyRecognizer.matches(line, endingCharacters, at: position) {
                let end = position + endingCharacters.count
                if end < line.count, TextClasses.isKanji(line[end]) || TextClasses.isKatakana(line[end]) { continue }
                var start = position
                while start > 0 {
                    let character = line[start - 1]
                    if TextClasses.isNameCharacter(character), character != "・" {
                        start -= 1
                    } else if character == " ", start >= 2, TextClasses.isLatinOrDigit(line[start - 2]) {
                        start -= 1
                    } else {
                        break
                    }
                }
                let name = String(line[start..<end])
                let generic = ["関連", "別", "各種", "向け", "その他"]
                // A bare 事業 names one initiative only with a proper name in it (HPVセルフチェック事業),
                // and not a year's programme (令和4年度事業).
                if ending == "事業", !name.unicodeScalars.contains(where: { TextClasses.isKatakana($0) || TextClasses.isLatin($0) }) || name.count < 8 { continue }
                let shortest = ending == "まつり" || ending == "祭り" ? 5 : 7
                if name.count >= max(shortest, ending.count + 2), !generic.contains(where: name.contains),
                   !["本", "同", "等"].contains(where: name.hasPrefix),
                   !result.contains(where: { $0.hasSuffix(name) || name.hasSuffix($0) }) {
                    result.append(name)
                }
            }
        }
        return result
    }
}
