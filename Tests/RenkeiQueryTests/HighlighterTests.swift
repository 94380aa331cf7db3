import RenkeiCore
import RenkeiTestSupport
import Testing

@testable import RenkeiQuery

@Suite struct HighlighterTests {
    /// The marked characters, as written in the text, for a query.
    func marked(_ query: String, in text: String) throws -> [String] {
        let terms = try SearchQuery(parsing: query).includedTerms
        let scalars = Array(text.unicodeScalars)
        return Highlighter().highlights(of: terms, in: text).map { range in
            String(String.UnicodeScalarView(scalars[range]))
        }
    }

    @Test(arguments: [
        ("ＷＡＯＮ", "日野市版WAONカード", ["WAON"]),
        ("WAON", "日野市版ＷＡＯＮカード", ["ＷＡＯＮ"]),
        ("令和５年度", "令和5年度多摩・島しょ", ["令和5年度"]),
        ("令和5年度", "令和５年度から", ["令和５年度"]),
        ("ガイド", "ｶﾞｲﾄﾞブック", ["ｶﾞｲﾄﾞ"]),
        ("平成", "㍻26年", ["㍻"]),
        ("ああ", "ああああ、いいいい", ["ああああ"]),
        ("地域活 活性化", "本市では地域活性化に取り組む", ["地域活性化"]),
        ("協定 連携", "連携協定と協定", ["連携協定", "協定"]),
        ("存在しない", "日野市", []),
    ])
    func marksExactlyTheMatchedCharacters(query: String, text: String, expected: [String]) throws {
        #expect(try marked(query, in: text) == expected)
    }

    @Test func farApartMatchesGetSeparateSnippets() throws {
        let filler = String(repeating: "あ", count: 200)
        let text = "前文\(filler)協定その一\(filler)協定その二\(filler)"
        let snippets = Highlighter().snippets(of: try SearchQuery(parsing: "協定").includedTerms, in: text)
        #expect(snippets.count == 2)
        for snippet in snippets {
            #expect(snippet.highlights.count == 1)
            let scalars = Array(snippet.text.unicodeScalars)
            let pair = snippet.highlights[0]
            #expect(String(String.UnicodeScalarView(scalars[pair[0]..<pair[1]])) == "協定")
            #expect(pair[0] == 40) // the context before the match
            #expect(scalars.count == 40 + 2 + 40)
        }
        #expect(snippets[0].start == 2 + 200 - 40)
    }

    @Test func nearbyMatchesShareOneSnippet() throws {
        let text = String(repeating: "い", count: 100) + "防災と減災と防災" + String(repeating: "う", count: 100)
        let snippets = Highlighter().snippets(of: try SearchQuery(parsing: "防災 OR 減災").includedTerms, in: text)
        #expect(snippets.count == 1)
        #expect(snippets[0].highlights == [[40, 42], [43, 45], [46, 48]])
    }

    @Test func textWithoutMatchesOpensWithItsBeginning() throws {
        let snippets = Highlighter().snippets(of: try SearchQuery(parsing: "協定").includedTerms, in: "日野市の取り組み")
        #expect(snippets.map(\.text) == ["日野市の取り組み"])
        #expect(snippets[0].highlights.isEmpty)
    }

    /// A long page is searched block by block; its snippets are those that the whole text
    /// gives: the same windows, offsets and marks, also where a match sits at a block's edge.
    @Test func longPagesGiveTheSnippetsOfTheWholeText() throws {
        var random = SplitMix64(state: 7)
        let pieces = ["協定", "連携", "日野市", "ＷＡＯＮ", "の", "と", "\n", "。\n", String(repeating: "あ", count: 30), "abc "]
        let terms = try SearchQuery(parsing: "協定 OR ｗａｏｎ").includedTerms
        let highlighter = Highlighter()
        for round in 0..<60 {
            // Half the pages have matches everywhere, half a few far apart, across blocks.
            let rare = round.isMultiple(of: 2)
            let text = (0..<Int.random(in: 200...3_000, using: &random)).map { _ in
                rare && Int.random(in: 0..<300, using: &random) > 0
                    ? pieces[4...].randomElement(using: &random)! : pieces.randomElement(using: &random)!
            }.joined()
            let whole = highlighter.highlights(of: terms, in: text)
            let snippets = highlighter.snippets(of: terms, in: text)
            // Every mark of the snippets is a mark of the whole text, in order, from the first on.
            let marks = snippets.flatMap { snippet in snippet.highlights.map { ($0[0] + snippet.start)..<($0[1] + snippet.start) } }
            #expect(Array(whole.prefix(marks.count)) == marks)
            #expect(snippets.count == (whole.isEmpty ? 1 : min(3, Self.windowCount(whole, scalars: text.unicodeScalars.count))))
        }
    }

    /// How many windows the rule makes of a text's matches (40 characters of context, merged up to 160).
    static func windowCount(_ matches: [Range<Int>], scalars: Int) -> Int {
        var windows: [Range<Int>] = []
        for match in matches {
            let wanted = max(0, match.lowerBound - 40)..<min(scalars, match.upperBound + 40)
            if let last = windows.last, wanted.lowerBound <= last.upperBound, wanted.upperBound - last.lowerBound <= 160 {
                windows[windows.count - 1] = last.lowerBound..<max(last.upperBound, wanted.upperBound)
            } else {
                windows.append(wanted)
            }
        }
        return windows.count
    }
}
