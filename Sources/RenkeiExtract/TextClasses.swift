internal import RenkeiCore

/// Character classes for finding where a name begins and ends in Japanese text. Text is
/// read as Unicode scalars after NFC: comparing scalars is integer work, comparing
/// `Character`s is string work, and this runs over every character of every page.
enum TextClasses {
    static func isKanji(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        return (0x4E00...0x9FFF).contains(v) || v == 0x3005 || (0x3400...0x4DBF).contains(v) || (0xF900...0xFAFF).contains(v)
    }

    static func isKatakana(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        // ・ (U+30FB) sits in the katakana block but separates words.
        return ((0x30A0...0x30FF).contains(v) && v != 0x30FB) || (0xFF66...0xFF9F).contains(v)
    }

    static func isHiragana(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        return (0x3041...0x309F).contains(v)
    }

    static func isLatin(_ c: Unicode.Scalar) -> Bool {
        (0x41...0x5A).contains(c.value) || (0x61...0x7A).contains(c.value)
    }

    static func isLatinOrDigit(_ c: Unicode.Scalar) -> Bool {
        isLatin(c) || (0x30...0x39).contains(c.value)
    }

    /// Hiragana that end a name when read backwards: particles.
    static let particles: ScalarSet = ["の", "は", "が", "を", "に", "で", "と", "や", "へ", "も", "か"]

    /// Characters that may stand inside a name besides kanji, kana and Latin letters.
    static let nameSymbols: ScalarSet = ["・", "ー", "&", "＆", "-", "'", "’", "ヶ", "ケ"]

    /// Can `c` be part of a name (hiragana is judged separately)?
    static func isNameCharacter(_ c: Unicode.Scalar) -> Bool {
        isKanji(c) || isKatakana(c) || isLatinOrDigit(c) || nameSymbols.contains(c)
    }
}

extension Unicode.Scalar {
    var isNumber: Bool { properties.numericType != nil }
    var isWhitespace: Bool { properties.isWhitespace }
}

extension String {
    /// A string of these scalars.
    init<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar {
        // Through UTF-8 bytes: appending to a UnicodeScalarView one scalar at a time is slow.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.underestimatedCount * 3)
        for scalar in scalars { UTF8Scanner.encode(scalar.value, into: &bytes) }
        self = String(decoding: bytes, as: UTF8.self)
    }
}

/// A set of scalars as a bitmap over the Basic Multilingual Plane: membership is a shift and
/// a mask, with no hashing, for the tests made at every character of every page.
struct ScalarSet: Sendable, ExpressibleByArrayLiteral {
    private var words = [UInt64](repeating: 0, count: 1024)
    private var others: Set<UInt32> = []

    init(_ scalars: some Sequence<Unicode.Scalar>) {
        for scalar in scalars { insert(scalar) }
    }

    init(arrayLiteral elements: Unicode.Scalar...) {
        self.init(elements)
    }

    mutating func insert(_ scalar: Unicode.Scalar) {
        let value = scalar.value
        if value < 0x10000 { words[Int(value >> 6)] |= 1 << UInt64(value & 63) } else { others.insert(value) }
    }

    @inline(__always)
    func contains(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x10000 { return words[Int(value >> 6)] & (1 << UInt64(value & 63)) != 0 }
        return others.contains(value)
    }
}
