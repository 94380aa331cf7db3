internal import Foundation

/// The loose layer's fold: what 表記ゆれ a loose search forgives. Its contract is
/// `../shared/bench/peers/loose_fold.py`, which this equals byte for byte
/// (`LooseFoldTests` checks every kana, dash, blank and variant character and the text of
/// every seed and dev-set page against a table the Python reference wrote).
///
/// On text the exact layer has normalised (`Normalizer`: NFKC, lower case), in this order:
/// 1. variation selectors are removed (葛 followed by U+E0100 is 葛);
/// 2. 々 repeats the character before it (佐々木 → 佐佐木; a leading 々 stays);
/// 3. katakana become hiragana (ヷヸヹヺ become わ゙ ゐ゙ ゑ゙ を゙, two characters each);
/// 4. v-sounds: ゔぁ ゔぃ ゔぇ ゔぉ ゔ → ば び べ ぼ ぶ;
/// 5. small kana become full size (ヶ, ヵ and ケ all fold to け);
/// 6. dashes and the prolonged sound mark become ー;
/// 7. blanks (Python's `str.isspace`) and middle dots are removed;
/// 8. kanji variants become their folded form (`itaiji.tsv`: 髙 → 高, 﨑 → 崎, 邊 → 辺).
///
/// Nothing else is folded: 埼 and 崎 stay apart because the table keeps them apart.
package enum LooseFold {
    /// The fold of text already normalised by `Normalizer.normalize`.
    package static func fold(normalized: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(normalized.utf8.count)
        run(normalized) { scalar, _ in append(scalar, to: &output) }
        return String(decoding: output, as: UTF8.self)
    }

    /// The fold of any text: `fold(normalized: Normalizer.normalize(text))`.
    package static func fold(_ text: String) -> String {
        fold(normalized: Normalizer.normalize(text))
    }

    /// The fold with, for every byte of it, the bytes of `normalized` it came from, so a
    /// match in the folded text can be highlighted where the page wrote it.
    package static func foldWithMap(normalized: String) -> FoldedText {
        var output: [UInt8] = []
        var starts: [Int32] = []
        var ends: [Int32] = []
        output.reserveCapacity(normalized.utf8.count)
        run(normalized) { scalar, source in
            let before = output.count
            append(scalar, to: &output)
            for _ in before..<output.count {
                starts.append(Int32(source.lowerBound))
                ends.append(Int32(source.upperBound))
            }
        }
        return FoldedText(text: String(decoding: output, as: UTF8.self), sourceStarts: starts, sourceEnds: ends)
    }

    /// Calls `emit` with every scalar of the fold and the byte range of `normalized` it came from.
    private static func run(_ normalized: String, emit: (Unicode.Scalar, Range<Int>) -> Void) {
        var offset = 0
        // The last character after step 1, for 々 (step 2), before kana conversion.
        var previous: Unicode.Scalar?
        // A ゔ waiting for the character after it (step 4).
        var pendingV: Range<Int>?

        func finish(_ scalar: Unicode.Scalar, _ source: Range<Int>) {
            // Steps 5 to 8.
            if isBlank(scalar) || scalar == "・" || scalar == "\u{FF65}" || scalar == "\u{00B7}" { return }
            var folded = scalar
            if isDash(folded) { folded = "ー" }
            folded = smallKana[folded] ?? folded
            folded = kanjiVariant(of: folded)
            emit(folded, source)
        }

        func afterKana(_ scalar: Unicode.Scalar, _ source: Range<Int>) {
            // Step 4: ゔ joins a following small ぁぃぇぉ.
            if let waiting = pendingV {
                pendingV = nil
                if let joined = vSound[scalar] {
                    finish(joined, waiting.lowerBound..<source.upperBound)
                    return
                }
                finish("ぶ", waiting)
            }
            if scalar == "ゔ" {
                pendingV = source
                return
            }
            finish(scalar, source)
        }

        func convert(_ scalar: Unicode.Scalar, _ source: Range<Int>) {
            // Step 3.
            let value = scalar.value
            if (0x30A1...0x30F6).contains(value) || value == 0x30FD || value == 0x30FE {
                afterKana(Unicode.Scalar(value - 0x60)!, source)
            } else if (0x30F7...0x30FA).contains(value) {
                afterKana(["わ", "ゐ", "ゑ", "を"][Int(value - 0x30F7)], source)
                afterKana("\u{3099}", source)
            } else {
                afterKana(scalar, source)
            }
        }

        for scalar in normalized.unicodeScalars {
            let width = UTF8.width(scalar)
            let source = offset..<(offset + width)
            offset += width
            // Step 1.
            if isVariationSelector(scalar) { continue }
            // Step 2.
            if scalar == "々", let repeated = previous {
                convert(repeated, source)
                continue
            }
            previous = scalar
            convert(scalar, source)
        }
        if let waiting = pendingV { finish("ぶ", waiting) }
    }

    @inline(__always)
    private static func append(_ scalar: Unicode.Scalar, to output: inout [UInt8]) {
        if scalar.isASCII {
            output.append(UInt8(scalar.value))
        } else {
            output.append(contentsOf: UTF8.encode(scalar)!)
        }
    }

    static func isVariationSelector(_ scalar: Unicode.Scalar) -> Bool {
        (0xFE00...0xFE0F).contains(scalar.value) || (0xE0100...0xE01EF).contains(scalar.value)
    }

    /// Python's `str.isspace()`: White_Space, and the separators U+001C to U+001F.
    static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        (0x1C...0x1F).contains(scalar.value) || scalar.properties.isWhitespace
    }

    static func isDash(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}", "ー": true
        default: false
        }
    }

    private static let smallKana: [Unicode.Scalar: Unicode.Scalar] = [
        "ぁ": "あ", "ぃ": "い", "ぅ": "う", "ぇ": "え", "ぉ": "お", "っ": "つ", "ゃ": "や", "ゅ": "ゆ", "ょ": "よ", "ゎ": "わ",
        "ゕ": "か", "ゖ": "け",
    ]

    private static let vSound: [Unicode.Scalar: Unicode.Scalar] = ["ぁ": "ば", "ぃ": "び", "ぇ": "べ", "ぉ": "ぼ"]

    /// The folded form of a kanji variant, or the character itself.
    @inline(__always)
    static func kanjiVariant(of scalar: Unicode.Scalar) -> Unicode.Scalar {
        guard scalar.value >= 0x3400 else { return scalar }
        return LooseTables.shared.kanji[scalar] ?? scalar
    }
}

/// A folded text with, for every byte, the bytes of the normalised text it came from.
package struct FoldedText: Sendable {
    package let text: String
    let sourceStarts: [Int32]
    let sourceEnds: [Int32]

    /// The byte range of the normalised text that produced the bytes `folded` of `text`.
    package func normalizedByteRange(of folded: Range<Int>) -> Range<Int> {
        guard !folded.isEmpty, folded.upperBound <= sourceStarts.count else {
            let anchor = folded.lowerBound < sourceStarts.count ? Int(sourceStarts[folded.lowerBound]) : Int(sourceEnds.last ?? 0)
            return anchor..<anchor
        }
        return Int(sourceStarts[folded.lowerBound])..<Int(sourceEnds[folded.upperBound - 1])
    }
}
