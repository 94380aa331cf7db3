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
    static let particles: Set<Unicode.Scalar> = ["の", "は", "が", "を", "に", "で", "と", "や", "へ", "も", "か"]

    /// Characters that may stand inside a name besides kanji, kana and Latin letters.
    static let nameSymbols: Set<Unicode.Scalar> = ["・", "ー", "&", "＆", "-", "'", "’", "ヶ", "ケ"]

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
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        self.init(view)
    }
}
