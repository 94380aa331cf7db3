import RenkeiCore
import Testing

@Suite struct DateScannerTests {
    static func found(_ text: String) -> [String] {
        DateScanner.scan(text).map { found in
            switch found.kind {
            case .date(let date): date.iso
            case .fiscalYear(let year): "FY\(year)"
            case .monthDay(let month, let day): "--\(month)-\(day)"
            }
        }
    }

    @Test(arguments: [
        ("平成24年3月13日", ["2012-03-13"]),
        ("締結日 平成26年9月30日 協定", ["2014-09-30"]),
        ("令和元年5月1日", ["2019-05-01"]),
        ("平成31年4月30日 / 令和元年5月1日", ["2019-04-30", "2019-05-01"]),
        ("昭和 48 年に設立", ["1973"]),
        ("昭和48年", ["1973"]),
        ("令和５年度", ["FY2023"]),
        ("令和5年度から", ["FY2023"]),
        ("平成30年度", ["FY2018"]),
        ("2019年8月には", ["2019-08"]),
        ("2007年には", ["2007"]),
        ("２０２３年度", ["FY2023"]),
        ("10 月 1 日に協定", ["--10-1"]),
        ("明治元年", ["1868"]),
        ("大正12年9月1日", ["1923-09-01"]),
        ("㍻26年", ["2014"]),
        ("平成二十六年十一月十七日", ["2014-11-17"]),
        ("令和 5 年 4 月", ["2023-04"]),
        ("R6.5.10", ["2024-05-10"]),
        ("締結日：H30.3.26まで", ["2018-03-26"]),
        ("R1.5.7", ["2019-05-07"]),
        ("2024/10/15", ["2024-10-15"]),
        ("2024/6/5（水）", ["2024-06-05"]),
        ("お知らせ　2024.04.22", ["2024-04-22"]),
        ("2019年(令和元年)7月1日", ["2019-07-01"]),
        ("2024年（令和6年）12月3日", ["2024-12-03"]),
        ("令和６年５月１０日付けで", ["2024-05-10"]),
        ("ver2.3.1", []),
        ("0146-42-1101", []),
        ("〒056-8650", []),
        ("1,000人", []),
        ("042-585-1111", []),
        ("13月40日", []),
        ("内線3451", []),
    ])
    func finds(text: String, expected: [String]) {
        #expect(Self.found(text) == expected)
    }

    @Test func offsetsCoverTheWrittenDate() {
        let text = "締結日：平成24年３月13日（火）"
        let found = DateScanner.scan(text)
        #expect(found.count == 1)
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[found[0].range])) == "平成24年３月13日")
    }

    /// A fiscal year runs April to March; a bare year could be either of two and is left out.
    @Test func fiscalYearsOfAText() {
        let text = "平成24年３月13日に締結。令和５年度の事業。2019年4月1日開始、2020年の報告、10月1日。"
        #expect(DateScanner.fiscalYears(in: text) == [2011, 2019, 2023])
        #expect(DateScanner.fiscalYears(in: "紀元前の話、1000年4月") == [])
    }

    /// Found by the fuzzer: an era year past the era's end is not a date (平成２０２３年度 was
    /// read as fiscal year 4011).
    @Test func eraYearsStayInsideTheirEra() {
        // The digits are still a Western year on their own.
        #expect(DateScanner.fiscalYears(in: "平成２０２３年度の予算") == [2023])
        #expect(DateScanner.scan("昭和２０２３年").map(\.range) == [2..<7])
        #expect(DateScanner.scan("H45.1.1").isEmpty)
        #expect(DateScanner.scan("平成32年").isEmpty)
        #expect(DateScanner.fiscalYears(in: "昭和64年度、平成31年度、令和元年度") == [1989, 2019])
    }
}
