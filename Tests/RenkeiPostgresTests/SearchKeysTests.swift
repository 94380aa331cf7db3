import RenkeiTestSupport
import Testing

@testable import RenkeiPostgres

/// The PostgreSQL store's search keys and statement numbering, without a server.
@Suite struct SearchKeysTests {
    /// Every substring of a text holds keys the text holds, and a term of up to three
    /// characters has exactly one key, which a text holds only when it contains the term.
    @Test func aTermsKeysAreAmongItsTextsAndShortTermsAreDecidedByThem() {
        var random = SplitMix64(state: 20_261_207)
        let alphabet = Array("協定連携日野市のにをアイウｶﾞ 　ab1-ー".unicodeScalars)
        for _ in 0..<300 {
            let text = String(
                String.UnicodeScalarView((0..<Int.random(in: 1...40, using: &random)).map { _ in alphabet.randomElement(using: &random)! }))
            var held: [Int] = []
            SearchKeys.append(keysOf: [text], to: &held)
            let keys = Set(held)
            #expect(keys.count == held.count)
            let scalars = Array(text.unicodeScalars)
            for _ in 0..<10 {
                let start = Int.random(in: 0..<scalars.count, using: &random)
                let end = Int.random(in: (start + 1)...scalars.count, using: &random)
                let term = String(String.UnicodeScalarView(scalars[start..<end]))
                #expect(Set(SearchKeys.keys(of: term)).isSubset(of: keys), "\(term) in \(text)")
            }
            let other = String(
                String.UnicodeScalarView((0..<Int.random(in: 1...3, using: &random)).map { _ in alphabet.randomElement(using: &random)! }))
            #expect(SearchKeys.decide(other))
            #expect(Set(SearchKeys.keys(of: other)).isSubset(of: keys) == Self.occurs(other, in: text), "\(other) in \(text)")
        }
    }

    /// Whether the scalars of `term` occur one after the other in `text`.
    static func occurs(_ term: String, in text: String) -> Bool {
        let needle = Array(term.unicodeScalars), haystack = Array(text.unicodeScalars)
        guard needle.count <= haystack.count else { return false }
        return (0...(haystack.count - needle.count)).contains { Array(haystack[$0..<($0 + needle.count)]) == needle }
    }

    @Test func charactersPairsAndTriplesNeverShareAKey() {
        let character = SearchKeys.keys(of: "\u{10FFFF}"), pair = SearchKeys.keys(of: "\u{1}\u{1}"), triple = SearchKeys.keys(of: "\u{1}\u{0}\u{0}")
        #expect(character.allSatisfy { (0..<(1 << 21)).contains($0) })
        #expect(pair.allSatisfy { $0 < 0 })
        #expect(triple.allSatisfy { $0 >= 1 << 42 })
    }

    @Test func marksAreNumberedOutsideStringLiterals() {
        let sql = SQL("SELECT '?', ? FROM t WHERE a = ? AND b = 'it''s?'", [.int(1), .text("x")])
        #expect(sql.numbered == "SELECT '?', $1 FROM t WHERE a = $2 AND b = 'it''s?'")
    }
}
