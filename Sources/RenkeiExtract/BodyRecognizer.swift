internal import RenkeiCore

/// Companies, universities and other organizations, found by their legal or institutional
/// form: 株式会社 before or after the name, (株), 信用金庫, 大学, NPO法人, 協議会 …
///
/// | Text                                         | Found                                  |
/// |----------------------------------------------|----------------------------------------|
/// | `日野市とイオン株式会社は`                   | company イオン株式会社 (core イオン)    |
/// | `株式会社富士通研究所、日野市社会福祉協議会` | company 株式会社富士通研究所, organization 日野市社会福祉協議会 |
/// | `国立大学法人電気通信大学`                   | university 電気通信大学 (alias with 法人) |
/// | `地域を支える協議会`                         | nothing: the 協議会 has no name          |
struct BodyRecognizer {
    struct Candidate: Hashable {
        var kind: EntityKind
        /// The name as written (for universities without the 法人 prefix).
        var name: String
        /// The name without legal-form designators: the key that joins spellings.
        var core: String
        /// Other forms: the prefixed university name.
        var aliases: [String] = []
        /// Character offsets in the line.
        var range: Range<Int>
    }

    /// Designators written before the name, and the kind they make.
    static let prefixForms: [(String, EntityKind)] = [
        ("特定非営利活動法人", .organization), ("NPO法人", .organization), ("一般社団法人", .organization),
        ("公益社団法人", .organization), ("一般財団法人", .organization), ("公益財団法人", .organization),
        ("社会福祉法人", .organization), ("国立大学法人", .university), ("公立大学法人", .university), ("学校法人", .university),
        ("株式会社", .company), ("有限会社", .company), ("合同会社", .company), ("合資会社", .company), ("(株)", .company), ("(有)", .company),
    ]

    /// Designators written after the name; `strict` ones must not run on into a longer word
    /// (大学生, 協議会員).
    static let suffixForms: [(suffix: String, kind: EntityKind, strict: Bool, partOfCore: Bool)] = [
        ("株式会社", .company, false, false), ("有限会社", .company, false, false), ("合同会社", .company, false, false),
        ("(株)", .company, false, false), ("(有)", .company, false, false),
        ("信用金庫", .company, false, true), ("信用組合", .company, false, true), ("銀行", .company, true, true),
        ("グループ", .company, true, true),
        ("大学", .university, true, true),
        ("社会福祉協議会", .organization, true, true), ("協議会", .organization, true, true),
        ("実行委員会", .organization, true, true), ("商工会議所", .organization, true, true), ("商工会", .organization, true, true),
        ("基金", .organization, true, true), ("事業会", .organization, true, true), ("研究会", .organization, true, true),
        ("検討会", .organization, true, true), ("協会", .organization, true, true), ("連合会", .organization, true, true),
        ("振興会", .organization, true, true), ("組合", .organization, true, true),
    ]

    /// What may follow 大学 inside a university's name.
    static let universityContinuations = ["総合研究所", "研究所", "大学院"]

    /// Words that are not names when they stand before a designator.
    static let genericCores: Set<String> = [
        "同", "本", "各", "当", "その他", "市", "区", "町", "村", "都", "県", "地域", "全国", "関係", "構成", "民間", "市内", "区内",
        "上記", "下記", "当該", "地元", "関連", "当社", "同社", "弊社", "グループ", "会員", "参加", "協力", "企業", "団体", "連携",
    ]

    /// Leading words that are not part of the name that follows them.
    static let leadingNoise = ["当社", "同社", "本市", "市内", "また", "なお", "及び", "並びに", "および"]

    /// The forms as characters, by their first character: the scan runs over every character
    /// of every page, so it compares in place and tries only forms that can start there.
    private static let prefixFormsByFirst: [Unicode.Scalar: [(form: [Unicode.Scalar], kind: EntityKind)]] =
        Dictionary(grouping: prefixForms.map { (Array($0.0.unicodeScalars), $0.1) }, by: { $0.0[0] })
    private static let suffixFormsByFirst: [Unicode.Scalar: [(suffix: [Unicode.Scalar], kind: EntityKind, strict: Bool, partOfCore: Bool)]] =
        Dictionary(grouping: suffixForms.map { (Array($0.suffix.unicodeScalars), $0.kind, $0.strict, $0.partOfCore) }, by: { $0.0[0] })

    /// First scalars of every form: most positions start none, and skip the lookups.
    private static let formStarts = ScalarSet(prefixForms.map { $0.0.unicodeScalars.first! } + suffixForms.map { $0.suffix.unicodeScalars.first! })

    func candidates(in line: [Unicode.Scalar]) -> [Candidate] {
        var found: [Candidate] = []
        let formStarts = Self.formStarts   // once: a static is looked up through swift_once at every use
        for start in line.indices where formStarts.contains(line[start]) {
            for (form, kind) in Self.prefixFormsByFirst[line[start]] ?? [] where Self.matches(line, form, at: start) {
                // After katakana or Latin letters, 株式会社 ends a name (ヘルシーフード株式会社).
                if start > 0, TextClasses.isKatakana(line[start - 1]) || TextClasses.isLatinOrDigit(line[start - 1]) { continue }
                let nameStart = start + form.count
                var end = nameStart
                while end < line.count, TextClasses.isNameCharacter(line[end]), line[end] != "・" || !Self.startsALegalForm(line, at: end + 1) { end += 1 }
                let core = String(line[nameStart..<end])
                guard Self.isName(core) else { continue }
                if kind == .university, core.hasSuffix("大学") || Self.universityContinuations.contains(where: core.hasSuffix) {
                    found.append(Candidate(kind: .university, name: core, core: core, aliases: [String(line[start..<end])], range: start..<end))
                } else if kind != .university {
                    found.append(Candidate(kind: kind, name: String(line[start..<end]), core: core, range: start..<end))
                }
            }
            for form in Self.suffixFormsByFirst[line[start]] ?? [] where Self.matches(line, form.suffix, at: start) {
                var end = start + form.suffix.count
                if form.kind == .university, let continuation = Self.universityContinuations.first(where: { Self.matches(line, $0, at: end) }) {
                    end += continuation.count
                }
                if form.strict, end < line.count, TextClasses.isKanji(line[end]) || TextClasses.isKatakana(line[end]) { continue }
                let nameStart = Self.nameStart(in: line, before: start)
                let head = String(line[nameStart..<start])
                guard Self.isName(head), !Self.prefixForms.contains(where: { head.hasPrefix($0.0) }) else { continue }
                let name = String(line[nameStart..<end])
                let core = form.partOfCore ? name : head
                found.append(Candidate(kind: form.kind, name: name, core: core, range: nameStart..<end))
            }
        }
        return Self.longestFirst(found)
    }

    /// Overlapping candidates: the longest wins (a prefix form over a suffix form of the same span).
    static func longestFirst(_ candidates: [Candidate]) -> [Candidate] {
        var kept: [Candidate] = []
        for candidate in candidates.sorted(by: { ($0.range.count, $1.range.lowerBound) > ($1.range.count, $0.range.lowerBound) }) {
            if !kept.contains(where: { $0.range.overlaps(candidate.range) }) { kept.append(candidate) }
        }
        return kept.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// Where the name before a designator starts: back over name characters; a run of
    /// hiragana belongs to it only after a particle or punctuation (日野市と|あいおいニッセイ…),
    /// never when it ends a verb (している|ヘルシー…).
    static func nameStart(in line: [Unicode.Scalar], before end: Int) -> Int {
        var index = end
        while index > 0 {
            let previous = line[index - 1]
            if previous == "・" || previous == "･", endsAName(line, before: index - 1) {
                break   // 日野市・KDDI株式会社, …株式会社・株式会社ヘルシーネットワーク: two names
            }
            if TextClasses.isNameCharacter(previous) {
                index -= 1
                continue
            }
            // Latin words separated by one space: Hatch Healthcare株式会社.
            if previous == " ", index >= 2, TextClasses.isLatinOrDigit(line[index - 2]), index < line.count, TextClasses.isLatinOrDigit(line[index]) {
                index -= 1
                continue
            }
            if TextClasses.isHiragana(previous), !TextClasses.particles.contains(previous) {
                var runStart = index - 1
                while runStart > 0, TextClasses.isHiragana(line[runStart - 1]), !TextClasses.particles.contains(line[runStart - 1]) { runStart -= 1 }
                let before = runStart > 0 ? line[runStart - 1] : " "
                let atBoundary = TextClasses.particles.contains(before) || !(TextClasses.isNameCharacter(before) || TextClasses.isHiragana(before))
                // Only a kana word that runs into katakana (あいおい|ニッセイ) is part of the name.
                if atBoundary, index - runStart <= 4, TextClasses.isKatakana(line[index]) {
                    index = runStart
                }
            }
            break
        }
        var start = index
        for noise in leadingNoise where matches(line, noise, at: start) && start + noise.count < end {
            start += noise.count
        }
        return start
    }

    /// Whether the text before `index` ends a name of its own (a legal form, a place, a
    /// generic word), so a ・ at `index` separates two names rather than joining one.
    static func endsAName(_ line: [Unicode.Scalar], before index: Int) -> Bool {
        let before = String(line[..<index])
        let endings = ["株式会社", "会社", "金庫", "銀行", "大学", "法人", "市", "区", "町", "村", "都", "県", "企業", "団体", "協議会"]
        return endings.contains(where: before.hasSuffix)
    }

    static func startsALegalForm(_ line: [Unicode.Scalar], at index: Int) -> Bool {
        prefixForms.contains { matches(line, $0.0, at: index) }
    }

    static func isName(_ core: String) -> Bool {
        core.count >= 2 && !genericCores.contains(core) && !core.allSatisfy(\.isNumber) && core.first != "ー"
    }

    static func matches(_ line: [Unicode.Scalar], _ word: String, at index: Int) -> Bool {
        matches(line, Array(word.unicodeScalars), at: index)
    }

    static func matches(_ line: [Unicode.Scalar], _ word: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + word.count <= line.count else { return false }
        for offset in word.indices where line[index + offset] != word[offset] { return false }
        return true
    }
}
