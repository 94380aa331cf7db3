internal import Foundation

/// Finds dates and fiscal years in Japanese text.
///
/// | Text                    | Found                      |
/// |-------------------------|----------------------------|
/// | `平成24年3月13日`       | date 2012-03-13            |
/// | `令和元年5月1日`        | date 2019-05-01            |
/// | `昭和 48 年`            | date 1973                  |
/// | `令和５年度`            | fiscal year 2023           |
/// | `2019年8月`             | date 2019-08               |
/// | `10 月 1 日`            | date without year (month 10, day 1) |
/// | `平成二十六年`          | date 2014                  |
/// | `R6.5.10`, `H30.3.26`   | date 2024-05-10, 2018-03-26 |
/// | `2024/5/10`, `2024.5.10` | date 2024-05-10           |
/// | `2019年(令和元年)7月1日` | date 2019-07-01           |
///
/// The text is read through NFKC (full-width digits, ㍻), spaces between the parts are
/// allowed, and offsets refer to the text as given (in Unicode scalars).
package enum DateScanner {
    package struct Found: Hashable, Sendable {
        package enum Kind: Hashable, Sendable {
            /// A date with a year (and maybe month and day).
            case date(JapaneseDate)
            /// A fiscal year (年度): April of `year` to March of the next.
            case fiscalYear(Int)
            /// A month and day with no year: resolve it from the page, or leave it.
            case monthDay(month: Int, day: Int)
        }

        package var kind: Kind
        /// Scalar offsets in the text given.
        package var range: Range<Int>
    }

    package static func scan(_ text: String) -> [Found] {
        // Scan a per-scalar normalised copy so offsets stay those of the input.
        let source = Array(text.unicodeScalars)
        let scalars: [Unicode.Scalar] = source.map { scalar in
            switch scalar.value {
            case 0xFF10...0xFF19: Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!
            case 0x3000: " "
            default: scalar
            }
        }
        var found: [Found] = []
        var index = 0
        while index < scalars.count {
            if let match = matchEra(scalars, at: index) ?? matchEraLetter(scalars, at: index) ?? matchWestern(scalars, at: index)
                ?? matchNumeric(scalars, at: index) ?? matchMonthDay(scalars, at: index)
            {
                found.append(match)
                index = match.range.upperBound
            } else {
                index += 1
            }
        }
        return found
    }

    /// The fiscal years a text writes about: its 年度 and the fiscal years of its dates that
    /// have a month, from the Meiji era on, in ascending order.
    package static func fiscalYears(in text: String) -> [Int] {
        var years = Set<Int>()
        // Every pattern with a year has 年 in it: only lines with 年 are scanned, which
        // skips most of a long manual at the cost of one byte pass.
        var text = text
        text.withUTF8 { bytes in
            var lineStart = 0
            var hasYear = false
            for index in 0...bytes.count {
                if index == bytes.count || bytes[index] == 0x0A {
                    if hasYear {
                        let line = String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<index]), as: UTF8.self)
                        for found in scan(line) {
                            switch found.kind {
                            case .fiscalYear(let year): years.insert(year)
                            case .date(let date): if let year = date.fiscalYear { years.insert(year) }
                            case .monthDay: break
                            }
                        }
                    }
                    lineStart = index + 1
                    hasYear = false
                } else if bytes[index] == 0xE5, index + 2 < bytes.count, bytes[index + 1] == 0xB9, bytes[index + 2] == 0xB4 {
                    hasYear = true // 年 is E5 B9 B4
                }
            }
        }
        return years.filter { (1868...2200).contains($0) }.sorted()
    }

    // MARK: - Patterns

    private static let eraSymbols: [UInt32: JapaneseEra] = [0x337E: .meiji, 0x337D: .taisho, 0x337C: .showa, 0x337B: .heisei, 0x32FF: .reiwa]

    /// 平成24年3月13日, 令和元年, 令和5年度, 昭和 48 年, ㍻26年.
    private static func matchEra(_ s: [Unicode.Scalar], at start: Int) -> Found? {
        var index = start
        var era: JapaneseEra?
        if let symbol = eraSymbols[s[index].value] {
            era = symbol
            index += 1
        } else {
            for candidate in JapaneseEra.allCases where matches(s, at: index, candidate.rawValue) {
                era = candidate
                index += 2
                break
            }
        }
        guard let era else { return nil }
        skipSpaces(s, &index)
        let year: Int
        if matches(s, at: index, "元") {
            year = 1
            index += 1
        } else if let (value, next) = number(s, at: index), (1...era.lastYear).contains(value) {
            year = value
            index = next
        } else {
            return nil
        }
        skipSpaces(s, &index)
        guard index < s.count, s[index] == "年" else { return nil }
        index += 1
        if index < s.count, s[index] == "度" {
            return Found(kind: .fiscalYear(era.offset + year), range: start..<(index + 1))
        }
        let gregorian = era.offset + year
        return Found(kind: .date(monthAndDay(s, after: &index, year: gregorian)), range: start..<index)
    }

    /// 2019年8月, 2012年3月13日, 2023年度.
    private static func matchWestern(_ s: [Unicode.Scalar], at start: Int) -> Found? {
        guard start == 0 || !isDigit(s[start - 1]) else { return nil }
        var index = start
        guard let (year, next) = number(s, at: index, kanji: false), (1868...2100).contains(year), next - index == 4 else { return nil }
        index = next
        skipSpaces(s, &index)
        guard index < s.count, s[index] == "年" else { return nil }
        index += 1
        if index < s.count, s[index] == "度" {
            return Found(kind: .fiscalYear(year), range: start..<(index + 1))
        }
        // 2019年(令和元年)7月1日: the era year in parentheses restates the year.
        var afterEra = index
        skipSpaces(s, &afterEra)
        if afterEra < s.count, s[afterEra] == "(" || s[afterEra] == "（",
            let close = s[afterEra..<min(s.count, afterEra + 10)].firstIndex(where: { $0 == ")" || $0 == "）" }),
            matchEra(s, at: afterEra + 1) != nil
        {
            var probe = close + 1
            let date = monthAndDay(s, after: &probe, year: year)
            if date.month != nil { index = probe; return Found(kind: .date(date), range: start..<index) }
        }
        return Found(kind: .date(monthAndDay(s, after: &index, year: year)), range: start..<index)
    }

    private static let eraLetters: [Unicode.Scalar: JapaneseEra] = ["R": .reiwa, "H": .heisei, "S": .showa, "T": .taisho, "M": .meiji]

    /// R6.5.10, H30.3.26, R1.5.7: an era's initial, then year, month and day separated by dots.
    private static func matchEraLetter(_ s: [Unicode.Scalar], at start: Int) -> Found? {
        guard let era = eraLetters[s[start]], start == 0 || !isAlphanumeric(s[start - 1]) else { return nil }
        guard let parts = dottedParts(s, at: start + 1, separators: [".", "．"]), parts.values.count == 3,
            (1...era.lastYear).contains(parts.values[0])
        else { return nil }
        let date = JapaneseDate(year: era.offset + parts.values[0], month: parts.values[1], day: parts.values[2])
        return Found(kind: .date(date), range: start..<parts.end)
    }

    /// 2024/5/10, 2024.5.10, 2024-05-10; 2024/5 alone is a year and month.
    private static func matchNumeric(_ s: [Unicode.Scalar], at start: Int) -> Found? {
        guard start == 0 || !isAlphanumeric(s[start - 1]) && s[start - 1] != "." && s[start - 1] != "/" else { return nil }
        guard let parts = dottedParts(s, at: start, separators: ["/", ".", "-", "．", "／"]),
            parts.values.count >= 2, parts.yearDigits == 4, (1868...2100).contains(parts.values[0])
        else { return nil }
        let date = JapaneseDate(year: parts.values[0], month: parts.values[1], day: parts.values.count > 2 ? parts.values[2] : nil)
        return Found(kind: .date(date), range: start..<parts.end)
    }

    /// Numbers joined by one kind of separator, with a valid month and day: the values, the
    /// digits of the first, and where they end. Not followed by a further digit or separator.
    private static func dottedParts(_ s: [Unicode.Scalar], at start: Int, separators: Set<Unicode.Scalar>) -> (
        values: [Int], yearDigits: Int, end: Int
    )? {
        var values: [Int] = []
        var index = start
        var separator: Unicode.Scalar?
        var yearDigits = 0
        while values.count < 3 {
            guard let (value, next) = number(s, at: index, kanji: false) else { break }
            if values.isEmpty { yearDigits = next - index } else if next - index > 2 { return nil }
            values.append(value)
            index = next
            guard values.count < 3, index + 1 < s.count, separators.contains(s[index]), separator == nil || s[index] == separator,
                isDigit(s[index + 1])
            else { break }
            separator = s[index]
            index += 1
        }
        guard values.count >= 2, (1...12).contains(values[1]), values.count < 3 || (1...31).contains(values[2]) else { return nil }
        if index < s.count, isDigit(s[index]) { return nil }
        return (values, yearDigits, index)
    }

    /// 10月1日 (no year).
    private static func matchMonthDay(_ s: [Unicode.Scalar], at start: Int) -> Found? {
        guard start == 0 || !isDigit(s[start - 1]) else { return nil }
        var index = start
        guard let (month, afterMonth) = number(s, at: index, kanji: false), (1...12).contains(month) else { return nil }
        index = afterMonth
        skipSpaces(s, &index)
        guard index < s.count, s[index] == "月" else { return nil }
        index += 1
        skipSpaces(s, &index)
        guard let (day, afterDay) = number(s, at: index, kanji: false), (1...31).contains(day) else { return nil }
        index = afterDay
        skipSpaces(s, &index)
        guard index < s.count, s[index] == "日" else { return nil }
        return Found(kind: .monthDay(month: month, day: day), range: start..<(index + 1))
    }

    /// After `…年`: an optional `M月` and `D日`, spaces allowed; the index moves past what was read.
    private static func monthAndDay(_ s: [Unicode.Scalar], after index: inout Int, year: Int) -> JapaneseDate {
        var probe = index
        skipSpaces(s, &probe)
        guard let (month, afterMonth) = number(s, at: probe), (1...12).contains(month) else { return JapaneseDate(year: year) }
        probe = afterMonth
        skipSpaces(s, &probe)
        guard probe < s.count, s[probe] == "月" else { return JapaneseDate(year: year) }
        index = probe + 1
        probe = index
        skipSpaces(s, &probe)
        guard let (day, afterDay) = number(s, at: probe), (1...31).contains(day) else { return JapaneseDate(year: year, month: month) }
        probe = afterDay
        skipSpaces(s, &probe)
        guard probe < s.count, s[probe] == "日" else { return JapaneseDate(year: year, month: month) }
        index = probe + 1
        return JapaneseDate(year: year, month: month, day: day)
    }

    // MARK: - Pieces

    private static func matches(_ s: [Unicode.Scalar], at index: Int, _ word: String) -> Bool {
        let scalars = Array(word.unicodeScalars)
        guard index + scalars.count <= s.count else { return false }
        return Array(s[index..<(index + scalars.count)]) == scalars
    }

    private static func skipSpaces(_ s: [Unicode.Scalar], _ index: inout Int) {
        while index < s.count, s[index] == " " || s[index] == "\t" { index += 1 }
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        isDigit(scalar) || ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar)
    }

    private static let kanjiDigits: [Unicode.Scalar: Int] = [
        "〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]

    /// ASCII digits, or (with `kanji`) a kanji numeral below 100: 二十六, 十, 三.
    private static func number(_ s: [Unicode.Scalar], at start: Int, kanji: Bool = true) -> (Int, Int)? {
        var index = start
        var value = 0
        while index < s.count, isDigit(s[index]), index - start < 4 {
            value = value * 10 + Int(s[index].value - 48)
            index += 1
        }
        if index > start { return (value, index) }
        guard kanji else { return nil }
        var tens = 0
        var ones = 0
        var sawTen = false
        while index < s.count {
            if s[index] == "十" {
                guard !sawTen else { break }
                tens = max(ones, 1)
                ones = 0
                sawTen = true
            } else if let digit = kanjiDigits[s[index]] {
                ones = digit
            } else {
                break
            }
            index += 1
        }
        guard index > start else { return nil }
        return (tens * 10 + ones, index)
    }
}
