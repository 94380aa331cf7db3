internal import Foundation
internal import RenkeiCore

/// What a page says about itself, for the readers of agreements and projects: who speaks
/// (the publisher: the city whose page it is, or the company, bank or university that calls
/// itself 当社 / 当行 / 本学), and what words that point back at a body stand for (市, 同社, 両者).
///
/// | Text                                                   | Read as                                   |
/// |--------------------------------------------------------|-------------------------------------------|
/// | `ひまわり生命保険株式会社（…、以下「弊社」）は`          | publisher ひまわり生命保険株式会社          |
/// | `本学（あずみの短期大学）は`                             | publisher あずみの短期大学                  |
/// | `当社は、…` and no name of the company on the page     | no publisher: the author is not annotated |
/// | `市と同社が共同で`                                       | the page's city and the last company named |
final class PageContext {
    let lines: [[Unicode.Scalar]]
    private let title: [Unicode.Scalar]
    private let tableLines: [[Unicode.Scalar]]
    private let registry: EntityRegistry
    private let pageCity: String?
    /// Every named body, city and prefecture of each line with its position (outside parentheses).
    let mentions: MentionLines
    /// Every named body of each line, parentheses included, for words such as 同社.
    private let allMentions: MentionLines

    /// The key of the body or city the page speaks for, if the page names it.
    var publisher: String? { speaker.publisher }
    /// The page's author writes itself only as 当社, 県 and the like: nobody to add as a party.
    var publisherUnnamed: Bool { speaker.unnamed }

    /// Decided on first use: most pages report no agreement, and reading who speaks costs a
    /// pass over every line.
    private lazy var speaker: (publisher: String?, unnamed: Bool) = {
        // One text of the lines that can hold Japanese, searched byte-wise (String.contains goes
        // through Foundation's locale-aware search, which cost more than the rest of extraction).
        let text = lines.lazy.filter { $0.contains(where: { !$0.isASCII }) }.map { String($0) }.joined(separator: "\n")
        if Self.selfWords.contains(where: { ByteSearch.contains($0, in: text) }) {
            let author = Self.namedAuthor(lines: lines, title: title, registry: registry)
            return (author, author == nil)
        }
        if let pageCity, isPublisher(pageCity, text: text) { return (pageCity, false) }
        return (nil, text.hasPrefix("県は") || ByteSearch.contains("\n県は", in: text) || ByteSearch.contains("、県は", in: text))
    }()

    /// The mentions of each line, read when a reader first asks for that line.
    final class MentionLines {
        private let read: (Int) -> [(position: Int, key: String)]
        private var cache: [Int: [(position: Int, key: String)]] = [:]

        init(_ read: @escaping (Int) -> [(position: Int, key: String)]) {
            self.read = read
        }

        subscript(index: Int) -> [(position: Int, key: String)] {
            if let found = cache[index] { return found }
            let found = read(index)
            cache[index] = found
            return found
        }
    }

    /// Words an author uses for itself.
    static let selfWords = ["当社", "弊社", "当行", "弊行", "当金庫", "当組合", "本学", "本校", "当法人", "当機構", "当協会", "当財団"]
    /// Words a municipality uses for itself.
    static let cityWords = ["本市", "本町", "本村", "当市", "当町", "当村", "本区"]
    /// 同社 and the like: the last body of these kinds named before.
    static let sameWords: [(word: String, kinds: [EntityKind])] = [
        ("同社", [.company]), ("同行", [.company]), ("同金庫", [.company]), ("同大学", [.university]), ("同校", [.university, .organization]),
        ("同法人", [.organization]), ("同組合", [.organization]), ("同協会", [.organization]), ("同市", [.city]), ("同町", [.city]),
    ]
    /// Words for all the parties of the agreement being described.
    static let collectiveWords = ["両者", "三者", "四者", "五者", "六者", "両市町村", "両市町", "両町村", "両市村", "両町", "両市", "両村", "両社", "両大学"]

    /// `tableLines` are the cells of the page's records: they count for who publishes it.
    init(lines: [[Unicode.Scalar]], title: [Unicode.Scalar], tableLines: [[Unicode.Scalar]] = [], registry: EntityRegistry, pageCity: String?) {
        self.lines = lines
        self.title = title
        self.tableLines = tableLines
        self.registry = registry
        self.pageCity = pageCity
        var aliases: [(name: [Unicode.Scalar], key: String)]?
        let all = MentionLines { index in
            let line = lines[index]
            guard line.contains(where: { !$0.isASCII }) else { return [] }
            if aliases == nil { aliases = registry.writtenForms() }
            return Self.withAliases(registry.partyMentions(in: line, outsideParentheses: false), in: line, aliases: aliases ?? [])
        }
        allMentions = all
        mentions = MentionLines { index in
            let line = lines[index]
            let found = all[index]
            guard line.contains("(") || line.contains("（") else { return found }
            let depth = EntityRegistry.parenthesisDepth(line)
            return found.filter { depth[$0.position] == 0 }
        }
    }

    /// The mentions of a line with the places where a body is written by another of its names
    /// (大塚製薬 for 大塚製薬株式会社, JA手取川みなみ): the recognisers find only names with a form.
    private static func withAliases(
        _ found: [(position: Int, key: String)], in line: [Unicode.Scalar], aliases: [(name: [Unicode.Scalar], key: String)]
    ) -> [(position: Int, key: String)] {
        guard !aliases.isEmpty, line.contains(where: { !$0.isASCII }) else { return found }
        var result = found
        var covered = found.map(\.position)
        for (name, key) in aliases {
            var index = 0
            while index + name.count <= line.count {
                if line[index] == name[0], BodyRecognizer.matches(line, name, at: index), !covered.contains(where: { abs($0 - index) < name.count }) {
                    result.append((index, key))
                    covered.append(index)
                    index += name.count
                } else {
                    index += 1
                }
            }
        }
        return result.sorted { $0.position < $1.position }
    }

    /// The body an author's self-reference is bound to: `X（…以下「当社」）`, `本学（X）`, or a
    /// body named in the title or the page's first lines when the page refers to itself.
    private static func namedAuthor(lines: [[Unicode.Scalar]], title: [Unicode.Scalar], registry: EntityRegistry) -> String? {
        for line in lines where line.contains("(") || line.contains("（") {
            let text = String(line)
            // Byte search first: Foundation's `contains` and `range(of:)` are locale-aware and
            // cost seconds on a long PDF whose every line has a parenthesis.
            for word in selfWords where ByteSearch.contains(word, in: text) {
                if ByteSearch.contains("以下「\(word)」", in: text) || ByteSearch.contains("以下、「\(word)」", in: text) {
                    // The body whose parenthesis holds the words.
                    let open = line.firstIndex { $0 == "(" || $0 == "（" } ?? 0
                    if let body = registry.partyMentions(in: line, range: 0..<open).last(where: { registry.kind(of: $0.key).map(isBody) ?? false }) {
                        return body.key
                    }
                }
                if let range = text.range(of: word + "（") ?? text.range(of: word + "(") {
                    let start = text.unicodeScalars.distance(
                        from: text.unicodeScalars.startIndex,
                        to: range.upperBound.samePosition(in: text.unicodeScalars) ?? text.unicodeScalars.endIndex)
                    let close = line[start...].firstIndex { $0 == ")" || $0 == "）" } ?? line.count
                    if let body = registry.partyMentions(in: line, range: start..<close, outsideParentheses: false).last(where: {
                        registry.kind(of: $0.key).map(isBody) ?? false
                    }) {
                        return body.key
                    }
                }
            }
        }
        let head = [title] + lines.filter { !$0.allSatisfy(\.isWhitespace) }.prefix(4)
        for line in head {
            if let body = registry.partyMentions(in: line, outsideParentheses: false).first(where: { registry.kind(of: $0.key).map(isBody) ?? false }
            ),
                String(line).count <= 60 || line == title
            {
                return body.key
            }
        }
        return nil
    }

    private static func isBody(_ kind: EntityKind) -> Bool {
        kind == .company || kind == .university || kind == .organization
    }

    /// The page's most named city speaks for the page when the title names it or it is named
    /// more than once or is the only city named (a prefecture's page naming two cities once each is not theirs).
    private func isPublisher(_ city: String, text: String) -> Bool {
        let names = registry.names(of: city)
        let titleText = String(title)
        if names.contains(where: { ByteSearch.contains($0, in: titleText) }) { return true }
        let tableText = tableLines.map { String($0) }.joined(separator: "\n")
        let count = names.reduce(0) { $0 + ByteSearch.occurrences(of: $1, in: text).count + ByteSearch.occurrences(of: $1, in: tableText).count }
        return count >= 2 || registry.cityKeys() == [city]
    }

    // MARK: Parties of a clause

    /// The parties written in `line[range]`: named bodies and cities, the publisher for 市 / 当社,
    /// the body 同社 points at; `collective` is true when 両者 / 三者 stand for a whole set.
    func parties(line index: Int, range: Range<Int>, registry: EntityRegistry) -> (keys: [String], collective: Bool) {
        let line = lines[index]
        var found: [(Int, String)] = mentions[index].filter { range.contains($0.position) }.map { ($0.position, $0.key) }
        var collective = false
        let depth = EntityRegistry.parenthesisDepth(line)
        var position = range.lowerBound
        while position < range.upperBound {
            defer { position += 1 }
            guard depth[position] == 0 else { continue }
            let c = line[position]
            if ("0"..."9").contains(c), position == range.lowerBound || !("0"..."9").contains(line[position - 1]),
                Self.isCountedSet(line, at: position)
            {
                collective = true // 3法人, 5市町, 4者
                continue
            }
            guard "当弊本市町村県同両三四五六大".unicodeScalars.contains(c) else { continue }
            if Self.selfWords.contains(where: { BodyRecognizer.matches(line, $0, at: position) }) {
                if let publisher { found.append((position, publisher)) }
            } else if Self.cityWords.contains(where: { BodyRecognizer.matches(line, $0, at: position) }) || isBareMunicipality(line, at: position) {
                if let publisher, registry.kind(of: publisher) == .city { found.append((position, publisher)) }
            } else if let same = Self.sameWords.first(where: { BodyRecognizer.matches(line, $0.word, at: position) }),
                let key = lastBody(before: (index, position), kinds: same.kinds, registry: registry)
            {
                found.append((position, key))
            } else if isBareUniversity(line, at: position), let key = lastBody(before: (index, position), kinds: [.university], registry: registry) {
                found.append((position, key)) // 市と大学が共同で
            } else if Self.collectiveWords.contains(where: { BodyRecognizer.matches(line, $0, at: position) }) {
                collective = true
            }
        }
        var seen: Set<String> = []
        return (found.sorted { $0.0 < $1.0 }.map(\.1).filter { seen.insert($0).inserted }, collective)
    }

    /// 市 / 町 / 村 written on its own as a subject or partner: 「市と同社は」, 「、市は」.
    private func isBareMunicipality(_ line: [Unicode.Scalar], at position: Int) -> Bool {
        guard "市町村".unicodeScalars.contains(line[position]) else { return false }
        let before: Unicode.Scalar = position > 0 ? line[position - 1] : " "
        guard !TextClasses.isKanji(before), !TextClasses.isKatakana(before), !TextClasses.isLatinOrDigit(before) else { return false }
        guard position + 1 < line.count else { return false }
        return "とはがや、".unicodeScalars.contains(line[position + 1]) || BodyRecognizer.matches(line, "及び", at: position + 1)
    }

    /// A number of parties: 3法人, 5市町, 4者 (digits, then the word for what they are).
    private static func isCountedSet(_ line: [Unicode.Scalar], at position: Int) -> Bool {
        var end = position
        while end < line.count, ("0"..."9").contains(line[end]) { end += 1 }
        guard end - position <= 2 else { return false }
        return ["者", "法人", "市町村", "市町", "町村", "団体", "社"].contains { BodyRecognizer.matches(line, $0, at: end) }
            && !(end + 1 < line.count && TextClasses.isKanji(line[end + 1]) && BodyRecognizer.matches(line, "者", at: end))
    }

    /// 大学 written on its own: 「町と大学が」, not 東京農業大学 or 大学生.
    private func isBareUniversity(_ line: [Unicode.Scalar], at position: Int) -> Bool {
        guard BodyRecognizer.matches(line, "大学", at: position) else { return false }
        let before: Unicode.Scalar = position > 0 ? line[position - 1] : " "
        let after: Unicode.Scalar = position + 2 < line.count ? line[position + 2] : " "
        // After や (企業や大学と) it is a kind of partner, not the one in question.
        return !TextClasses.isNameCharacter(before) && !TextClasses.isHiragana(before) || before == "と"
            ? "とがはや、".unicodeScalars.contains(after) : false
    }

    /// The last body of these kinds named before a position.
    private func lastBody(before point: (line: Int, position: Int), kinds: [EntityKind], registry: EntityRegistry) -> String? {
        var line = point.line
        while line >= 0 {
            let candidates = allMentions[line].filter { line < point.line || $0.position < point.position }
            if let found = candidates.last(where: { kinds.contains(registry.kind(of: $0.key) ?? .project) && $0.key != publisher }) {
                return found.key
            }
            line -= 1
        }
        return nil
    }
}
