internal import RenkeiCore

/// Agreements reported by a sentence or headline that signs them: the bodies before the
/// designation are the parties, a date in the sentence is the signing date.
///
/// | Sentence                                                                 | Mentions                                  |
/// |--------------------------------------------------------------------------|-------------------------------------------|
/// | `A町とB株式会社は、令和6年5月10日付けで包括連携協定を締結しました`             | 包括連携協定: A町, B株式会社, 2024-05-10    |
/// | `株式会社Cと包括連携協定を締結しました` (on A町's page)                      | 包括連携協定: A町, 株式会社C               |
/// | `令和7年2月7日にD市と、同月10日にE町と、それぞれ包括連携協定を締結しました`    | two: D市 2025-02-07, E町 2025-02-10       |
/// | `F社と協定の締結に向けて協議を始めました`                                     | nothing: not signed                       |
struct SigningClauseReader {
    let context: PageContext

    static let signingWords = ["締結", "調印", "結び", "結ん", "取り交わ", "署名"]
    /// A sentence about an agreement not (yet) signed.
    static let unsignedWords = ["例目", "件目", "締結に向け", "向けた協議", "向けて協議", "協議を", "協議中", "協議が", "検討", "締結を目指", "締結するため", "締結時期", "締結の予定はありません"]

    func mentions(registry: EntityRegistry, pageDate: JapaneseDate?) -> [AgreementMention] {
        var result: [AgreementMention] = []
        let titled = Self.documentTitle(context.lines)
        for (index, line) in context.lines.enumerated() where AgreementReader.containsAgreementWord(line) {
            // A table cell is a clause of its own: a list's date cell (2024/6/21) does not date
            // the headline in the next cell.
            for sentence in AgreementReader.sentences(of: line).flatMap({ Self.cells(of: line, in: $0) }) {
                let text = String(line[sentence])
                guard Self.signingWords.contains(where: text.contains), !Self.unsignedWords.contains(where: text.contains) else { continue }
                var segmentStart = sentence.lowerBound
                var designations = AgreementDesignation.all(in: line).filter { sentence.contains($0.range.lowerBound) }
                // The text of a 協定書 signs 「この協定」: the title at its head names it.
                if designations.isEmpty, var title = titled,
                    let position = (sentence.lowerBound..<(sentence.upperBound - 1)).first(where: {
                        line[$0] == "協" && line[$0 + 1] == "定"
                    })
                {
                    title.range = position..<(position + 2)
                    designations = [title]
                }
                for designation in designations {
                    let before = segmentStart..<designation.range.lowerBound
                    segmentStart = designation.range.upperBound
                    result += mentions(
                        of: designation, line: index, before: before, sentence: sentence, registry: registry, pageDate: pageDate, previous: result)
                }
            }
        }
        return result
    }

    static func cells(of line: [Unicode.Scalar], in range: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = range.lowerBound
        for index in range where line[index] == "\t" {
            if start < index { result.append(start..<index) }
            start = index + 1
        }
        if start < range.upperBound { result.append(start..<range.upperBound) }
        return result
    }

    /// A page that is the text of an agreement: its first line is the title (…に関する協定書).
    static func documentTitle(_ lines: [[Unicode.Scalar]]) -> AgreementDesignation? {
        guard let first = lines.first(where: { !$0.allSatisfy(\.isWhitespace) }) else { return nil }
        let text = AgreementReader.trimmed(first)
        guard text.hasSuffix("協定書") || text.hasSuffix("協定") || text.hasSuffix("協約"), !text.contains("。"),
            var designation = AgreementDesignation.bracketed(text, range: 0..<0)
        else { return nil }
        designation.bracketed = true
        return designation
    }

    private func mentions(
        of designation: AgreementDesignation, line index: Int, before: Range<Int>, sentence: Range<Int>,
        registry: EntityRegistry, pageDate: JapaneseDate?, previous: [AgreementMention]
    ) -> [AgreementMention] {
        let line = context.lines[index]
        let text = String(line[sentence])
        var (parties, collective) = context.parties(line: index, range: before, registry: registry)
        if designation.name.contains("との") {
            // 「A市とB株式会社との包括連携に関する協定」: the title names its parties.
            parties += context.parties(line: index, range: designation.range, registry: registry).keys.filter { !parties.contains($0) }
        }
        if collective, let last = previous.last {
            parties += last.parties.filter { !parties.contains($0) }
        }
        let sameDay = text.contains("同じ日") || text.contains("同日")
        let dates =
            Self.dates(in: line, range: sentence.lowerBound..<designation.range.lowerBound, pageDate: pageDate)
            + Self.dates(in: line, range: designation.range.upperBound..<sentence.upperBound, pageDate: pageDate)
        var signed = dates.first?.date
        if signed == nil, sameDay { signed = previous.last?.signed }
        let separately = text.contains("それぞれ") || text.contains("各々")
        var mention = AgreementMention(
            designation: designation, source: designation.bracketed ? .label : .clause, parties: parties,
            signed: signed, line: index, evidence: text, separately: separately)
        let counterparts = parties.filter { $0 != context.publisher }
        if let publisher = context.publisher, !parties.contains(publisher), counterparts.count == 1 || separately {
            mention.parties.insert(publisher, at: 0)
        }
        guard separately, counterparts.count >= 2 else { return [mention] }
        // One agreement per counterpart, each with the date written before it.
        let positions = context.mentions[index].filter { before.contains($0.position) }
        return counterparts.map { counterpart in
            var single = mention
            single.parties = [context.publisher].compactMap { $0 } + [counterpart]
            if let position = positions.first(where: { $0.key == counterpart })?.position,
                let date = dates.last(where: { $0.position < position })?.date ?? dates.first?.date
            {
                single.signed = date
            }
            return single
        }
    }

    /// Dates with their positions in `line[range]`: full dates, year-months and years; a month and
    /// day takes the year of the page's date; 同月N日 the year and month of the date before it.
    static func dates(in line: [Unicode.Scalar], range: Range<Int>, pageDate: JapaneseDate?) -> [(position: Int, date: JapaneseDate)] {
        guard !range.isEmpty else { return [] }
        let text = String(line[range])
        var result: [(position: Int, date: JapaneseDate)] = []
        for found in DateScanner.scan(text) {
            switch found.kind {
            case .date(let date):
                result.append((range.lowerBound + found.range.lowerBound, date))
            case .monthDay(let month, let day):
                guard let pageDate else { continue }
                let year = (month, day) > (pageDate.month ?? 12, pageDate.day ?? 31) ? pageDate.year - 1 : pageDate.year
                result.append((range.lowerBound + found.range.lowerBound, JapaneseDate(year: year, month: month, day: day)))
            case .fiscalYear:
                continue
            }
        }
        // 同月10日: the month of the date before.
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index + 3 < scalars.count {
            defer { index += 1 }
            guard scalars[index] == "同", scalars[index + 1] == "月" else { continue }
            var end = index + 2
            var day = 0
            while end < scalars.count, let digit = scalars[end].properties.numericType != nil ? Int(String(scalars[end])) : nil {
                day = day * 10 + digit
                end += 1
            }
            guard end < scalars.count, scalars[end] == "日", (1...31).contains(day),
                let earlier = result.last(where: { $0.position < range.lowerBound + index })?.date, let month = earlier.month
            else { continue }
            result.append((range.lowerBound + index, JapaneseDate(year: earlier.year, month: month, day: day)))
        }
        return result.sorted { $0.position < $1.position }
    }
}
