/// A calendar date as precise as the text gives it: a year, a year and month, or a full day.
package struct JapaneseDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    package var year: Int
    package var month: Int?
    package var day: Int?

    package init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// ISO 8601 at the precision known: `2019`, `2019-08`, `2019-08-01`. No day is invented.
    package var iso: String {
        var text = format4(year)
        if let month {
            text += "-" + format2(month)
            if let day { text += "-" + format2(day) }
        }
        return text
    }

    package var description: String { iso }

    /// The Japanese fiscal year (April to March, named by the year it starts) this date falls
    /// in; nil for a bare year, which may be either of two.
    package var fiscalYear: Int? {
        month.map { $0 >= 4 ? year : year - 1 }
    }

    package static func < (lhs: JapaneseDate, rhs: JapaneseDate) -> Bool {
        (lhs.year, lhs.month ?? 0, lhs.day ?? 0) < (rhs.year, rhs.month ?? 0, rhs.day ?? 0)
    }

    private func format2(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    private func format4(_ value: Int) -> String { String(repeating: "0", count: max(0, 4 - String(value).count)) + String(value) }
}

/// A Japanese era and the Gregorian year before its first year (明治 N年 = 1867 + N).
package enum JapaneseEra: String, CaseIterable, Sendable {
    case meiji = "明治", taisho = "大正", showa = "昭和", heisei = "平成", reiwa = "令和"

    package var offset: Int {
        switch self {
        case .meiji: 1867
        case .taisho: 1911
        case .showa: 1925
        case .heisei: 1988
        case .reiwa: 2018
        }
    }

    /// The era's last year (令和 has not ended: its years are taken up to 99). A larger era
    /// year is not a date: 平成2023年 is a typo or noise, not the year 4011.
    package var lastYear: Int {
        switch self {
        case .meiji: 45
        case .taisho: 15
        case .showa: 64
        case .heisei: 31
        case .reiwa: 99
        }
    }
}
