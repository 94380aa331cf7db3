internal import RenkeiCore

/// Agreements (協定) and their parties, dates and topics, from every shape a page writes them
/// in: signing sentences and headlines (`SigningClauseReader`), labelled blocks and lists of
/// counterparts (`AgreementBlockReader`), and tables (`AgreementTableReader`). Each reader
/// gives mentions; `AgreementCoreference` merges those of one agreement.
struct AgreementReader {
    let context: PageContext
    let records: [Record]
    var lines: [[Unicode.Scalar]] { context.lines }

    func read(into registry: inout EntityRegistry) {
        let pageDate = Self.pageDate(lines)
        let clauses = SigningClauseReader(context: context).mentions(registry: registry, pageDate: pageDate)
        let blocks = AgreementBlockReader(context: context).mentions(registry: registry, pageDate: pageDate, templates: clauses)
        let rows = AgreementTableReader(context: context).mentions(records: records, registry: &registry, pageDate: pageDate, templates: clauses)
        let mentions = (blocks + rows + clauses)
        let agreements = AgreementCoreference.merge(
            mentions.sorted { $0.line < $1.line }, publisher: context.publisher,
            publisherUnnamed: context.publisherUnnamed)
        for mention in agreements {
            var agreement = ExtractedEntity(id: "", kind: .agreement, name: mention.designation.name)
            agreement.aliases = mention.designation.aliases.filter { $0 != agreement.name }
            agreement.parties = mention.parties
            agreement.signed = mention.signed?.iso
            agreement.topics = mention.topics
            agreement.evidenceText = mention.evidence
            if let section = mention.section {
                registry.agreementBlocks.append((line: mention.line, section: section, agreement: registry.agreements.count))
            }
            registry.agreements.append(agreement)
        }
        fillDatesFromSigningSentences(into: &registry)
    }

    /// The page's own date (its release or update): the first full date among its first lines,
    /// for a month and day written without a year.
    static func pageDate(_ lines: [[Unicode.Scalar]]) -> JapaneseDate? {
        for line in lines.prefix(12) {
            for found in DateScanner.scan(String(line)) {
                if case .date(let date) = found.kind, date.day != nil { return date }
            }
        }
        return nil
    }

    /// An agreement whose own sentences give no date takes the one of a sentence that signs
    /// 「…協定」 without naming it (「10 月 1 日に協定を締結する運びとなりました」), when the page
    /// has exactly one agreement. A month and day without a year take the page's latest year,
    /// when the page writes one (「2017 祝！磯子区制90周年」); otherwise the date stays unknown.
    private func fillDatesFromSigningSentences(into registry: inout EntityRegistry) {
        guard registry.agreements.count == 1, registry.agreements[0].signed == nil else { return }
        // The text of a 協定書 is dated by a line of its own near its end.
        if SigningClauseReader.documentTitle(lines) != nil {
            for line in lines.reversed() {
                let text = Self.trimmed(line)
                if let found = DateScanner.scan(text).first, found.range == 0..<text.unicodeScalars.count, case .date(let date) = found.kind,
                    date.day != nil
                {
                    registry.agreements[0].signed = date.iso
                    return
                }
            }
        }
        var pageYears: [Int] = []
        var signingDate: DateScanner.Found.Kind?
        for line in lines {
            let text = String(line)
            for found in DateScanner.scan(text) {
                if case .date(let date) = found.kind { pageYears.append(date.year) }
            }
            pageYears += Self.standaloneYears(in: line)
            for sentence in Self.sentences(of: line) {
                let sentenceText = String(line[sentence])
                guard signingDate == nil, sentenceText.contains("協定"), SigningClauseReader.signingWords.contains(where: sentenceText.contains) else {
                    continue
                }
                signingDate =
                    DateScanner.scan(sentenceText).first { found in
                        switch found.kind {
                        case .date(let date): date.month != nil
                        case .monthDay: true
                        case .fiscalYear: false
                        }
                    }?.kind
            }
        }
        switch signingDate {
        case .date(let date):
            registry.agreements[0].signed = date.iso
        case .monthDay(let month, let day):
            if let year = pageYears.max() { registry.agreements[0].signed = JapaneseDate(year: year, month: month, day: day).iso }
        default:
            break
        }
    }

    // MARK: Pieces

    /// A list line without its bullet or number: `• 創業支援`, `(1) 子ども…`, `① …`, `1. …`.
    static func listItem(_ line: String) -> String? {
        var text = Substring(line)
        let bullets: Set<Unicode.Scalar> = ["•", "・", "-", "‐", "○", "◯", "●", "◆", "■", "□", "※"]
        if let first = text.unicodeScalars.first, bullets.contains(first) {
            text = text.dropFirst()
        } else if let close = text.firstIndex(of: ")"), text.first == "(", text[text.index(after: text.startIndex)..<close].allSatisfy(\.isNumber) {
            text = text[text.index(after: close)...]
        } else if let first = text.first?.unicodeScalars.first?.value, (0x2460...0x2473).contains(first) {
            text = text.dropFirst()
        } else {
            let digits = text.prefix { $0.isNumber }
            guard !digits.isEmpty, let next = text.dropFirst(digits.count).first, next == "." || next == "．" || next == " " else { return nil }
            text = text.dropFirst(digits.count + 1)
        }
        let item = String(text).trimmingSpaces()
        return item.isEmpty ? nil : item
    }

    static func sentences(of line: [Unicode.Scalar]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        var depth = 0
        // 。 inside parentheses (（以下「甲」という。）) does not end the sentence.
        for (index, character) in line.enumerated() {
            if character == "(" || character == "（" { depth += 1 }
            if character == ")" || character == "）" { depth = max(0, depth - 1) }
            guard character == "。", depth == 0 else { continue }
            result.append(start..<(index + 1))
            start = index + 1
        }
        if start < line.count { result.append(start..<line.count) }
        return result
    }

    /// Whether 協定 occurs in the line: a cheap test before the sentence-level reading.
    static func containsAgreementWord(_ line: [Unicode.Scalar]) -> Bool {
        line.indices.dropLast().contains { line[$0] == "協" && (line[$0 + 1] == "定" || line[$0 + 1] == "約") }
    }

    /// Four-digit years written on their own (「2017 祝！」), 1900–2099, not part of a longer number.
    static func standaloneYears(in line: [Unicode.Scalar]) -> [Int] {
        var years: [Int] = []
        var index = 0
        while index + 4 <= line.count {
            let digits = line[index..<(index + 4)]
            let before = index > 0 ? line[index - 1] : " "
            let after = index + 4 < line.count ? line[index + 4] : " "
            if digits.allSatisfy({ $0.isASCII && $0.isNumber }), !(before.isASCII && before.isNumber), !(after.isASCII && after.isNumber),
                after != ",", before != ",", let year = Int(String(digits)), (1900...2099).contains(year)
            {
                years.append(year)
                index += 4
            } else {
                index += 1
            }
        }
        return years
    }

    /// A name without quote brackets, list numbers and surrounding spaces.
    static func clean(_ name: String) -> String {
        var text = name.trimmingSpaces()
        if let item = listItem(text) { text = item }
        text = text.filter { $0 != "「" && $0 != "」" && $0 != "『" && $0 != "』" }
        return text.trimmingSpaces()
    }

    static func trimmed(_ line: [Unicode.Scalar]) -> String {
        String(line).trimmingSpaces()
    }
}

extension String {
    func trimmingSpaces() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
        return String(slice)
    }
}

extension Array where Element: Hashable {
    func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
