internal import Foundation
internal import RenkeiCore

/// Agreements written as labelled blocks, and lists of counterparts.
///
/// A block runs from a heading (■株式会社A, 1.B信用金庫, １　…に関する協定) or a 協定名 label to
/// the next one; its labels give the name (協定名 / 協定の名称 / 協定書の名称), the date (締結日 /
/// 締結年月日 / 日時), the parties (締結者 / 締結先 / 相手方) and the topics (連携事項 / 協定内容).
/// The bodies of the heading are parties, and so is the publisher unless 締結者 lists them all.
///
/// A list of counterparts (「当行の包括連携協定締結先」, 「■協定の締結先」) gives one agreement
/// per line: the publisher and the body of the line, with the line's date.
struct AgreementBlockReader {
    let context: PageContext

    static let nameLabels = ["協定書の名称", "協定の名称", "協約の名称", "協定名称", "協定名", "協約名"]
    static let dateLabels = ["締結年月日", "締結日時", "締結日", "調印日", "日時"]
    static let partyLabels = ["協定締結者", "協定締結先", "締結者", "締結先", "相手方", "締結相手"]
    static let topicLabels = [
        "協定内容", "連携事項", "協定の内容", "連携内容", "連携協力事項", "協定の主な内容", "連携・協力事項", "連携する事項",
        "協定書の主な内容", "連携する事務", "協定のおもな内容", "協力事項",
    ]

    private struct Block {
        var line: Int
        var headingParties: [String] = []
        var headingDesignation: AgreementDesignation?
        var name: (String, Int)?
        var signed: JapaneseDate?
        var dateFromLabel = false
        /// The line the date was read from: the block's evidence runs from its name to there.
        var dateLine: Int?
        var parties: [String]?
        var topics: [String] = []
    }

    func mentions(registry: EntityRegistry, pageDate: JapaneseDate?, templates: [AgreementMention]) -> [AgreementMention] {
        var blocks: [Block] = []
        var result: [AgreementMention] = []
        var index = 0
        let lines = context.lines
        while index < lines.count {
            defer { index += 1 }
            let raw = AgreementReader.trimmed(lines[index])
            guard !raw.isEmpty else { continue }
            let text = Self.withoutMarker(raw)
            if let (_, value) = Self.field(text, labels: Self.nameLabels) {
                let name = value.isEmpty ? nextText(after: index) : value
                guard let name, !name.isEmpty else { continue }
                if blocks.isEmpty || blocks[blocks.count - 1].name != nil { blocks.append(Block(line: index)) }
                blocks[blocks.count - 1].name = (AgreementReader.clean(name), index)
            } else if let (label, value) = Self.field(text, labels: Self.dateLabels) {
                guard !blocks.isEmpty, blocks[blocks.count - 1].signed == nil || (!blocks[blocks.count - 1].dateFromLabel && label != "日時") else {
                    continue
                }
                let next = value.isEmpty ? nextTextLine(after: index) : nil
                let dateText = value.isEmpty ? next.map { AgreementReader.trimmed(lines[$0]) } ?? "" : value
                if let date = SigningClauseReader.dates(
                    in: Array(dateText.unicodeScalars), range: 0..<dateText.unicodeScalars.count, pageDate: pageDate
                ).first?.date {
                    blocks[blocks.count - 1].signed = date
                    blocks[blocks.count - 1].dateLine = next ?? index
                    blocks[blocks.count - 1].dateFromLabel = label != "日時"
                }
            } else if let (_, value) = Self.field(text, labels: Self.partyLabels), !value.hasPrefix("の") {
                if value.isEmpty {
                    result += counterpartList(after: index, heading: raw, registry: registry, pageDate: pageDate, templates: templates)
                    continue
                }
                guard !blocks.isEmpty else { continue }
                let scalars = Array(value.unicodeScalars)
                var parties = registry.parties(in: scalars)
                for word in PageContext.selfWords where value.contains(word) { if let publisher = context.publisher { parties.append(publisher) } }
                blocks[blocks.count - 1].parties = parties.uniqued()
            } else if Self.topicLabels.contains(where: { text.hasPrefix($0) }), !blocks.isEmpty {
                blocks[blocks.count - 1].topics = listItems(after: index)
            } else if raw.contains("締結先") || raw.contains("相手方"), raw.count <= 40, !raw.contains("。") {
                result += counterpartList(after: index, heading: raw, registry: registry, pageDate: pageDate, templates: templates)
            } else if Self.isHeading(raw) {
                let heading = lines[index]
                let designation = AgreementDesignation.all(in: heading).first
                let parties = context.parties(line: index, range: 0..<heading.count, registry: registry).keys
                guard designation != nil || !parties.isEmpty else { continue }
                var block = Block(line: index)
                block.headingParties = parties
                block.headingDesignation = designation
                blocks.append(block)
            }
        }
        for block in blocks {
            guard
                let designation = block.name.map({ AgreementDesignation(name: $0.0, aliases: [], range: 0..<0, titled: true) })
                    ?? block.headingDesignation
            else { continue }
            var designationWithAliases = designation
            if let heading = block.headingDesignation, heading.name != designation.name { designationWithAliases.aliases.append(heading.name) }
            if designation.name.hasSuffix("協定書") { designationWithAliases.aliases.append(String(designation.name.dropLast())) }
            var parties = block.headingParties + (block.parties ?? [])
            if block.parties == nil, let publisher = context.publisher, !parties.contains(publisher) { parties.insert(publisher, at: 0) }
            var mention = AgreementMention(
                designation: designationWithAliases, source: block.name != nil ? .label : .clause, parties: parties.uniqued(),
                signed: block.signed, topics: block.topics, line: block.line,
                evidence: evidence(of: block))
            mention.completeParties = block.parties != nil
            if let (_, nameLine) = block.name, !block.headingParties.isEmpty {
                mention.section = block.line
                mention.line = nameLine
            }
            result.append(mention)
        }
        return result
    }

    /// One agreement per line of a list of counterparts under `heading`.
    private func counterpartList(after index: Int, heading: String, registry: EntityRegistry, pageDate: JapaneseDate?, templates: [AgreementMention])
        -> [AgreementMention]
    {
        // 「当行の包括連携協定締結先」: the compound written right before 締結先 names the agreements.
        var designation: AgreementDesignation?
        let headingScalars = Array(heading.unicodeScalars)
        for index in headingScalars.indices where BodyRecognizer.matches(headingScalars, "締結先", at: index) {
            var end = index
            if end > 0, headingScalars[end - 1] == "の" { end -= 1 }
            var start = end
            while start > 0, TextClasses.isKanji(headingScalars[start - 1]) || TextClasses.isKatakana(headingScalars[start - 1]) { start -= 1 }
            let name = String(headingScalars[start..<end])
            if name.count >= 4, AgreementDesignation.endings.contains(where: name.hasSuffix) {
                designation = AgreementDesignation(name: name, range: 0..<0, titled: false)
            }
        }
        let template = templates.last { $0.separately }
        guard let designation = designation ?? template?.designation else { return [] }
        var result: [AgreementMention] = []
        var probe = index + 1
        while probe < context.lines.count, probe <= index + 30 {
            let raw = AgreementReader.trimmed(context.lines[probe])
            if raw.isEmpty { if result.isEmpty { probe += 1; continue } else { break } }
            if raw.hasPrefix("■") || raw.hasPrefix("※") || raw.hasPrefix("◆") || raw.hasPrefix("【") { break }
            defer { probe += 1 }
            let parties = context.mentions[probe].map(\.key).filter { $0 != context.publisher }
            guard let counterpart = parties.first else { continue }
            let line = context.lines[probe]
            let date = SigningClauseReader.dates(in: line, range: 0..<line.count, pageDate: pageDate).first?.date ?? template?.signed
            var mention = AgreementMention(
                designation: designation, source: .clause, parties: [context.publisher].compactMap { $0 } + [counterpart],
                signed: date, line: probe, evidence: raw)
            mention.completeParties = true
            mention.separately = true
            result.append(mention)
        }
        return result
    }

    /// `label：value`, `label value` or `label` alone, for one of the labels.
    static func field(_ text: String, labels: [String]) -> (String, String)? {
        for label in labels where text.hasPrefix(label) {
            var rest = Substring(text.dropFirst(label.count))
            while let first = rest.first, first == ":" || first == "：" || first.isWhitespace || first == "|" { rest = rest.dropFirst() }
            return (label, String(rest))
        }
        return nil
    }

    /// A line without its list marker: `1．`, `(1)`, `①`, `■`, `・`, `1　`.
    static func withoutMarker(_ line: String) -> String {
        var text = Substring(line)
        if let first = text.unicodeScalars.first, "■□◆◇●○・•【".unicodeScalars.contains(first) { text = text.dropFirst() }
        if text.first == "(" || text.first == "（", let close = text.firstIndex(where: { $0 == ")" || $0 == "）" }),
            text[text.index(after: text.startIndex)..<close].allSatisfy(\.isNumber)
        {
            text = text[text.index(after: close)...]
        } else if let first = text.unicodeScalars.first?.value, (0x2460...0x2473).contains(first) {
            text = text.dropFirst()
        } else {
            let digits = text.prefix { $0.isNumber }
            if !digits.isEmpty, digits.count <= 2, let next = text.dropFirst(digits.count).first,
                next == "." || next == "．" || next.isWhitespace || next == "、"
            {
                text = text.dropFirst(digits.count + 1)
            }
        }
        return String(text).trimmingSpaces()
    }

    /// A heading that can open a block: ■…, ◆…, or a numbered line without a sentence.
    static func isHeading(_ line: String) -> Bool {
        guard line.count <= 80, !line.contains("。") else { return false }
        if let first = line.unicodeScalars.first, "■◆【".unicodeScalars.contains(first) { return true }
        let digits = line.prefix { $0.isNumber }
        guard !digits.isEmpty, digits.count <= 2, let next = line.dropFirst(digits.count).first else { return false }
        return next == "." || next == "．" || next.isWhitespace
    }

    /// The block from its name (or heading) to its date, as the page writes it.
    private func evidence(of block: Block) -> String {
        let start = block.name?.1 ?? block.line
        let end = max(start, min(context.lines.count - 1, block.dateLine ?? start))
        return context.lines[start...end].map { String($0) }.joined(separator: "\n")
    }

    private func nextTextLine(after index: Int) -> Int? {
        var probe = index + 1
        while probe < context.lines.count, probe <= index + 3 {
            if !AgreementReader.trimmed(context.lines[probe]).isEmpty { return probe }
            probe += 1
        }
        return nil
    }

    private func nextText(after index: Int) -> String? {
        var probe = index + 1
        while probe < context.lines.count, probe <= index + 3 {
            let line = AgreementReader.trimmed(context.lines[probe])
            if !line.isEmpty { return line }
            probe += 1
        }
        return nil
    }

    /// The list items after a label: bulleted or numbered lines, up to the first line that is neither.
    private func listItems(after index: Int) -> [String] {
        var items: [String] = []
        var probe = index + 1
        while probe < context.lines.count {
            let line = AgreementReader.trimmed(context.lines[probe])
            if line.isEmpty {
                if !items.isEmpty { break }
                probe += 1
                continue
            }
            guard let item = AgreementReader.listItem(line) else { break }
            items.append(item)
            probe += 1
        }
        return items
    }
}
