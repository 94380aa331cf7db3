import Testing
import RenkeiTestSupport
@testable import RenkeiCore

@Suite struct BigramTokenizerTests {
    @Test(arguments: [
        ("地域活性化", ["地域[0,6)", "域活[3,9)", "活性[6,12)", "性化[9,15)", "化[12,15)"]),
        ("市", ["市[0,3)"]),
        ("防災 map", ["防災[0,6)", "災[3,6)", "災 m[3,8)", "ma[7,9)", "ap[8,10)", "p[9,10)"]),
        ("日野市2023年", ["日野[0,6)", "野市[3,9)", "市2[6,10)", "20[9,11)", "02[10,12)", "23[11,13)", "3年[12,16)", "年[13,16)"]),
        ("a\tb\nc", ["a[0,1)", "a\tb[0,3)", "b[2,3)", "b\nc[2,5)", "c[4,5)"]),
        ("042-585", ["04[0,2)", "42[1,3)", "2-[2,4)", "-5[3,5)", "58[4,6)", "85[5,7)", "5[6,7)"]),
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
        ("防災 map", ["防災[0,6)", "災[3,6)", "災 m[3,8)", "ma[7,9)", "ap[8,10)"]),
        ("市 役所", ["市[0,3)", "市 役[0,7)", "役所[4,10)"]),
        ("市  役所", ["市[0,3)", "市  役[0,8)", "役所[5,11)"]),
        ("防災 ", ["防災[0,6)"]),
        (" 市 ", ["市[1,4)"]),
        ("hi know", ["hi[0,2)", "i[1,2)", "i k[1,4)", "kn[3,5)", "no[4,6)", "ow[5,7)"]),
    ])
    func queryMode(input: String, expected: [String]) {
        #expect(BigramTokenizer.tokens(in: input, mode: .query).map(\.description) == expected)
    }

    @Test func offsetsPointIntoTheOriginalText() {
        let normalized = Normalizer.normalizeWithMap("ＷＡＯＮｶｰﾄﾞ")
        let tokens = BigramTokenizer.tokens(in: normalized, mode: .document)
        #expect(tokens.map(\.text) == ["wa", "ao", "on", "nカ", "カー", "ード", "ド"])
        // ＷＡＯＮ is 3 bytes a letter; ｶ ｰ are 3 bytes; ﾄﾞ is two half-width characters, 6 bytes.
        #expect(tokens.map(\.byteRange) == [0..<6, 3..<9, 6..<12, 9..<15, 12..<18, 15..<24, 18..<24])
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

    @Test(arguments: [("市", true), ("日野 市", true), ("日野市", false), ("a b", true), ("ab cd", false), ("市 ", true), ("", false)])
    func singleCharacterLastRun(term: String, expected: Bool) {
        #expect(BigramTokenizer.endsWithSingleCharacterRun(term) == expected)
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
}
