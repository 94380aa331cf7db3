/// Character classes for finding where a name begins and ends in Japanese text.
enum TextClasses {
    static func isKanji(_ c: Character) -> Bool {
        guard let v = c.unicodeScalars.first?.value else { return false }
        return (0x4E00...0x9FFF).contains(v) || v == 0x3005 || (0x3400...0x4DBF).contains(v) || (0xF900...0xFAFF).contains(v)
    }

    static func isKatakana(_ c: Character) -> Bool {
        guard let v = c.unicodeScalars.first?.value else { return false }
        // ・ (U+30FB) sits in the katakana block but separates words.
        return ((0x30A0...0x30FF).contains(v) && v != 0x30FB) || (0xFF66...0xFF9F).contains(v)
    }

    static func isHiragana(_ c: Character) -> Bool {
        guard let v = c.unicodeScalars.first?.value else { return false }
        return (0x3041...0x309F).contains(v)
    }

    static func isLatin(_ c: Character) -> Bool {
        c.isASCII && c.isLetter
    }

    static func isLatinOrDigit(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber)
    }

    /// Hiragana that end a name when read backwards: particles.
    static let particles: Set<Character> = ["の", "は", "が", "を", "に", "で", "と", "や", "へ", "も", "か"]

    /// Characters that may stand inside a name besides kanji, kana and Latin letters.
    static let nameSymbols: Set<Character> = ["・", "ー", "&", "＆", "-", "'", "’", "ヶ", "ケ"]

    /// Can `c` be part of a name (hiragana is judged separately)?
    static func isNameCharacter(_ c: Character) -> Bool {
        isKanji(c) || isKatakana(c) || isLatinOrDigit(c) || nameSymbols.contains(c)
    }
}
