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
        var sink = ByteSink()
        sink.bytes.reserveCapacity(normalized.utf8.count)
        run(normalized, into: &sink)
        return String(decoding: sink.bytes, as: UTF8.self)
    }

    /// The fold of any text: `fold(normalized: Normalizer.normalize(text))`.
    package static func fold(_ text: String) -> String {
        fold(normalized: Normalizer.normalize(text))
    }

    /// The fold with, for every byte of it, the bytes of `normalized` it came from, so a
    /// match in the folded text can be highlighted where the page wrote it.
    package static func foldWithMap(normalized: String) -> FoldedText {
        var sink = MappedSink()
        run(normalized, into: &sink)
        return FoldedText(text: String(decoding: sink.bytes, as: UTF8.self), sourceStarts: sink.starts, sourceEnds: sink.ends)
    }

    /// Feeds `sink` every scalar of the fold with the byte range of `normalized` it came
    /// from. Generic over the sink so each caller gets a specialised loop (the index's fold
    /// runs over every unit at ingest).
    private static func run<Sink: FoldSink>(_ normalized: String, into sink: inout Sink) {
        let kanji = LooseTables.shared.kanjiTable
        var state = FoldState()
        var offset = 0
        for scalar in normalized.unicodeScalars {
            let width = UTF8.width(scalar)
            let source = offset..<(offset + width)
            offset += width
            // Step 1: variation selectors go.
            let value = scalar.value
            if value >= 0xFE00, isVariationSelector(scalar) { continue }
            // Step 2: 々 repeats the character before it.
            var current = scalar
            if value == 0x3005, let repeated = state.previous {
                current = repeated
            } else {
                state.previous = scalar
            }
            // Step 3: katakana become hiragana.
            let currentValue = current.value
            if currentValue >= 0x30A1, currentValue <= 0x30FE {
                if currentValue <= 0x30F6 || currentValue >= 0x30FD {
                    state.afterKana(Unicode.Scalar(currentValue - 0x60)!, source, kanji, &sink)
                    continue
                }
                if currentValue <= 0x30FA {
                    state.afterKana(["わ", "ゐ", "ゑ", "を"][Int(currentValue - 0x30F7)], source, kanji, &sink)
                    state.afterKana("\u{3099}", source, kanji, &sink)
                    continue
                }
            }
            state.afterKana(current, source, kanji, &sink)
        }
        state.flush(kanji, &sink)
    }

    static func isVariationSelector(_ scalar: Unicode.Scalar) -> Bool {
        (0xFE00...0xFE0F).contains(scalar.value) || (0xE0100...0xE01EF).contains(scalar.value)
    }

    /// Python's `str.isspace()`, character for character (`White_Space` and U+001C–U+001F).
    @inline(__always)
    static func isBlank(_ value: UInt32) -> Bool {
        if value < 0x80 { return (0x09...0x0D).contains(value) || (0x1C...0x20).contains(value) }
        switch value {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    @inline(__always)
    static func isDash(_ value: UInt32) -> Bool {
        value == 0x2D || (0x2010...0x2015).contains(value) || value == 0x2212 || value == 0x30FC
    }

    /// ぁぃぅぇぉっゃゅょゎゕゖ → あいうえおつやゆよわかけ.
    @inline(__always)
    static func fullSize(_ value: UInt32) -> UInt32 {
        switch value {
        case 0x3041, 0x3043, 0x3045, 0x3047, 0x3049: value + 1
        case 0x3063, 0x3083, 0x3085, 0x3087, 0x308E: value + 1
        case 0x3095: 0x304B
        case 0x3096: 0x3051
        default: value
        }
    }
}

/// What the fold's steps 4 to 8 remember between characters.
private struct FoldState {
    /// The last character after step 1, for 々 (step 2), before kana conversion.
    var previous: Unicode.Scalar?
    /// A ゔ waiting for the character after it (step 4), with where it came from.
    var pendingV: Range<Int>?

    /// Step 4: ゔ joins a following small ぁぃぇぉ; a lone ゔ is ぶ.
    @inline(__always)
    mutating func afterKana<Sink: FoldSink>(_ scalar: Unicode.Scalar, _ source: Range<Int>, _ kanji: KanjiTable, _ sink: inout Sink) {
        if let waiting = pendingV {
            pendingV = nil
            let joined: UInt32? =
                switch scalar.value {
                case 0x3041: 0x3070
                case 0x3043: 0x3073
                case 0x3047: 0x3079
                case 0x3049: 0x307C
                default: nil
                }
            if let joined {
                Self.finish(joined, waiting.lowerBound..<source.upperBound, kanji, &sink)
                return
            }
            Self.finish(0x3076, waiting, kanji, &sink)
        }
        if scalar.value == 0x3094 {
            pendingV = source
            return
        }
        Self.finish(scalar.value, source, kanji, &sink)
    }

    mutating func flush<Sink: FoldSink>(_ kanji: KanjiTable, _ sink: inout Sink) {
        if let waiting = pendingV { Self.finish(0x3076, waiting, kanji, &sink) }
        pendingV = nil
    }

    /// Steps 5 to 8: blanks and middle dots go, dashes become ー, small kana full size,
    /// kanji variants their folded form.
    @inline(__always)
    static func finish<Sink: FoldSink>(_ value: UInt32, _ source: Range<Int>, _ kanji: KanjiTable, _ sink: inout Sink) {
        if value < 0x80 {
            if LooseFold.isBlank(value) { return }
            sink.emit(value == 0x2D ? "ー" : Unicode.Scalar(UInt8(value)), from: source)
            return
        }
        if LooseFold.isBlank(value) || value == 0x30FB || value == 0xFF65 || value == 0xB7 { return }
        if LooseFold.isDash(value) {
            sink.emit("ー", from: source)
            return
        }
        let folded = kanji.fold(LooseFold.fullSize(value))
        sink.emit(Unicode.Scalar(folded)!, from: source)
    }
}

/// Where the fold's characters go.
private protocol FoldSink {
    mutating func emit(_ scalar: Unicode.Scalar, from source: Range<Int>)
}

private struct ByteSink: FoldSink {
    var bytes: [UInt8] = []

    @inline(__always)
    mutating func emit(_ scalar: Unicode.Scalar, from source: Range<Int>) {
        if scalar.value < 0x80 {
            bytes.append(UInt8(scalar.value))
        } else {
            bytes.append(contentsOf: UTF8.encode(scalar)!)
        }
    }
}

private struct MappedSink: FoldSink {
    var bytes: [UInt8] = []
    var starts: [Int32] = []
    var ends: [Int32] = []

    mutating func emit(_ scalar: Unicode.Scalar, from source: Range<Int>) {
        let before = bytes.count
        bytes.append(contentsOf: UTF8.encode(scalar)!)
        for _ in before..<bytes.count {
            starts.append(Int32(source.lowerBound))
            ends.append(Int32(source.upperBound))
        }
    }
}

/// Kanji variants (`itaiji.tsv`) as a flat table over the ideograph blocks where they all
/// are, and a dictionary for any outside them: a lookup per kanji of every unit at ingest.
struct KanjiTable: Sendable {
    static let base: UInt32 = 0x3400
    static let end: UInt32 = 0xA000
    /// The folded form of `base + i`, or 0 when it folds to itself.
    let flat: [UInt32]
    let others: [UInt32: UInt32]

    init(_ pairs: [Unicode.Scalar: Unicode.Scalar]) {
        var flat = [UInt32](repeating: 0, count: Int(Self.end - Self.base))
        var others: [UInt32: UInt32] = [:]
        for (variant, folded) in pairs {
            if variant.value >= Self.base, variant.value < Self.end {
                flat[Int(variant.value - Self.base)] = folded.value
            } else {
                others[variant.value] = folded.value
            }
        }
        self.flat = flat
        self.others = others
    }

    @inline(__always)
    func fold(_ value: UInt32) -> UInt32 {
        if value >= Self.base, value < Self.end {
            let folded = flat[Int(value - Self.base)]
            return folded == 0 ? value : folded
        }
        return others.isEmpty || value < Self.base ? value : (others[value] ?? value)
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

/// What the loose index records of a text: the character pairs and the characters of its
/// fold that the exact indexes do not already hold as written. A pair of the fold whose two
/// characters were written as they fold, side by side, is a bigram of the normalised text,
/// which the exact bigram index finds; every other pair (around a katakana, a small kana, a
/// dash, a kanji variant, a removed blank or dot, a 々 or a ゔ) is listed here, once. So a
/// folded window is in a unit's fold only if the exact index or this list has it, and the
/// loose index stays a fraction of the exact one.
package struct LooseChanges: Sendable {
    /// Pairs of characters, two scalars each, concatenated.
    package var pairs: String
    /// Characters of the fold that the text did not write as such, concatenated.
    package var characters: String

    /// The changes of texts folded separately (a unit's title and body), merged.
    package init(normalized texts: [String]) {
        var sink = ChangeSink()
        for text in texts where !text.isEmpty {
            sink.start(text)
            LooseFold.runForChanges(text, into: &sink)
        }
        var pairs = String.UnicodeScalarView(), characters = String.UnicodeScalarView()
        for pair in sink.pairs.sorted() {
            pairs.append(Unicode.Scalar(UInt32(pair >> 32))!)
            pairs.append(Unicode.Scalar(UInt32(pair & 0xFFFF_FFFF))!)
        }
        for character in sink.characters.sorted() { characters.append(Unicode.Scalar(character)!) }
        self.pairs = String(pairs)
        self.characters = String(characters)
    }
}

extension LooseFold {
    fileprivate static func runForChanges(_ normalized: String, into sink: inout ChangeSink) {
        run(normalized, into: &sink)
    }
}

/// Collects `LooseChanges` as the fold is made.
private struct ChangeSink: FoldSink {
    var pairs = Set<UInt64>()
    var characters = Set<UInt32>()
    private var source: [UInt8] = []
    private var previous: (value: UInt32, unchanged: Bool, end: Int)?

    mutating func start(_ text: String) {
        source = Array(text.utf8)
        previous = nil
    }

    mutating func emit(_ scalar: Unicode.Scalar, from range: Range<Int>) {
        let unchanged = range.count == UTF8.width(scalar) && source[range].elementsEqual(UTF8.encode(scalar)!)
        if !unchanged { characters.insert(scalar.value) }
        if let previous, !(previous.unchanged && unchanged && previous.end == range.lowerBound) {
            pairs.insert(UInt64(previous.value) << 32 | UInt64(scalar.value))
        }
        previous = (scalar.value, unchanged, range.upperBound)
    }
}
