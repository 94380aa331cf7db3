/// A text after `Normalizer`, remembering for every byte which bytes of the original it came from.
///
/// Matching happens on `text`; highlights are drawn on `original` through
/// `originalByteRange(of:)`, so the query ＷＡＯＮ marks the WAON the page wrote.
package struct NormalizedText: Sendable {
    package let original: String
    package let text: String
    private let map: SourceMap

    init(original: String, text: String, map: SourceMap?) {
        self.original = original
        self.text = text
        self.map = map ?? SourceMap()
    }

    /// The UTF-8 byte range of `original` that produced the bytes `normalized` of `text`.
    ///
    /// The range always covers whole original characters: a match on カ inside ガ that was
    /// written ｶﾞ covers both half-width characters.
    package func originalByteRange(of normalized: Range<Int>) -> Range<Int> {
        guard !normalized.isEmpty else {
            let anchor =
                normalized.lowerBound < text.utf8.count
                ? map.source(ofByte: normalized.lowerBound).lowerBound : original.utf8.count
            return anchor..<anchor
        }
        return map.source(ofByte: normalized.lowerBound).lowerBound..<map.source(ofByte: normalized.upperBound - 1).upperBound
    }

    /// Every byte range of `text` where `needle` (already normalised) occurs, overlapping ones included.
    package func occurrences(of needle: String) -> [Range<Int>] {
        ByteSearch.occurrences(of: needle, in: text)
    }
}

/// Where the bytes of a normalised text came from, as few pieces as it can: a run of
/// characters that kept their length (ASCII, kana, kanji — most of any text) is one piece
/// whose bytes map one to one, and only a character that changed length gets a piece of its
/// own, every byte of which comes from the whole source character or cluster. A byte per
/// byte map (two integers for each) cost more to build than the normalisation itself.
struct SourceMap: Sendable {
    /// Where each piece starts in the output, ascending.
    private var outputStarts: [Int32] = []
    private var sourceStarts: [Int32] = []
    private var sourceEnds: [Int32] = []
    /// Whether the piece's bytes map one to one (else each maps to the whole source range).
    private var byteForByte: [Bool] = []

    /// Records that `length` output bytes from `output` on came from `source`.
    @inline(__always)
    mutating func append(output: Int, length: Int, source: Range<Int>, byteForByte oneToOne: Bool) {
        if oneToOne, let last = byteForByte.indices.last, byteForByte[last], Int(sourceEnds[last]) == source.lowerBound,
            Int(sourceEnds[last] - sourceStarts[last]) == output - Int(outputStarts[last])
        {
            sourceEnds[last] = Int32(source.upperBound)
            return
        }
        outputStarts.append(Int32(output))
        sourceStarts.append(Int32(source.lowerBound))
        sourceEnds.append(Int32(source.upperBound))
        byteForByte.append(oneToOne)
    }

    /// The source bytes the output byte at `index` came from.
    func source(ofByte index: Int) -> Range<Int> {
        // The last piece starting at or before `index`.
        var low = 0, high = outputStarts.count
        while low < high {
            let middle = (low + high) / 2
            if Int(outputStarts[middle]) <= index { low = middle + 1 } else { high = middle }
        }
        let piece = low - 1
        guard piece >= 0 else { return 0..<0 }
        guard byteForByte[piece] else { return Int(sourceStarts[piece])..<Int(sourceEnds[piece]) }
        let start = Int(sourceStarts[piece]) + index - Int(outputStarts[piece])
        return start..<(start + 1)
    }
}
