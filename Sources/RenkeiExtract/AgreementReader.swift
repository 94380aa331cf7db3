internal import RenkeiCore

/// Agreements (協定) and their parties, dates and topics.
///
/// Two shapes are read:
/// - labelled blocks: a `協定名` line, the name on the next line, `締結日` and its date,
///   `協定内容` and the listed topics; the parties are the page's city and the bodies of the
///   numbered heading the block stands under (「1.多摩信用金庫」);
/// - sentences that sign a quoted agreement: 「AとBは…「…協定」を締結しました」; the
///   parties are the bodies and cities of that sentence outside parentheses, the date the
///   one the sentence gives.
struct AgreementReader {
    let lines: [[Unicode.Scalar]]
    let pageCity: String?

    static let labels = ["協定名", "締結日", "協定内容", "連携事項", "協定の内容"]
    static let signingWords = ["締結", "調印", "結び", "結ん"]

    func read(into registry: inout EntityRegistry) {
        readBlocks(into: &registry)
        readSentences(into: &registry)
    }

    private func readBlocks(into registry: inout EntityRegistry) {
        var index = 0
        while index < lines.count {
            // Most lines have no 協 at all: decide that on scalars before making a string.
            guard lines[index].contains("協") else {
                index += 1
                continue
            }
            let line = Self.trimmed(lines[index])
            guard line == "協定名" || line.hasPrefix("協定名:") || line.hasPrefix("協定名：") else {
                index += 1
                continue
            }
            let name = line.count > 3 ? String(line.dropFirst(4)) : nextText(after: index).map(Self.clean) ?? ""
            guard !name.isEmpty else {
                index += 1
                continue
            }
            var agreement = ExtractedEntity(id: "", kind: .agreement, name: Self.clean(name))
            let section = registry.sectionHeading(before: index)
            agreement.parties = ([pageCity].compactMap { $0 } + (section?.bodies ?? [])).uniqued()
            var probe = index + 1
            var evidenceEnd = index + 1
            while probe < lines.count, probe < index + 40 {
                let label = Self.trimmed(lines[probe])
                if label == "協定名" { break }
                if label.hasPrefix("締結日"), agreement.signed == nil {
                    let rest = String(label.dropFirst(3)) + " " + (nextText(after: probe) ?? "")
                    agreement.signed = Self.firstDate(in: rest)
                    evidenceEnd = min(lines.count - 1, probe + 1 + lines[(probe + 1)...].prefix { Self.trimmed($0).isEmpty }.count)
                } else if label == "協定内容" || label == "連携事項" || label == "協定の内容" {
                    agreement.topics = listItems(after: probe)
                }
                probe += 1
            }
            registry.agreementBlocks.append((line: index, section: section?.line, agreement: registry.agreements.count))
            // The block from its 協定名 label to the signing date is the evidence.
            agreement.evidenceText = lines[index...min(lines.count - 1, max(index, evidenceEnd))].map { String($0) }.joined(separator: "\n")
            registry.agreements.append(agreement)
            index = probe
        }
    }

    private func readSentences(into registry: inout EntityRegistry) {
        for line in lines where Self.containsAgreementWord(line) {
            let text = String(line)
            for sentence in Self.sentences(of: line) {
                let sentenceText = String(line[sentence])
                guard Self.signingWords.contains(where: sentenceText.contains) else { continue }
                for quoted in Self.quotedAgreements(in: line, within: sentence) {
                    let name = Self.clean(quoted)
                    let signed = Self.firstDate(in: sentenceText)
                    if let existing = registry.agreements.firstIndex(where: { $0.name == name }) {
                        // A later sentence about the same agreement may give its date.
                        if registry.agreements[existing].signed == nil { registry.agreements[existing].signed = signed }
                        continue
                    }
                    var agreement = ExtractedEntity(id: "", kind: .agreement, name: name)
                    agreement.parties = registry.parties(in: line, range: sentence)
                    agreement.signed = signed
                    agreement.evidenceText = sentenceText
                    registry.agreements.append(agreement)
                }
            }
            _ = text
        }
        fillDatesFromSigningSentences(into: &registry)
    }

    /// An agreement whose own sentences give no date takes the one of a sentence that signs
    /// 「…協定」 without naming it (「10 月 1 日に協定を締結する運びとなりました」), when the page
    /// has exactly one agreement. A month and day without a year take the page's latest year,
    /// when the page writes one (「2017 祝！磯子区制90周年」); otherwise the date stays unknown.
    private func fillDatesFromSigningSentences(into registry: inout EntityRegistry) {
        guard registry.agreements.count == 1, registry.agreements[0].signed == nil else { return }
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
                guard signingDate == nil, sentenceText.contains("協定"), Self.signingWords.contains(where: sentenceText.contains) else { continue }
                signingDate = DateScanner.scan(sentenceText).first { found in
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

    private func nextText(after index: Int) -> String? {
        var probe = index + 1
        while probe < lines.count {
            let line = Self.trimmed(lines[probe])
            if !line.isEmpty { return line }
            probe += 1
        }
        return nil
    }

    /// The list items after a label: bulleted or numbered lines, up to the first line that is neither.
    private func listItems(after index: Int) -> [String] {
        var items: [String] = []
        var probe = index + 1
        while probe < lines.count {
            let line = Self.trimmed(lines[probe])
            if line.isEmpty {
                if !items.isEmpty { break }
                probe += 1
                continue
            }
            guard let item = Self.listItem(line) else { break }
            items.append(item)
            probe += 1
        }
        return items
    }

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

    /// 「…協定」 in the sentence.
    static func quotedAgreements(in line: [Unicode.Scalar], within range: Range<Int>) -> [String] {
        var result: [String] = []
        var index = range.lowerBound
        while index < range.upperBound {
            if line[index] == "「", let close = line[index..<range.upperBound].firstIndex(of: "」") {
                let inner = String(line[(index + 1)..<close])
                if inner.hasSuffix("協定"), inner.count >= 5 { result.append(inner) }
                index = close + 1
            } else {
                index += 1
            }
        }
        return result
    }

    static func sentences(of line: [Unicode.Scalar]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        for (index, character) in line.enumerated() where character == "。" {
            result.append(start..<(index + 1))
            start = index + 1
        }
        if start < line.count { result.append(start..<line.count) }
        return result
    }

    /// Whether 協定 occurs in the line: a cheap test before the sentence-level reading.
    static func containsAgreementWord(_ line: [Unicode.Scalar]) -> Bool {
        line.indices.dropLast().contains { line[$0] == "協" && line[$0 + 1] == "定" }
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
               after != ",", before != ",", let year = Int(String(digits)), (1900...2099).contains(year) {
                years.append(year)
                index += 4
            } else {
                index += 1
            }
        }
        return years
    }

    static func firstDate(in text: String) -> String? {
        for found in DateScanner.scan(text) {
            if case .date(let date) = found.kind, date.month != nil { return date.iso }
        }
        return nil
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
