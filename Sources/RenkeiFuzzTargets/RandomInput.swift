/// A seeded source of random inputs shaped like what Renkei reads: Japanese and ASCII text
/// with the characters that break normalisers and tokenizers (half-width kana and their
/// sound marks, combining marks, variation selectors, controls, blanks of every kind,
/// supplementary-plane characters, iteration marks), markup fragments, and raw bytes.
///
/// Seeded, it is SplitMix64's sequence. Given a coverage-guided fuzzer's bytes instead
/// (`init(fuzzerData:)`), every choice is read from those bytes, so the fuzzer's mutations
/// steer the same generator towards new code; past their end every choice is the first one.
package struct RandomInput {
    private var state: UInt64
    private var fuzzerData: [UInt8]?
    private var position = 0

    package init(seed: UInt64) {
        state = seed &+ 0x9E37_79B9_7F4A_7C15
    }

    package init(fuzzerData: [UInt8]) {
        state = 0
        self.fuzzerData = fuzzerData
    }

    /// SplitMix64: small, fast, and the same sequence on every machine for a seed.
    mutating func next() -> UInt64 {
        if let data = fuzzerData {
            // Four bytes a choice: bounds here stay far below 2^32.
            var value: UInt64 = 0
            for _ in 0..<4 {
                value = value << 8 | UInt64(position < data.count ? data[position] : 0)
                position += 1
            }
            return value
        }
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }

    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

    /// Scalar ranges drawn from, with weights.
    private static let classes: [(weight: Int, ranges: [ClosedRange<UInt32>])] = [
        (20, [0x20...0x7E]), // ASCII
        (15, [0x3041...0x3096, 0x30A1...0x30FA, 0x30FC...0x30FE]), // kana, ー, ヽヾ
        (15, [0x4E00...0x9FFF]), // kanji
        (6, [0xFF61...0xFF9F]), // half-width katakana, ﾞ ﾟ
        (6, [0xFF01...0xFF5E]), // full-width ASCII
        (5, [0x3000...0x303F]), // CJK punctuation, 々 〆, ideographic space
        (5, [0x0009...0x000D, 0x0085...0x0085, 0x00A0...0x00A0, 0x2000...0x200D, 0x2028...0x2029, 0xFEFF...0xFEFF]), // blanks
        (4, [0x0300...0x036F, 0x3099...0x309C]), // combining marks, kana sound marks
        (3, [0xFE00...0xFE0F, 0xE0100...0xE01EF]), // variation selectors
        (3, [0x0000...0x0008, 0x000E...0x001F, 0x007F...0x009F]), // controls
        (3, [0x2460...0x24FF, 0x3200...0x33FF]), // ①, ㈱, ㍿ and other compatibility forms
        (3, [0x1F300...0x1FAFF, 0x20000...0x2A6DF]), // emoji, CJK extension B
        (2, [0x00C0...0x024F, 0x0370...0x03FF, 0x0400...0x04FF]), // Latin, Greek, Cyrillic with cases
        (2, [0xF900...0xFAFF, 0x2F00...0x2FDF]), // compatibility ideographs, radicals
        (1, [0xFFF0...0xFFFD]), // specials
    ]
    private static let totalWeight = classes.reduce(0) { $0 + $1.weight }

    mutating func scalar() -> Unicode.Scalar {
        var pick = below(Self.totalWeight)
        for entry in Self.classes {
            if pick < entry.weight {
                let range = entry.ranges[below(entry.ranges.count)]
                let value = range.lowerBound + UInt32(below(Int(range.upperBound - range.lowerBound) + 1))
                return Unicode.Scalar(value) ?? "?"
            }
            pick -= entry.weight
        }
        return "?"
    }

    /// Text of up to `maximum` scalars; now and then a run of one character, or words from `words`.
    mutating func text(maximum: Int = 64, words: [String] = []) -> String {
        var result = String.UnicodeScalarView()
        let length = below(maximum + 1)
        while result.count < length {
            if !words.isEmpty, chance(15) {
                result.append(contentsOf: words[below(words.count)].unicodeScalars)
            } else if chance(5) {
                let repeated = scalar()
                for _ in 0..<(1 + below(6)) { result.append(repeated) }
            } else {
                result.append(scalar())
            }
        }
        return String(result)
    }

    /// Bytes: valid UTF-8 text, mangled now and then (cut, bytes flipped or inserted).
    mutating func bytes(maximum: Int = 256, words: [String] = []) -> [UInt8] {
        var bytes = Array(text(maximum: maximum / 2, words: words).utf8)
        if chance(30), !bytes.isEmpty { bytes.removeLast(below(bytes.count)) }
        if chance(30) {
            for _ in 0..<(1 + below(4)) where !bytes.isEmpty { bytes[below(bytes.count)] = UInt8(truncatingIfNeeded: next()) }
        }
        if chance(10) { bytes += (0..<below(32)).map { _ in UInt8(truncatingIfNeeded: next()) } }
        return bytes
    }
}
