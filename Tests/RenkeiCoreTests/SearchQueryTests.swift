import Testing

@testable import RenkeiCore

@Suite struct SearchQueryTests {
    /// Each query is shown in a compact form: terms as written, `|` between alternatives,
    /// `-` before an exclusion, clauses separated by ` & `.
    @Test(arguments: [
        ("包括連携協定", "包括連携協定"),
        ("防災 協定", "防災 & 協定"),
        ("防災\u{3000}協定", "防災 & 協定"),
        ("防災 OR 減災", "防災|減災"),
        ("防災 減災 OR 復興 協定", "防災 & 減災|復興 & 協定"),
        ("協定 -廃止", "協定 & -廃止"),
        ("\"Hi Know\" 協定", "Hi Know & 協定"),
        ("-\"Hi Know\" 協定", "-Hi Know & 協定"),
        ("\"", "\""),
        ("\"abc", "\"abc"),
        ("\"\"", "\"\""),
        ("\"\"\"", "\"\"\""),
        ("a\"b c\"", "a\"b & c\""),
        ("*", "*"),
        ("協定*", "協定*"),
        ("^", "^"),
        ("(", "("),
        ("NEAR(", "NEAR("),
        ("NEAR(a b)", "NEAR(a & b)"),
        ("a AND b", "a & AND & b"),
        ("SORT", "SORT"),
        ("a or b", "a & or & b"),
        ("-", "-"),
        ("042-585-1111", "042-585-1111"),
        ("a - b", "a & - & b"),
    ])
    func parses(input: String, expected: String) throws {
        let query = try SearchQuery(parsing: input)
        #expect(Self.render(query) == expected)
    }

    @Test(arguments: [
        ("", QueryError.Code.empty),
        ("   ", .empty),
        ("\u{3000}", .empty),
        ("OR", .misplacedOr),
        ("a OR", .misplacedOr),
        ("OR a", .misplacedOr),
        ("a OR OR b", .misplacedOr),
        ("-a", .onlyExclusions),
        ("-a -b", .onlyExclusions),
        ("a OR -b", .excludedAlternative),
        ("-a OR b", .excludedAlternative),
        ("\" \u{3000}\"", .nothingSearchable),
    ])
    func rejects(input: String, code: QueryError.Code) {
        #expect(throws: QueryError.self) { try SearchQuery(parsing: input) }
        do {
            _ = try SearchQuery(parsing: input)
        } catch {
            #expect(error.code == code)
            #expect(!error.message.isEmpty)
        }
    }

    @Test func limits() {
        #expect(throws: QueryError.self) { try SearchQuery(parsing: String(repeating: "防", count: 10_000)) }
        #expect(throws: QueryError.self) { try SearchQuery(parsing: Array(repeating: "a", count: 33).joined(separator: " ")) }
        #expect(throws: QueryError.self) { try SearchQuery(parsing: String(repeating: "防", count: 300)) }
        #expect(throws: Never.self) { try SearchQuery(parsing: Array(repeating: "a", count: 32).joined(separator: " ")) }
    }

    @Test func termsAreNormalised() throws {
        let query = try SearchQuery(parsing: "ＷＡＯＮ ｲｵﾝ")
        #expect(query.includedTerms.map(\.normalized) == ["waon", "イオン"])
        #expect(query.includedTerms.map(\.written) == ["ＷＡＯＮ", "ｲｵﾝ"])
    }

    @Test func phraseKeepsEverythingLiteral() throws {
        let query = try SearchQuery(phrase: "a OR -b \"c\"")
        #expect(query.clauses == [.anyOf([SearchTerm(written: "a OR -b \"c\"")])])
    }

    static func render(_ query: SearchQuery) -> String {
        query.clauses.map { clause in
            switch clause {
            case .anyOf(let terms): terms.map(\.written).joined(separator: "|")
            case .excluding(let term): "-" + term.written
            }
        }.joined(separator: " & ")
    }

    /// A control character is refused by name; tab and line end are blanks.
    @Test func controlCharactersAreRefusedByName() throws {
        for (text, code) in [("a\u{0}b", "U+0000"), ("協定\u{1}", "U+0001"), ("\u{7F}", "U+007F")] {
            #expect(throws: QueryError.self) { try SearchQuery(parsing: text) }
            do {
                _ = try SearchQuery(phrase: text)
                Issue.record("\(code) was accepted")
            } catch {
                #expect(error.code == .controlCharacter && error.message.contains(code))
            }
        }
        #expect(try SearchQuery(parsing: "防災\t協定").clauses.count == 2)
    }
}
