internal import Foundation
internal import RenkeiCore

/// Named initiatives written in running text: 「…」 names of events, schools and programmes,
/// and names that end in プロジェクト (TOYODA BEERプロジェクト).
struct NamedProjectReader {
    let context: PageContext
    var lines: [[Unicode.Scalar]] { context.lines }
    /// The lines as one text, joined by line ends (what they were split from).
    let text: String

    /// Endings that make a quoted or written name an initiative.
    static let endings = ["プロジェクト", "まつり", "祭り", "フェスタ", "フェスティバル", "スクール", "セミナー", "塾", "ラボ", "実証事業", "大会", "ワークショップ"]
    static let unquotedEndings = ["プロジェクト", "スクール", "セミナー", "塾", "ラボ", "実証事業", "まつり", "祭り", "事業", "マルシェ", "インターンシップ"]
    /// Verbs that run an initiative, written after its quoted name in the same clause:
    /// 「X」を、町と大学が共同で8月から実施します.
    static let activityVerbs = ["開催", "実施", "開講", "展開", "運営", "開始", "始め", "企画", "構築", "行い", "行う", "行いま", "開き", "開く", "進め", "運行", "開設"]
    /// Quoted names that are not initiatives even with such a verb: plans, desks, products.
    static let notInitiatives = ["計画", "ビジョン", "戦略", "方針", "指針", "条例", "制度", "窓口", "ローン", "カード", "プラン", "ポイント", "一覧", "協定", "協約", "覚書"]
    static let unquotedEndingCharacters = unquotedEndings.map { ($0, Array($0.unicodeScalars)) }
    static let endingStarts = ScalarSet(unquotedEndings.map { $0.unicodeScalars.first! })
    /// What follows a quoted name when the text runs it as an initiative.
    static let runningContexts = ["と題した", "を連携して実施", "を開催", "の開催", "を実施", "を企画", "への協力", "を運営"]
    /// Verbs that, in the sentence describing 「X」は…, make X a jointly run initiative or platform.
    static let runningVerbs = ["運営され", "運営して", "開催され", "実施され"]

    /// An initiative listed in an agreement's section (under its 主な取り組み) falls under that
    /// agreement, and its participants are the agreement's parties.
    func read(into registry: inout EntityRegistry) {
        let first = registry.projects.count // the projects of tables come with their participants
        for line in lines {
            for written in Self.names(in: line) {
                let (name, aliases) = Self.splitReading(written)
                if let existing = registry.projects.firstIndex(where: { $0.allNames.contains(name) || $0.allNames.contains(written) }) {
                    for alias in aliases where !registry.projects[existing].allNames.contains(alias) {
                        registry.projects[existing].aliases.append(alias)
                    }
                    continue
                }
                // 日野市次世代リーダー塾「日野塾」: the quoted short name is an alias of the one before it.
                if line.contains("「"),
                    let longer = registry.projects.lastIndex(where: { ByteSearch.contains($0.name + "「" + written + "」", in: String(line)) })
                {
                    registry.projects[longer].aliases.append(written)
                    continue
                }
                var project = ExtractedEntity(id: "", kind: .project, name: name)
                project.aliases = aliases
                project.evidenceText = String(line)
                registry.projects.append(project)
            }
        }
        assignParticipants(&registry, from: first)
    }

    /// Participants of each initiative, from the sentences that name it (the first lines that
    /// do): the bodies the sentence names outside the initiative's own name, the publisher for
    /// 市 / 当社, the body 同社 points at, and the agreement's parties for 三者 / 両者; then the
    /// parties of the agreement whose section the line stands in (1.イオン株式会社 … 主な取り組み).
    /// An initiative nobody is named for falls to the page's one agreement, or to the body a
    /// label names (取組主体: …).
    private func assignParticipants(_ registry: inout EntityRegistry, from first: Int) {
        guard first < registry.projects.count else { return }
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
        let actors =
            lines.first { line in Self.actorLabels.contains { line.starts(with: $0) } }
            .map { registry.parties(in: $0, outsideParentheses: false) } ?? []
        let main = registry.agreements.first
        for index in registry.projects.indices[first...] {
            var participants: [String] = []
            var agreement: Int?
            let names = registry.projects[index].allNames
            for lineIndex in linesNaming(names).prefix(Self.linesRead) {
                let line = lines[lineIndex]
                let section = registry.sectionHeading(before: lineIndex)?.line
                if section != nil, let block = registry.agreementBlocks.last(where: { $0.line < lineIndex && $0.section == section }) {
                    agreement = agreement ?? block.agreement
                    participants += registry.agreements[block.agreement].parties
                }
                for sentence in AgreementReader.sentences(of: line)
                where names.contains(where: { ByteSearch.contains($0, in: String(line[sentence])) }) {
                    for piece in Self.outsideQuotes(line, sentence) {
                        let (keys, collective) = context.parties(line: lineIndex, range: piece, registry: registry)
                        participants += keys
                        // 三者 / 3法人: the parties of the page's main signing, every separate
                        // agreement of it included (one per counterpart, same name and date).
                        if collective, let main {
                            for agreement in registry.agreements where agreement.name == main.name && agreement.signed == main.signed {
                                participants += agreement.parties
                            }
                        }
                    }
                }
            }
            participants = participants.uniqued()
            if agreement == nil, !registry.agreements.isEmpty {
                agreement = Self.agreement(for: participants, among: registry.agreements, publisher: context.publisher)
            }
            if participants.isEmpty, let agreement { participants = registry.agreements[agreement].parties }
            if participants.isEmpty { participants = actors }
            registry.projects[index].participants = participants
            registry.projects[index].agreement = agreement.map { "agreement:\($0)" }
        }
    }

    /// The agreement an initiative falls under: the one page agreement, else the one whose
    /// counterparts take part in it, else the page's first when none does; none when several do
    /// (an initiative shared by separately signed agreements).
    static func agreement(for participants: [String], among agreements: [ExtractedEntity], publisher: String?) -> Int? {
        if agreements.count == 1 { return 0 }
        let involved = agreements.indices.filter { index in
            agreements[index].parties.contains { $0 != publisher && participants.contains($0) }
        }
        if involved.count == 1 { return involved[0] }
        return involved.isEmpty ? 0 : nil
    }

    /// The parts of `line[range]` outside 「」: a body inside a quoted name is part of the name.
    static func outsideQuotes(_ line: [Unicode.Scalar], _ range: Range<Int>) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var start = range.lowerBound
        var depth = 0
        for index in range {
            if line[index] == "「" {
                if depth == 0, start < index { pieces.append(start..<index) }
                depth += 1
            } else if line[index] == "」", depth > 0 {
                depth -= 1
                if depth == 0 { start = index + 1 }
            }
        }
        if depth == 0, start < range.upperBound { pieces.append(start..<range.upperBound) }
        return pieces
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
                let isBody = !BodyRecognizer().candidates(in: Array(inner.unicodeScalars)).filter { $0.range == 0..<inner.unicodeScalars.count }
                    .isEmpty
                // The clause after the name, up to the next quoted name or the sentence's end.
                let clauseEnd = min(sentenceEnd, line[(close + 1)...].firstIndex(of: "「") ?? line.count)
                let clause = String(line[(close + 1)..<clauseEnd])
                // 「X」を開催, 「X」は…運営: the name is the verb's object or subject, not a venue (「X」では).
                let run =
                    activityVerbs.contains(where: { ByteSearch.contains($0, in: clause) }) && ["を", "は", "が", "、"].contains(where: clause.hasPrefix)
                    && !clause.hasPrefix("では")
                if inner.count >= 2, inner.count <= 40, !isBody, !notInitiatives.contains(where: { ByteSearch.contains($0, in: inner) }),
                    endings.contains(where: inner.hasSuffix) || runningContexts.contains(where: after.hasPrefix) || headingEnd || describedAsRun
                        || run
                {
                    result.append(inner)
                } else if after.hasPrefix("事業"), inner.count >= 2 {
                    result.append(inner + "事業") // 「生涯活躍のまち」事業
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
                if ending == "事業", !name.unicodeScalars.contains(where: { TextClasses.isKatakana($0) || TextClasses.isLatin($0) }) || name.count < 8 {
                    continue
                }
                let shortest = ending == "まつり" || ending == "祭り" ? 5 : 7
                if name.count >= max(shortest, ending.count + 2), !generic.contains(where: name.contains),
                    !["本", "同", "等"].contains(where: name.hasPrefix),
                    !result.contains(where: { $0.hasSuffix(name) || name.hasSuffix($0) })
                {
                    result.append(name)
                }
            }
        }
        return result
    }
}
