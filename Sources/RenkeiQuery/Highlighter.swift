package import RenkeiCore

/// Finds where query terms occur in a text as written, and cuts keyword-in-context windows.
///
/// Matching is done on the normalised text, then mapped back through `NormalizedText`, so
/// ＷＡＯＮ marks the WAON the page wrote and 令和５年度 marks 令和5年度. FTS5's own
/// `highlight()` is not used: SQLite 3.40.1 garbles overlapping matches, and bigram
/// matches overlap by design.
package struct Highlighter: Sendable {
    /// Characters of context on each side of a match.
    package var context = 40
    /// Most windows per text.
    package var maximumSnippets = 3
    /// A window grows to cover nearby matches only up to this length.
    package var maximumSnippetLength = 160

    package init() {}

    /// Scalar ranges of `text` where any of `terms` occurs, overlapping occurrences merged.
    package func highlights(of terms: [SearchTerm], in text: String) -> [Range<Int>] {
        var byteRanges: [Range<Int>] = []
        if let plain = Normalizer.normalizeKeepingOffsets(text) {
            // Normal but for upper-case ASCII (most Japanese prose, most English): offsets in
            // the normalised text are offsets in the text, and no byte map is built.
            for term in terms { byteRanges += ByteSearch.occurrences(of: term.normalized, in: plain) }
        } else if case let plain = Normalizer.normalize(text),
                  !terms.contains(where: { !ByteSearch.occurrences(of: $0.normalized, in: plain).isEmpty }) {
            // No term occurs: nothing to map back (most blocks of a long page).
            return []
        } else {
            let normalized = Normalizer.normalizeWithMap(text)
            for term in terms {
                for occurrence in normalized.occurrences(of: term.normalized) {
                    byteRanges.append(normalized.originalByteRange(of: occurrence))
                }
            }
        }
        let offsets = ScalarOffsets(text)
        return Self.merge(byteRanges).map { offsets.scalarRange(ofBytes: $0) }
    }

    /// Up to `maximumSnippets` windows of `text` around the occurrences of `terms`, in text
    /// order; the opening of the text when no term occurs in it.
    package func snippets(of terms: [SearchTerm], in text: String) -> [Snippet] {
        let scalars = Array(text.unicodeScalars)
        // Only the first windows are shown, so the text is searched a block of lines at a
        // time and no further than the block that opens one window too many: a long page
        // is not normalised whole for three snippets. A term never spans a line end (only
        // a term with a line end in it could, and then the text is searched whole).
        let blocks = terms.contains { $0.normalized.contains("\n") } ? [text[...]] : Self.lineBlocks(text)
        var matches: [Range<Int>] = []
        var windows: [(range: Range<Int>, highlights: [Range<Int>])] = []
        var blockStart = 0
        for block in blocks {
            let blockText = String(block)
            matches += highlights(of: terms, in: blockText).map { ($0.lowerBound + blockStart)..<($0.upperBound + blockStart) }
            blockStart += blockText.unicodeScalars.count
            windows = self.windows(matches, scalarCount: scalars.count)
            if windows.count > maximumSnippets { break }
        }
        guard !matches.isEmpty else {
            let end = min(scalars.count, context * 2)
            return scalars.isEmpty ? [] : [Self.snippet(scalars, 0..<end, highlights: [])]
        }
        return windows.prefix(maximumSnippets).map { window in
            // A highlight may reach past a window that was cut short by the length cap.
            let clipped = window.highlights.map { $0.clamped(to: window.range) }.filter { !$0.isEmpty }
            return Self.snippet(scalars, window.range, highlights: clipped)
        }
    }

    /// Matches grouped into keyword-in-context windows, in text order.
    private func windows(_ matches: [Range<Int>], scalarCount: Int) -> [(range: Range<Int>, highlights: [Range<Int>])] {
        var windows: [(range: Range<Int>, highlights: [Range<Int>])] = []
        for match in matches {
            let wanted = max(0, match.lowerBound - context)..<min(scalarCount, match.upperBound + context)
            if let last = windows.last, wanted.lowerBound <= last.range.upperBound,
               wanted.upperBound - last.range.lowerBound <= maximumSnippetLength {
                windows[windows.count - 1] = (last.range.lowerBound..<max(last.range.upperBound, wanted.upperBound), last.highlights + [match])
            } else {
                windows.append((wanted, [match]))
            }
        }
        return windows
    }

    /// The text in pieces of about 2 KB that end at line ends (the last one at the text's end).
    static func lineBlocks(_ text: String) -> [Substring] {
        var blocks: [Substring] = []
        var start = text.startIndex
        var bytes = 0
        var index = text.utf8.startIndex
        while index < text.utf8.endIndex {
            let byte = text.utf8[index]
            text.utf8.formIndex(after: &index)
            bytes += 1
            if byte == 0x0A, bytes >= 2_048 {
                blocks.append(text[start..<index])
                start = index
                bytes = 0
            }
        }
        if start < text.endIndex || blocks.isEmpty { blocks.append(text[start...]) }
        return blocks
    }

    private static func snippet(_ scalars: [Unicode.Scalar], _ range: Range<Int>, highlights: [Range<Int>]) -> Snippet {
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars[range])
        return Snippet(
            text: String(text), start: range.lowerBound, end: range.upperBound,
            highlights: highlights.map { [$0.lowerBound - range.lowerBound, $0.upperBound - range.lowerBound] })
    }

    /// Sorted ranges with overlapping or touching ones joined.
    static func merge(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var merged: [Range<Int>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) where !range.isEmpty {
            if let last = merged.last, range.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return merged
    }
}
