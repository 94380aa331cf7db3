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

    /// Scalar ranges of `text` where any of `terms` occurs, overlapping occurrences merged;
    /// with `loose`, also where the fold of the text holds a term's loose needles (`LooseFold`).
    package func highlights(of terms: [SearchTerm], in text: String, loose: Bool = false) -> [Range<Int>] {
        let normalized = Normalizer.normalizeWithMap(text)
        var byteRanges: [Range<Int>] = []
        for term in terms {
            for occurrence in normalized.occurrences(of: term.normalized) {
                byteRanges.append(normalized.originalByteRange(of: occurrence))
            }
        }
        if loose {
            let folded = LooseFold.foldWithMap(normalized: normalized.text)
            for needle in Set(terms.flatMap { LooseFold.needles(of: $0.normalized) }) {
                for occurrence in ByteSearch.occurrences(of: needle, in: folded.text) {
                    byteRanges.append(normalized.originalByteRange(of: folded.normalizedByteRange(of: occurrence)))
                }
            }
        }
        guard !byteRanges.isEmpty else { return [] }
        let offsets = ScalarOffsets(text)
        return Self.merge(byteRanges).map { offsets.scalarRange(ofBytes: $0) }
    }

    /// Up to `maximumSnippets` windows of `text` around the occurrences of `terms`, in text
    /// order; the opening of the text when no term occurs in it.
    package func snippets(of terms: [SearchTerm], in text: String, loose: Bool = false) -> [Snippet] {
        var text = text
        return text.withUTF8 { bytes in
            let scalarCount = Self.scalarCount(bytes)
            // Only the first windows are shown, so the text is searched a block of lines at a
            // time and no further than the block that opens one window too many: a long page
            // is not normalised whole for three snippets. A term never spans a line end (only
            // a term with a line end in it could, and then the text is searched whole).
            // A loose match may span a line end (the fold drops blanks): the text is searched whole.
            let blocks = loose || terms.contains { $0.normalized.contains("\n") } ? [0..<bytes.count] : Self.lineBlocks(bytes)
            var matches: [Range<Int>] = []
            var windows: [(range: Range<Int>, highlights: [Range<Int>])] = []
            var blockStart = 0
            for block in blocks {
                let blockBytes = UnsafeBufferPointer(rebasing: bytes[block])
                matches += highlights(of: terms, in: String(decoding: blockBytes, as: UTF8.self), loose: loose)
                    .map { ($0.lowerBound + blockStart)..<($0.upperBound + blockStart) }
                blockStart += Self.scalarCount(blockBytes)
                windows = self.windows(matches, scalarCount: scalarCount)
                if windows.count > maximumSnippets { break }
            }
            guard !matches.isEmpty else {
                return scalarCount == 0 ? [] : [Self.snippet(bytes, 0..<min(scalarCount, context * 2), highlights: [])]
            }
            return windows.prefix(maximumSnippets).map { window in
                // A highlight may reach past a window that was cut short by the length cap.
                let clipped = window.highlights.map { $0.clamped(to: window.range) }.filter { !$0.isEmpty }
                return Self.snippet(bytes, window.range, highlights: clipped)
            }
        }
    }

    /// Matches grouped into keyword-in-context windows, in text order.
    private func windows(_ matches: [Range<Int>], scalarCount: Int) -> [(range: Range<Int>, highlights: [Range<Int>])] {
        var windows: [(range: Range<Int>, highlights: [Range<Int>])] = []
        for match in matches {
            let wanted = max(0, match.lowerBound - context)..<min(scalarCount, match.upperBound + context)
            if let last = windows.last, wanted.lowerBound <= last.range.upperBound,
                wanted.upperBound - last.range.lowerBound <= maximumSnippetLength
            {
                windows[windows.count - 1] = (last.range.lowerBound..<max(last.range.upperBound, wanted.upperBound), last.highlights + [match])
            } else {
                windows.append((wanted, [match]))
            }
        }
        return windows
    }

    /// The text's bytes in pieces of about 2 KB that end at line ends (the last one at the text's end).
    static func lineBlocks(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var blocks: [Range<Int>] = []
        var start = 0
        var index = 2_047
        while index < bytes.count {
            // The first line end at least 2 KB after the block's start.
            guard let lineEnd = bytes[index...].firstIndex(of: 0x0A) else { break }
            blocks.append(start..<(lineEnd + 1))
            start = lineEnd + 1
            index = start + 2_047
        }
        if start < bytes.count || blocks.isEmpty { blocks.append(start..<bytes.count) }
        return blocks
    }

    /// How many scalars the bytes hold: those that do not continue a scalar.
    static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// The snippet of the scalars `range` of the text `bytes`. In a text of pages (form feeds
    /// between them, as a PDF's body has), it says which page it starts on; the form feeds
    /// in it are shown as blanks.
    private static func snippet(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, highlights: [Range<Int>]) -> Snippet {
        // The byte offsets of the range's ends, counting scalar starts from the beginning, and
        // the page breaks (form feeds) before the range, in the same pass.
        var scalar = 0
        var start = bytes.count
        var end = bytes.count
        var pageBreaksBefore = 0
        for (offset, byte) in bytes.enumerated() where byte & 0xC0 != 0x80 {
            if scalar == range.lowerBound { start = offset }
            if scalar == range.upperBound { end = offset; break }
            if byte == 0x0C, scalar < range.lowerBound { pageBreaksBefore += 1 }
            scalar += 1
        }
        var text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        var page: Int?
        if pageBreaksBefore > 0 || ByteSearch.contains(byte: 0x0C, in: UnsafeBufferPointer(rebasing: bytes[start...])) {
            // The page of the first match, which is what the snippet is shown for.
            let shown = text.unicodeScalars.prefix(highlights.first.map { $0.lowerBound - range.lowerBound } ?? 0)
            page = pageBreaksBefore + 1 + shown.reduce(0) { $0 + ($1 == "\u{0C}" ? 1 : 0) }
            text = String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\u{0C}" ? " " : $0 }))
        }
        return Snippet(
            text: text, start: range.lowerBound, end: range.upperBound,
            highlights: highlights.map { [$0.lowerBound - range.lowerBound, $0.upperBound - range.lowerBound] }, page: page)
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
