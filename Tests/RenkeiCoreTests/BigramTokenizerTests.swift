import RenkeiTestSupport
import Testing

@testable import RenkeiCore

@Suite struct BigramTokenizerTests {
    @Test(arguments: [
        ("地域活性化", ["地域[0,6)", "域活[3,9)", "活性[6,12)", "性化[9,15)", "化[12,15)"]),
        ("市", ["市[0,3)"]),
        ("防災 map", ["防災[0,6)", "災[3,6)", "災 m[3,8)", "map[7,10)", "ap[8,10)", "p[9,10)"]),
        ("日野市2023年", ["日野[0,6)", "野市[3,9)", "市2[6,10)", "202[9,12)", "023[10,13)", "23[11,13)", "3年[12,16)", "年[13,16)"]),
        ("a\tb\nc", ["a[0,1)", "a\tb[0,3)", "b[2,3)", "b\nc[2,5)", "c[4,5)"]),
        ("042-585", ["042[0,3)", "42-[1,4)", "2-5[2,5)", "-58[3,6)", "585[4,7)", "85[5,7)", "5[6,7)"]),
        ("  ", []),
        ("", []),
    ])
    func documentMode(input: String, expected: [String]) {
        #expect(BigramTokenizer.tokens(in: input, mode: .document).map(\.description) == expected)
    }

    @Test(arguments: [
        ("地域活性化", ["地域[0,6)", "域活[3,9)", "活性[6,12)", "性化[9,15)"]),
        ("市", ["市[0,3)"]),
        ("日野 市", ["日野[0,6)", "野[3,6)", "野 市[3,10)", "市[7,10)"]),
        ("防災 map", ["防災[0,6)", "災[3,6)", "災 m[3,8)", "map[7,10)"]),
        ("gp", ["gp[0,2)"]),
        ("日本ab", ["日本[0,6)", "本a[3,7)", "ab[6,8)"]),
        ("v2の", ["v2[0,2)", "2の[1,5)"]),
        ("市 役所", ["市[0,3)", "市 役[0,7)", "役所[4,10)"]),
        ("市  役所", ["市[0,3)", "市  役[0,8)", "役所[5,11)"]),
        ("防災 ", ["防災[0,6)"]),
        (" 市 ", ["市[1,4)"]),
        ("hi know", ["hi[0,2)", "i[1,2)", "i k[1,4)", "kno[3,6)", "now[4,7)"]),
    ])
    func queryMode(input: String, expected: [String]) {
        #expect(BigramTokenizer.tokens(in: input, mode: .query).map(\.description) == expected)
    }

    @Test func offsetsPointIntoTheOriginalText() {
        let normalized = Normalizer.normalizeWithMap("ＷＡＯＮｶｰﾄﾞ")
        let tokens = BigramTokenizer.tokens(in: normalized, mode: .document)
        #expect(tokens.map(\.text) == ["wao", "aon", "on", "nカ", "カー", "ード", "ド"])
        // ＷＡＯＮ is 3 bytes a letter; ｶ ｰ are 3 bytes; ﾄﾞ is two half-width characters, 6 bytes.
        #expect(tokens.map(\.byteRange) == [0..<9, 3..<12, 6..<12, 9..<15, 12..<18, 15..<24, 18..<24])
    }

    /// Every token of every seed page covers exactly the bytes it names.
    @Test func offsetsMatchTokenBytesOnTheCorpus() throws {
        for (name, text) in try Fixtures.corpusTexts() {
            let normalized = Normalizer.normalize(text)
            let bytes = Array(normalized.utf8)
            for token in BigramTokenizer.tokens(in: normalized, mode: .document) {
                let covered = String(decoding: bytes[token.byteRange], as: UTF8.self)
                #expect(covered == token.text, "\(name) \(token)")
            }
        }
    }

    @Test(arguments: [
        ("市", true), ("日野 市", true), ("日野市", false), ("a b", true), ("ab cd", true), ("abc", false),
        ("日本ab", true), ("日本abc", false), ("ab日本", false), ("a日", false), ("市 ", true), ("", false),
    ])
    func prefixLastToken(term: String, expected: Bool) {
        #expect(BigramTokenizer.endsWithPrefixToken(term) == expected)
    }

    @Test func blanks() {
        #expect(!BigramTokenizer.hasOuterBlank("hi know"))
        #expect(BigramTokenizer.hasOuterBlank(" 市"))
        #expect(BigramTokenizer.hasOuterBlank("市 "))
        #expect(!BigramTokenizer.hasOuterBlank("日野市"))
        #expect(!BigramTokenizer.hasSearchableCharacter(" \t"))
        #expect(BigramTokenizer.hasSearchableCharacter(" a "))
    }

    /// The character index gets each distinct non-blank character once, at its first place.
    @Test func charactersOnceEach() {
        var text = "日野市と日野 𠮷野家\tの𠮷"
        let tokens = text.withUTF8 { bytes in
            var found: [String] = []
            CharacterTokenizer.tokenize(bytes) { start, end in
                found.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                return true
            }
            return found
        }
        #expect(tokens == ["日", "野", "市", "と", "𠮷", "家", "の"])
    }

    /// A term's query tokens, consecutive in a text's document tokens (the last one as a
    /// prefix when `endsWithPrefixToken`), match exactly where the text contains the term:
    /// every substring of many small texts mixing ASCII, kana and blanks, and strings that
    /// are not in them.
    @Test func queryTokensMatchExactlyTheTextsThatContainTheTerm() {
        var random = SplitMix64(state: 11)
        let alphabet: [Character] = ["a", "b", "1", " ", "a", "の", "市", "b", " "]
        var checked = 0, found = 0
        for _ in 0..<500 {
            let text = String((0..<Int.random(in: 1...14, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
            let document = BigramTokenizer.tokens(in: text, mode: .document).map(\.text)
            let characters = Array(text)
            var terms: [String] = []
            for start in characters.indices {
                for end in (start + 1)...characters.count { terms.append(String(characters[start..<end])) }
            }
            for _ in 0..<20 {
                terms.append(String((0..<Int.random(in: 2...7, using: &random)).map { _ in alphabet.randomElement(using: &random)! }))
            }
            for term in terms where !BigramTokenizer.hasOuterBlank(term) && BigramTokenizer.hasSearchableCharacter(term) {
                let query = BigramTokenizer.tokens(in: term, mode: .query).map(\.text)
                let prefix = BigramTokenizer.endsWithPrefixToken(term)
                let matches = document.indices.contains { position in
                    query.enumerated().allSatisfy { offset, token in
                        let at = position + offset
                        guard at < document.count else { return false }
                        return prefix && offset == query.count - 1 ? document[at].hasPrefix(token) : document[at] == token
                    }
                }
                #expect(matches == text.contains(term), "\(term.debugDescription) in \(text.debugDescription)")
                checked += 1
                if matches { found += 1 }
            }
        }
        #expect(checked > 10_000)
        #expect(found > 5_000)
    }
}
