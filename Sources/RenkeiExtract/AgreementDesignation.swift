internal import Foundation
internal import RenkeiCore

/// The designations of agreements written in a line: titles in brackets (「…に関する協定」,
/// 「…協定書」, 「…連携協約」) and, without brackets, titles and 協定 compounds used as the name.
///
/// | Text                                              | Designation                               |
/// |---------------------------------------------------|-------------------------------------------|
/// | `「観光振興に関する連携協定（改定）」を締結`           | 観光振興に関する連携協定 (titled)           |
/// | `東湖大学と地域づくりに関する協定を締結しました`       | 地域づくりに関する協定                      |
/// | `令和6年5月10日付けで包括連携協定を締結`              | 包括連携協定                                |
/// | `本協定`, `今回の協定`, `同様の協定`, `協定`           | nothing: not a designation                |
/// | `3例目の包括協定となります`                           | nothing: a category                        |
struct AgreementDesignation: Hashable {
    var name: String
    /// Other forms: a 協定書 title without 書, the title as written before its marker was dropped.
    var aliases: [String] = []
    /// Scalar offsets in the line.
    var range: Range<Int>
    /// Written in brackets or with a descriptive title; a bare compound (包括連携協定) is not.
    var titled: Bool
    /// Written in 「」: the page's own title for it.
    var bracketed = false

    static let endings = ["協定書", "協定", "協約"]
    /// Hiragana words a title may contain between its nouns.
    static let connectives = [
        "に関する", "における", "に係る", "に関わる", "のための", "に向けた", "についての", "を通じた", "による",
        "を活用した", "を担う", "との", "及び", "並びに", "づくり", "の",
    ]
    /// Words before 協定 that make it no name: 本協定, 同様の協定, 今回の協定.
    static let nonNames = [
        "本", "同", "今回の", "この", "その", "同様の", "本件", "両者の", "新たな", "上記", "当該", "各", "今回", "前記", "次の",
        "これらの", "他の", "別の", "元の", "既存の", "改定前の", "改定後の", "旧", "新", "従来の", "前回の", "最初の",
    ]
    /// A compound used as a category after these: 3例目の包括協定, 同様の連携協定.
    static let categoryContexts = ["例目の", "件目の", "番目の", "同様の", "ような", "などの", "等の"]

    static func all(in line: [Unicode.Scalar]) -> [AgreementDesignation] {
        var found: [AgreementDesignation] = []
        var quoted: [Range<Int>] = []
        var index = 0
        while index < line.count {
            guard line[index] == "「" || line[index] == "『", let close = line[index...].firstIndex(where: { $0 == "」" || $0 == "』" }) else {
                index += 1
                continue
            }
            quoted.append(index..<(close + 1))
            if let designation = bracketed(String(line[(index + 1)..<close]), range: index..<(close + 1)) { found.append(designation) }
            index = close + 1
        }
        index = 0
        while index + 1 < line.count {
            defer { index += 1 }
            guard line[index] == "協", line[index + 1] == "定" || line[index + 1] == "約" else { continue }
            guard !quoted.contains(where: { $0.contains(index) }) else { continue }
            if let designation = unbracketed(line, at: index) { found.append(designation) }
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// 「…協定」: a title, with a marker such as （改定） dropped and 書 giving an alias.
    static func bracketed(_ inner: String, range: Range<Int>) -> AgreementDesignation? {
        var name = inner.trimmingSpaces()
        for marker in ["(改定)", "（改定）", "(仮称)", "（仮称）", "(案)", "（案）"] where name.hasSuffix(marker) || name.hasPrefix(marker) {
            name = name.replacingOccurrences(marker)
        }
        guard endings.contains(where: name.hasSuffix), name.count >= 5 else { return nil }
        var aliases: [String] = []
        if name.hasSuffix("協定書") { aliases.append(String(name.dropLast())) }
        return AgreementDesignation(name: name, aliases: aliases, range: range, titled: true, bracketed: true)
    }

    /// 協定 at `index` with the words before it that name it.
    static func unbracketed(_ line: [Unicode.Scalar], at index: Int) -> AgreementDesignation? {
        var end = index + 2
        if end < line.count, line[end] == "書" { end += 1 }
        // 協定等, 協定締結先 …: a category or a longer word.
        if end < line.count, "等書類者先文".unicodeScalars.contains(line[end]) && line[end - 1] != "書" { return nil }
        if BodyRecognizer.matches(line, "とは", at: end) { return nil } // a definition: 包括連携協定とは
        // A list of agreements or a count of them: 包括連携協定の締結状況, 協定締結先一覧.
        for word in ["締結先", "締結状況", "の締結状況", "一覧", "の一覧", "締結数", "の締結数"] where BodyRecognizer.matches(line, word, at: end) { return nil }
        var start = index
        var sawConnective = false
        while start > 0 {
            let previous = line[start - 1]
            if TextClasses.isKanji(previous) || TextClasses.isKatakana(previous) || TextClasses.isLatinOrDigit(previous) || previous == "・"
                || previous == "ー"
            {
                start -= 1
                continue
            }
            if TextClasses.isHiragana(previous),
                let connective = connectives.first(where: { word in
                    let w = Array(word.unicodeScalars)
                    return start - w.count > 0 && BodyRecognizer.matches(line, w, at: start - w.count)
                        && (TextClasses.isKanji(line[start - w.count - 1]) || TextClasses.isKatakana(line[start - w.count - 1])
                            || TextClasses.isHiragana(line[start - w.count - 1]))
                })
            {
                start -= connective.unicodeScalars.count
                sawConnective = true
                continue
            }
            break
        }
        var name = String(line[start..<end])
        // Dates and numbers at the head are not part of the name (令和6年5月10日包括連携協定 does not occur, but 3者協定 does).
        while let first = name.unicodeScalars.first, first.properties.numericType != nil || "年月日度付".unicodeScalars.contains(first) {
            name = String(name.unicodeScalars.dropFirst())
        }
        for nonName in nonNames.sorted(by: { $0.count > $1.count }) where name.hasPrefix(nonName) {
            let rest = String(name.dropFirst(nonName.count))
            if rest.count <= 4 || !sawConnective { return nil }
            name = rest
            break
        }
        // A date before the name: 平成30年の…協定.
        if let date = DateScanner.scan(name).first, date.range.lowerBound == 0 {
            name = String(name.unicodeScalars.dropFirst(date.range.upperBound))
        }
        if name.hasPrefix("の") || name.hasPrefix("との") { name = String(name.drop { $0 == "の" || $0 == "と" }) }
        // 「B社との連携協定」: the counterpart before との is a party, the compound after it the name.
        if let range = name.range(of: "との", options: .backwards) {
            let after = String(name[range.upperBound...])
            if !after.contains("に関する"), !after.contains("における"), !after.contains("に係る"), !after.contains("の") {
                name = after
                sawConnective = false
            }
        }
        let core = name.hasSuffix("書") ? String(name.dropLast()) : name
        // Agreements in general: 民間企業等との包括連携協定, 自治体との協定.
        if ["企業等", "民間企業", "自治体", "大学等", "団体等", "事業者", "各種"].contains(where: name.contains) { return nil }
        // 協定 alone, or with one character (新協定, 同協定), names nothing.
        guard core.count >= 4 else { return nil }
        let before = String(line[max(0, start - 4)..<start])
        if categoryContexts.contains(where: before.hasSuffix) { return nil }
        let scalarsBefore = name.unicodeScalars.count
        let nameStart = end - scalarsBefore
        var aliases: [String] = []
        if name.hasSuffix("協定書") {
            // An unbracketed 協定書 is a title only on a line of its own (the heading of the text).
            let whole = String(line).trimmingSpaces()
            if whole != name { name = String(name.dropLast()) } else { aliases.append(String(name.dropLast())) }
        }
        return AgreementDesignation(name: name, aliases: aliases, range: nameStart..<end, titled: sawConnective)
    }
}

extension String {
    func replacingOccurrences(_ target: String) -> String {
        var result = self
        while let range = result.range(of: target) { result.removeSubrange(range) }
        return result
    }
}
