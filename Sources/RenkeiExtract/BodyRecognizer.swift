internal import Foundation
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
        ("社会福祉法人", .organization), ("社会医療法人", .organization), ("医療法人社団", .organization), ("医療法人財団", .organization),
        ("医療法人", .organization), ("生活協同組合", .organization), ("独立行政法人", .organization),
        ("国立大学法人", .university), ("公立大学法人", .university), ("学校法人", .university),
        ("株式会社", .company), ("有限会社", .company), ("合同会社", .company), ("合資会社", .company), ("(株)", .company), ("(有)", .company),
    ]

    /// Designators written after the name; `strict` ones must not run on into a longer word
    /// (大学生, 協議会員).
    static let suffixForms: [(suffix: String, kind: EntityKind, strict: Bool, partOfCore: Bool)] = [
        ("株式会社", .company, false, false), ("有限会社", .company, false, false), ("合同会社", .company, false, false),
        ("相互会社", .company, false, false), ("公庫", .company, true, true),
        ("(株)", .company, false, false), ("(有)", .company, false, false),
        ("信用金庫", .company, false, true), ("信用組合", .company, false, true), ("銀行", .company, true, true),
        ("グループ", .company, true, true),
        ("大学", .university, true, true),
        ("社会福祉協議会", .organization, true, true), ("協議会", .organization, true, true),
        ("実行委員会", .organization, true, true), ("商工会議所", .organization, true, true), ("商工会", .organization, true, true),
        ("基金", .organization, true, true), ("事業会", .organization, true, true), ("研究会", .organization, true, true),
        ("検討会", .organization, true, true), ("協会", .organization, true, true), ("連合会", .organization, true, true),
        ("振興会", .organization, true, true), ("組合", .organization, true, true),
        ("高等専門学校", .university, true, true),
        ("高等学校", .organization, true, true), ("中学校", .organization, true, true), ("小学校", .organization, true, true),
        ("高校", .organization, true, true), ("財団", .organization, true, true), ("機構", .organization, true, true),
        ("公社", .organization, true, true), ("連絡会", .organization, true, true),
        ("保存会", .organization, true, true), ("懇談会", .organization, true, true), ("医師会", .organization, true, true),
        ("福祉会", .organization, true, true),
        ("広域連合", .organization, true, true), ("整備局", .organization, true, true), ("財務局", .organization, true, true),
        ("運輸局", .organization, true, true), ("財務事務所", .organization, true, true), ("税務署", .organization, true, true),
        ("気象台", .organization, true, true), ("省", .organization, true, true), ("庁", .organization, true, true),
        ("研究所", .university, true, true), ("研究センター", .university, true, true),
    ]

    /// Words after a body's name that make the text a branch of it (東京海上日動火災保険株式会社 栃木支店).
    static let branchWords = ["主管支店", "支店", "支社", "支部", "本部", "営業所", "カンパニー", "事務所"]

    /// Regions a branch is named by, besides places: 株式会社NTTドコモ北海道支社.
    static let regionWords = ["北海道", "東北", "関東", "南関東", "北関東", "甲信越", "北陸", "東海", "中部", "近畿", "関西", "中国", "四国", "九州", "沖縄"]

    /// What may follow 大学 inside a university's name.
    static let universityContinuations = ["総合研究所", "研究所", "大学院"]

    /// Words that are not names when they stand before a designator.
    static let genericCores: Set<String> = [
        "同", "本", "各", "当", "その他", "市", "区", "町", "村", "都", "県", "地域", "全国", "関係", "構成", "民間", "市内", "区内",
        "上記", "下記", "当該", "地元", "関連", "当社", "同社", "弊社", "グループ", "会員", "参加", "協力", "企業", "団体", "連携",
        "県立", "市立", "町立", "村立", "府立", "都立", "国立", "公立", "私立", "今後", "農業", "工業", "商業", "一部事務", "協同",
        "管内", "両", "三", "四", "各種", "同大学", "本学", "本校", "一般", "公益", "地方", "金融", "国", "地域の", "大", "短期", "附属",
        "都道府", "事業", "特定", "同", "庁", "県庁", "都庁", "道庁", "府庁", "市役", "総合", "専門", "社会福祉", "附置", "小・中", "小中",
        "当行", "当金庫", "当組合", "本学", "本校", "弊行", "両社", "農業協同", "漁業協同", "生活協同",
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
        let formStarts = Self.formStarts // once: a static is looked up through swift_once at every use
        for start in line.indices where formStarts.contains(line[start]) {
            for (form, kind) in Self.prefixFormsByFirst[line[start]] ?? [] where Self.matches(line, form, at: start) {
                // After katakana or Latin letters, 株式会社 ends a name (ヘルシーフード株式会社).
                if start > 0, TextClasses.isKatakana(line[start - 1]) || TextClasses.isLatinOrDigit(line[start - 1]) { continue }
                if start > 0, TextClasses.isKanji(line[start - 1]), kind == .company,
                    !Self.conjunctions.contains(where: { Self.matches(line, $0, at: start - 2) })
                {
                    continue
                }
                // 生活協同組合 inside a longer name (はるな高原温泉旅館協同組合) is the suffix's business.
                if start > 0, TextClasses.isKanji(line[start - 1]), kind != .company { continue }
                let nameStart = start + form.count
                let end = Self.nameEnd(in: line, from: nameStart)
                var core = String(line[nameStart..<end])
                guard Self.isName(core), !Self.followingWords.contains(where: core.hasPrefix),
                    !"とのはがをでに".contains(core.first ?? " ") || core.count > 3 && !core.hasPrefix("との")
                else { continue }
                let legalPerson = kind == .university || form == Self.schoolCorporation || form == Self.administrativeAgency
                if legalPerson, let school = Self.schoolAfterSpace(in: line, at: end) {
                    // 学校法人酪農学園 酪農学園大学: the university, with the legal person's form as alias.
                    let name = String(line[school])
                    found.append(
                        Candidate(
                            kind: .university, name: name, core: name, aliases: [String(line[start..<school.upperBound]).filter { $0 != " " }],
                            range: start..<school.upperBound))
                } else if legalPerson,
                    Self.universityEndings.contains(where: core.hasSuffix) || Self.universityContinuations.contains(where: core.hasSuffix)
                {
                    found.append(Candidate(kind: .university, name: core, core: core, aliases: [String(line[start..<end])], range: start..<end))
                } else if kind != .university || form == Self.schoolCorporation {
                    let kind: EntityKind = kind == .university ? .organization : kind
                    var aliases: [String] = []
                    var name = String(line[start..<end])
                    if let (company, _) = Self.splitBranch(core) {
                        aliases = [name, String(core)]
                        core = company
                        name = String(form) + company
                    }
                    let range = Self.extendOverBranch(line, from: start, end: end, aliases: &aliases, name: name, core: core)
                    found.append(Candidate(kind: kind, name: name, core: core, aliases: aliases, range: range))
                }
            }
            for form in Self.suffixFormsByFirst[line[start]] ?? [] where Self.matches(line, form.suffix, at: start) {
                var end = start + form.suffix.count
                if form.kind == .university, let continuation = Self.universityContinuations.first(where: { Self.matches(line, $0, at: end) }) {
                    end += continuation.count
                }
                if form.strict, end < line.count, TextClasses.isKanji(line[end]) || TextClasses.isKatakana(line[end]),
                    Self.branchLength(line, at: end) == nil, !Self.conjunctions.contains(where: { Self.matches(line, $0, at: end) })
                {
                    continue
                }
                let nameStart = Self.nameStart(in: line, before: start)
                let head = String(line[nameStart..<start])
                guard Self.isName(head), !Self.prefixForms.contains(where: { head.hasPrefix($0.0) }) else { continue }
                let suffix = String(form.suffix)
                if suffix == "庁" || suffix == "省", Gazetteer.shared.candidates(named: head).isEmpty == false || head.count < 2 { continue }
                if suffix == "研究所" || suffix == "研究センター", !Self.isUniversityInstitute(line, nameStart: nameStart, head: head) { continue }
                if suffix == "高校", head.hasSuffix("県立") || head.hasSuffix("市立") { continue }
                if suffix == "グループ", !head.unicodeScalars.contains(where: { TextClasses.isKatakana($0) || TextClasses.isLatin($0) }) { continue }
                let name = String(line[nameStart..<end])
                let core = form.partOfCore ? name : head
                var aliases: [String] = []
                let range = Self.extendOverBranch(line, from: nameStart, end: end, aliases: &aliases, name: name, core: core)
                found.append(Candidate(kind: form.kind, name: name, core: core, aliases: aliases, range: range))
            }
        }
        return Self.withParenthesisedAliases(Self.longestFirst(found), in: line)
    }

    static let schoolCorporation: [Unicode.Scalar] = Array("学校法人".unicodeScalars)
    static let administrativeAgency: [Unicode.Scalar] = Array("独立行政法人".unicodeScalars)
    static let universityEndings = ["大学", "短期大学", "高等専門学校", "短期大学部"]

    /// Where a name after a prefix form ends: over name characters, and over hiragana that
    /// belongs to the name (株式会社はるなフーズ, 株式会社エフエムながおか, 公益財団法人がまごおり海の文化財団),
    /// but not over a particle or a word that follows a name (と, は, など, および).
    static func nameEnd(in line: [Unicode.Scalar], from start: Int) -> Int {
        var end = start
        while end < line.count {
            let c = line[end]
            if TextClasses.isNameCharacter(c) {
                if c == "・", startsALegalForm(line, at: end + 1) || (end > start && endsAName(line, before: end)) { break }
                if conjunctions.contains(where: { matches(line, $0, at: end) }) { break }
                end += 1
                continue
            }
            if c == " ", end > start, TextClasses.isLatinOrDigit(line[end - 1]), end + 1 < line.count, TextClasses.isLatin(line[end + 1]) {
                end += 1
                continue
            }
            guard TextClasses.isHiragana(c) else { break }
            var runEnd = end
            while runEnd < line.count, TextClasses.isHiragana(line[runEnd]) { runEnd += 1 }
            let run = String(line[end..<runEnd])
            let next: Unicode.Scalar? = runEnd < line.count ? line[runEnd] : nil
            let nextIsName = next.map(TextClasses.isNameCharacter) ?? false
            let nextEnds = next.map { " \t(（)）「」、,".unicodeScalars.contains($0) } ?? true
            if followingWords.contains(where: run.hasPrefix) { break }
            if TextClasses.particles.contains(c) {
                if end == start, run.count >= 3 && (nextIsName || nextEnds) {
                    end = runEnd
                    continue
                }
                if run.count >= 3, nextIsName, end > start {
                    end = runEnd // 社会福祉法人児湯やすらぎ会
                    continue
                }
                if run.count >= 3, nextEnds, end > start, TextClasses.isKatakana(line[end - 1]) {
                    end = runEnd // コープにいがた
                    continue
                }
                // の inside a name that goes on to a body's ending: がまごおり海の文化財団.
                if run == "の", nextIsName {
                    var probe = runEnd
                    while probe < line.count, TextClasses.isNameCharacter(line[probe]) { probe += 1 }
                    let rest = String(line[runEnd..<probe])
                    if suffixForms.contains(where: { $0.kind == .organization && rest.hasSuffix($0.suffix) }) || rest.hasSuffix("会") {
                        end = probe
                        continue
                    }
                }
                break
            }
            guard nextIsName || nextEnds else { break }
            end = runEnd
        }
        return end
    }

    /// Hiragana words that follow a name rather than belong to it.
    static let followingWords = [
        "など", "ほか", "さん", "から", "まで", "より", "ならびに", "および", "また", "ため", "とも", "ので",
        "する", "して", "した", "します", "され", "いる", "ます", "です", "ら", "ほど", "による", "において", "について", "として",
        "における", "には", "とは", "では", "との", "でも", "にも", "をはじめ", "とともに", "と連携",
    ]

    /// Words that join two names: a name stops before them.
    static let conjunctions = ["及び", "並びに", "又は"]

    /// A school after a legal person's name and a space: 学校法人酪農学園 酪農学園大学.
    static func schoolAfterSpace(in line: [Unicode.Scalar], at index: Int) -> Range<Int>? {
        guard index < line.count, line[index] == " " else { return nil }
        let start = index + 1
        let end = nameEnd(in: line, from: start)
        let name = String(line[start..<end])
        guard end > start, universityEndings.contains(where: name.hasSuffix) else { return nil }
        return start..<end
    }

    /// A research institute is a university's when the text ties it to one (本学の…, X大学…研究所).
    static func isUniversityInstitute(_ line: [Unicode.Scalar], nameStart: Int, head: String) -> Bool {
        if head.contains("大学") { return true }
        let before = String(line[max(0, nameStart - 12)..<nameStart])
        return before.contains("本学") || before.contains("大学の") || before.contains("附置") || before.contains("附属")
    }

    /// The length of a branch written at `index` (丸亀支店, 南関東カンパニー, 長岡支部), with one space allowed before it.
    static func branchLength(_ line: [Unicode.Scalar], at index: Int) -> Int? {
        var start = index
        if start < line.count, line[start] == " " { start += 1 }
        var probe = start
        while probe < line.count, probe - start <= 8, TextClasses.isKanji(line[probe]) || TextClasses.isKatakana(line[probe]) {
            probe += 1
            let text = String(line[start..<probe])
            if let word = branchWords.first(where: text.hasSuffix), text.count > word.count || word == "カンパニー" {
                if probe < line.count, TextClasses.isKanji(line[probe]) && !branchWords.contains(where: { matches(line, $0, at: probe) }) { continue }
                return probe - index
            }
        }
        return nil
    }

    /// A branch written after the body: its forms become aliases and the range covers it.
    static func extendOverBranch(_ line: [Unicode.Scalar], from start: Int, end: Int, aliases: inout [String], name: String, core: String) -> Range<
        Int
    > {
        guard let length = branchLength(line, at: end) else { return start..<end }
        let branch = String(line[end..<(end + length)]).filter { $0 != " " }
        aliases += [name + branch, core + branch].filter { !aliases.contains($0) }
        return start..<(end + length)
    }

    /// A company written with its branch in one run of name characters: 株式会社NTTドコモ北海道支社,
    /// 百十四銀行丸亀支店. The company's core and the branch part; nil when there is no branch.
    static func splitBranch(_ core: String) -> (String, String)? {
        guard let word = branchWords.first(where: core.hasSuffix) else { return nil }
        let rest = Array(core.unicodeScalars.dropLast(word.unicodeScalars.count))
        guard rest.count >= 3 else { return nil }
        // After a company ending inside: 百十四銀行|丸亀.
        for ending in ["銀行", "信用金庫", "保険", "証券", "電力", "ガス", "鉄道", "運輸", "協会", "組合", "株式会社"] {
            let e = Array(ending.unicodeScalars)
            var index = rest.count - 1
            while index >= e.count {
                if matches(rest, e, at: index - e.count), rest.count - index <= 6, rest.count - index >= 1 {
                    return (String(rest[..<index]), String(rest[index...]) + word)
                }
                index -= 1
            }
        }
        // A kanji locality after katakana or Latin letters: NTTドコモ|北海道.
        var index = rest.count
        while index > 0, TextClasses.isKanji(rest[index - 1]) { index -= 1 }
        if index > 0, rest.count - index <= 6, rest.count > index, !TextClasses.isKanji(rest[index - 1]) {
            return (String(rest[..<index]), String(rest[index...]) + word)
        }
        return nil
    }

    /// A body followed by （JA越後ながおか） or （以下「三井住友海上」）: the other name is an alias.
    static func withParenthesisedAliases(_ candidates: [Candidate], in line: [Unicode.Scalar]) -> [Candidate] {
        candidates.map { candidate in
            var candidate = candidate
            let end = candidate.range.upperBound
            guard end < line.count, line[end] == "(" || line[end] == "（",
                let close = line[end...].prefix(60).firstIndex(where: { $0 == ")" || $0 == "）" })
            else { return candidate }
            let inner = String(line[(end + 1)..<close])
            if inner.hasPrefix("JA") || inner.hasPrefix("コープ"), inner.count >= 3, !inner.contains("、") {
                candidate.aliases.append(inner)
            } else if let open = inner.range(of: "以下「"), let closeQuote = inner[open.upperBound...].firstIndex(of: "」") {
                let alias = String(inner[open.upperBound..<closeQuote])
                if alias.count >= 2, !PageContext.selfWords.contains(alias), !genericCores.contains(alias), !alias.hasSuffix("協定") {
                    candidate.aliases.append(alias)
                }
            }
            return candidate
        }
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
                break // 日野市・KDDI株式会社, …株式会社・株式会社ヘルシーネットワーク: two names
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
            if TextClasses.isHiragana(previous) {
                var fullStart = index - 1
                while fullStart > 0, TextClasses.isHiragana(line[fullStart - 1]) { fullStart -= 1 }
                let beforeFull = fullStart > 0 ? line[fullStart - 1] : " "
                let runsIntoName = index < line.count && (TextClasses.isKatakana(line[index]) || TextClasses.isKanji(line[index]))
                // A kana word that opens the name after punctuation: （あずみの短期大学）, 、はるな高原….
                if runsIntoName, !TextClasses.isNameCharacter(beforeFull), !TextClasses.isHiragana(beforeFull),
                    Self.isNameKana(Array(line[fullStart..<index]))
                {
                    index = fullStart
                    break
                }
                guard !TextClasses.particles.contains(previous) else { break }
                var runStart = index - 1
                while runStart > 0, TextClasses.isHiragana(line[runStart - 1]), !TextClasses.particles.contains(line[runStart - 1]) { runStart -= 1 }
                let before = runStart > 0 ? line[runStart - 1] : " "
                let run = Array(line[runStart..<index])
                // Kana between kanji inside one name: 四万十みどり農業協同組合, 青森県立むつ湾岸高等学校.
                if runStart == fullStart, TextClasses.isKanji(before), index < line.count, TextClasses.isKanji(line[index]), Self.isNameKana(run) {
                    index = runStart
                    continue
                }
                // A short kanji word and と before the kana: 、越中となみ信用金庫.
                if runStart > 1, before == "と", Self.isNameKana(run) {
                    var wordStart = runStart - 1
                    while wordStart > 0, TextClasses.isKanji(line[wordStart - 1]) { wordStart -= 1 }
                    let word = String(line[wordStart..<(runStart - 1)])
                    let opener: Unicode.Scalar = wordStart > 0 ? line[wordStart - 1] : " "
                    if (2...3).contains(word.count), "、,(（ 「・".unicodeScalars.contains(opener) || wordStart == 0,
                        Gazetteer.shared.candidates(named: word).isEmpty, !genericCores.contains(word)
                    {
                        index = wordStart
                        break
                    }
                }
                let atBoundary = TextClasses.particles.contains(before) || !(TextClasses.isNameCharacter(before) || TextClasses.isHiragana(before))
                // Only a kana word that runs into katakana (あいおい|ニッセイ) or kanji (ぐんま|北毛大学) is part of the name.
                if atBoundary, index - runStart <= 4, index < line.count,
                    TextClasses.isKatakana(line[index])
                        || (TextClasses.isKanji(line[index]) && Self.isNameKana(Array(line[runStart..<index])))
                {
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

    /// Whether a run of kana can open a name: two to five characters, not an inflected word.
    static func isNameKana(_ run: [Unicode.Scalar]) -> Bool {
        guard (2...5).contains(run.count), let last = run.last else { return false }
        let text = String(run)
        if followingWords.contains(text) || ["さまざまな", "いろいろな", "あらゆる", "これらの", "その", "この", "ような"].contains(text) { return false }
        return !"るたてしくいばうえ".unicodeScalars.contains(last)
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
        core.count >= 2 && !genericCores.contains(core) && !core.hasSuffix("・") && !core.allSatisfy(\.isNumber) && core.first != "ー"
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
