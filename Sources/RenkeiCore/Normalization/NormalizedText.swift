/// A text after `Normalizer`, remembering for every byte which bytes of the original it came from.
///
/// Matching happens on `text`; highlights are drawn on `original` through
/// `originalByteRange(of:)`, so the query ＷＡＯＮ marks the WAON the page wrote.
package struct NormalizedText: Sendable {
    package let original: String
    package let text: String
    private let sourceStarts: [Int32]
    private let sourceEnds: [Int32]

    init(original: String, text: String, sourceStarts: [Int32], sourceEnds: [Int32]) {
        self.original = original
        self.text = text
        self.sourceStarts = sourceStarts
        self.sourceEnds = sourceEnds
    }

    /// The UTF-8 byte range of `original` that produced the bytes `normalized` of `text`.
    ///
    /// The range always covers whole original characters: a match on カ inside ガ that was
    /// written ｶﾞ covers both half-width characters.
    package func originalByteRange(of normalized: Range<Int>) -> Range<Int> {
        guard !normalized.isEmpty else {
            let anchor = normalized.lowerBound < sourceStarts.count
                ? Int(sourceStarts[normalized.lowerBound]) : original.utf8.count
            return anchor..<anchor
        }
        return Int(sourceStarts[normalized.lowerBound])..<Int(sourceEnds[normalized.upperBound - 1])
    }

    /// Every byte range of `text` where `needle` (already normalised) occurs, overlapping ones included.
    package func occurrences(of needle: String) -> [Range<Int>] {
        ByteSearch.occurrences(of: needle, in: text)
    }
}
