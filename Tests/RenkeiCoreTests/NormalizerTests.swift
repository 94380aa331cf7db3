import Foundation
import RenkeiTestSupport
import Testing

@testable import RenkeiCore

@Suite struct NormalizerTests {
    @Test(arguments: [
        ("ＷＡＯＮ", "waon"),
        ("ﾍﾙｽｹｱ", "ヘルスケア"),
        ("ｶﾞｲﾄﾞﾌﾞｯｸ", "ガイドブック"),
        ("ﾊﾟﾝﾌﾚｯﾄ", "パンフレット"),
        ("①②③", "123"),
        ("㈱日野", "(株)日野"),
        ("㍻26年", "平成26年"),
        ("令和\u{3000}5年", "令和 5年"),
        ("令和５年度", "令和5年度"),
        ("ＳＤＧｓ", "sdgs"),
        ("KDDI株式会社", "kddi株式会社"),
        ("髙橋", "髙橋"),
        ("～", "~"),
        ("〜", "〜"),
        ("か\u{3099}", "が"),
        ("Cafe\u{0301}", "café"),
        ("", ""),
    ])
    func normalizes(input: String, expected: String) {
        #expect(Normalizer.normalize(input) == expected)
        #expect(Normalizer.normalizeWithMap(input).text == expected)
    }

    /// Each fast-path character must map exactly as Foundation's NFKC + NFC + lower-casing does.
    @Test func fastPathAgreesWithFoundation() {
        var disagreements: [String] = []
        let ranges: [ClosedRange<UInt32>] = [0x20...0x7E, 0x3000...0x30FF, 0x4E00...0x9FFF, 0xFF01...0xFF5E]
        for range in ranges {
            for value in range {
                guard let mapped = Normalizer.fastMapping(value), let scalar = Unicode.Scalar(value) else { continue }
                let expected = Self.foundation(String(Character(scalar)))
                if expected.unicodeScalars.map(\.value) != [mapped] {
                    disagreements.append(String(value, radix: 16))
                }
            }
        }
        #expect(disagreements.isEmpty)
    }

    /// Normalising cluster by cluster gives what normalising the whole text at once gives.
    @Test func clusterwiseEqualsWholeText() throws {
        var texts = try Fixtures.corpusTexts().map(\.text)
        texts += ["ｶﾞｷﾞｸﾞ ﾊﾟﾋﾟ", "ﾞ先頭", "か\u{3099}き\u{309A}", "\u{1100}\u{1161}\u{11A8}한", "ÅΩ①㈱㍻ﬁ", "A\u{0301}\u{0323}B"]
        for text in texts {
            #expect(Normalizer.normalize(text) == Self.foundation(text))
        }
    }

    /// Every occurrence of every two-character piece of a normalised text maps back to whole
    /// characters of the original whose normal form contains it: the sparse map holds for
    /// every line of the seed pages and for text whose characters change length.
    @Test func mapsOccurrencesBackToWholeCharacters() throws {
        var lines = try Fixtures.corpusTexts().flatMap { $0.text.split(separator: "\n").map(String.init) }
        lines += ["ＷＡＯＮカードとｶﾞｲﾄﾞ①㈱", "㍻元年ＡＢＣabc日野市ﾍﾙｽｹｱ", "Cafe\u{0301}のＫＤＤＩ", "か\u{3099}き\u{309A}く"]
        var checked = 0
        var wrong: [String] = []
        for line in lines {
            let normalized = Normalizer.normalizeWithMap(line)
            let utf8 = Array(line.utf8)
            let scalars = Array(normalized.text.unicodeScalars)
            for start in scalars.indices.dropLast() {
                var needle = String.UnicodeScalarView()
                needle.append(contentsOf: scalars[start...(start + 1)])
                for occurrence in normalized.occurrences(of: String(needle)) {
                    let range = normalized.originalByteRange(of: occurrence)
                    let onBoundaries = [range.lowerBound, range.upperBound].allSatisfy { $0 == utf8.count || utf8[$0] & 0xC0 != 0x80 }
                    let source = onBoundaries ? String(decoding: utf8[range], as: UTF8.self) : ""
                    if !onBoundaries || !ByteSearch.contains(String(needle), in: Normalizer.normalize(source)) {
                        wrong.append("\(String(needle)) in \(line.prefix(40))")
                    }
                    checked += 1
                }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
        #expect(checked > 10_000)
    }

    @Test func mapsEveryOutputToTheBytesItCameFrom() {
        let wide = Normalizer.normalizeWithMap("日野ＷＡＯＮ")
        let waon = wide.occurrences(of: "waon")
        #expect(waon.count == 1)
        #expect(wide.originalByteRange(of: waon[0]) == 6..<18)

        let voiced = Normalizer.normalizeWithMap("ｶﾞ") // two inputs, one output
        #expect(voiced.text == "ガ")
        #expect(voiced.originalByteRange(of: 0..<3) == 0..<6)

        let era = Normalizer.normalizeWithMap("㍻元年") // one input, two outputs
        #expect(era.text == "平成元年")
        #expect(era.originalByteRange(of: 0..<3) == 0..<3)
        #expect(era.originalByteRange(of: 3..<6) == 0..<3)
        #expect(era.originalByteRange(of: 6..<9) == 3..<6)
    }

    static func foundation(_ text: String) -> String {
        text.precomposedStringWithCompatibilityMapping.precomposedStringWithCanonicalMapping.lowercased()
    }
}

@Suite struct CasePreservingNormalizerTests {
    @Test(arguments: [("ＫＤＤＩ株式会社", "KDDI株式会社"), ("KDDI", "KDDI"), ("ｶﾞｲﾄﾞ①", "ガイド1"), ("Ǆ", "DŽ"), ("ＳＤＧｓ", "SDGs")])
    func keepsCase(input: String, expected: String) {
        #expect(Normalizer.normalize(input, foldingCase: false) == expected)
    }

    /// Found by `renkei-fuzz`: Foundation on Linux composes a character above U+FFFF with a
    /// following mark as if it were its low 16 bits. Python's unicodedata is the reference.
    @Test(arguments: [
        ("\u{20041}\u{0301}", "\u{20041}\u{0301}"), ("\u{E017F}\u{0307}", "\u{E017F}\u{0307}"), ("\u{1D400}\u{0301}", "\u{E1}"),
        ("葛\u{E0100}\u{0307}", "葛\u{E0100}\u{0307}"), ("葛\u{E017F}\u{0307}", "葛\u{E017F}\u{0307}"),
    ])
    func charactersAboveTheBMPKeepTheirMarks(input: String, expected: String) {
        #expect(Normalizer.normalize(input) == expected)
        #expect(Normalizer.normalize(Normalizer.normalize(input)) == Normalizer.normalize(input))
        #expect(Normalizer.normalizeWithMap(input).text == expected)
    }
}
