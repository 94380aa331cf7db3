/// Character bigrams over runs of non-blank characters, for exact substring search with FTS5.
///
/// The input is normalised text (see `Normalizer`). Every character class is bigrammed:
/// kanji, kana, letters, digits and symbols alike. A run c0…c(n−1) gives the bigrams
/// c(i)c(i+1) and the unigram c(n−1) at its end; between two runs, a bridge token spans the
/// last character of one, the blanks exactly as written, and the first of the next.
///
/// | Input       | Document mode                        | Query mode                        |
/// |-------------|--------------------------------------|-----------------------------------|
/// | `東京都庁`  | `東京` `京都` `都庁` `庁`            | `東京` `京都` `都庁`              |
/// | `市`        | `市`                                 | `市` (a prefix token)             |
/// | `防災 map`  | `防災` `災` `災 m` `ma` `ap` `p`     | `防災` `災` `災 m` `ma` `ap`      |
/// | `日野 市`   | `日野` `野` `野 市` `市`             | `日野` `野` `野 市` `市` (prefix) |
///
/// In query mode every run but the last keeps its run-end unigram (the next run must follow
/// it) and its bridge (with exactly these blanks); the last run gives only its bigrams, or,
/// when it is one character, its unigram, which the caller marks as a prefix (`"…" *`) so it
/// matches every token that starts with that character. A term therefore matches exactly the
/// documents that contain it, blanks and all; only blanks at a term's very start or end are
/// not in any token, and the store checks those against the text.
package enum BigramTokenizer {
    package enum Mode: Sendable { case document, query }

    /// Calls `emit(start, end)` with the byte range of each token in `text`, in order.
    /// Tokens are contiguous byte ranges of the input, so they need no copy. Stops early
    /// and returns false when `emit` returns false.
    @discardableResult
    @inline(__always)
    package static func tokenize(
        _ text: UnsafeBufferPointer<UInt8>, mode: Mode, _ emit: (_ start: Int, _ end: Int) -> Bool
    ) -> Bool {
        var runStart = -1             // start of the previous character of the current run, or -1
        var previousEnd = 0
        var bridgeStart = -1          // start of the last character of the run before the blanks, or -1
        var runLength = 0
        var pendingUnigram: Range<Int>? = nil   // query mode: the end of a run not yet known not to be last
        var lastRunLength = 0
        var lastRunUnigram: Range<Int>? = nil
        var index = 0
        while index < text.count {
            let lead = text[index]
            let length: Int
            let blank: Bool
            if lead < 0x80 {
                length = 1
                blank = lead == 0x20 || (lead >= 0x09 && lead <= 0x0D)
            } else {
                let decoded = UTF8Scanner.decode(text, at: index)
                length = decoded.length
                blank = UTF8Scanner.isBlank(decoded.scalar)
            }
            let end = index + length
            if blank {
                if runStart >= 0 {
                    if mode == .document {
                        if !emit(runStart, previousEnd) { return false }
                    } else {
                        pendingUnigram = runStart..<previousEnd
                        lastRunLength = runLength
                        lastRunUnigram = pendingUnigram
                    }
                    bridgeStart = runStart
                    runStart = -1
                    runLength = 0
                }
            } else {
                if runStart >= 0 {
                    if !emit(runStart, end) { return false }
                } else {
                    if let pending = pendingUnigram {
                        // A new run follows, so the previous one was not the last: keep its unigram.
                        if !emit(pending.lowerBound, pending.upperBound) { return false }
                        pendingUnigram = nil
                    }
                    if bridgeStart >= 0 {
                        // The bridge: the previous run's last character, the blanks, this character.
                        if !emit(bridgeStart, end) { return false }
                    }
                }
                runStart = index
                runLength += 1
            }
            previousEnd = end
            index = end
        }
        if runStart >= 0 {
            if mode == .document {
                return emit(runStart, previousEnd)
            }
            lastRunLength = runLength
            lastRunUnigram = runStart..<previousEnd
        }
        if mode == .query, lastRunLength == 1, let unigram = lastRunUnigram {
            return emit(unigram.lowerBound, unigram.upperBound)
        }
        return true
    }

    /// Tokens of `text` with their bytes, offsets into `text` (convenient for tests and tools).
    package static func tokens(in text: String, mode: Mode) -> [Token] {
        var copy = text
        return copy.withUTF8 { bytes in
            var result: [Token] = []
            tokenize(bytes, mode: mode) { start, end in
                result.append(Token(
                    text: String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self),
                    byteRange: start..<end))
                return true
            }
            return result
        }
    }

    /// Tokens of normalised text with offsets into the original text it came from.
    package static func tokens(in normalized: NormalizedText, mode: Mode) -> [Token] {
        tokens(in: normalized.text, mode: mode).map {
            Token(text: $0.text, byteRange: normalized.originalByteRange(of: $0.byteRange))
        }
    }

    /// Whether a query term's last run is a single character, whose unigram must be
    /// searched as a prefix.
    package static func endsWithSingleCharacterRun(_ normalizedTerm: String) -> Bool {
        let runs = normalizedTerm.unicodeScalars.split(whereSeparator: { UTF8Scanner.isBlank($0.value) })
        return runs.last?.count == 1
    }

    /// Whether a term starts or ends with a blank. Its phrase match then needs a check
    /// against the text: bridges pin the blanks between runs, but no token holds blanks
    /// before the first run or after the last.
    package static func hasOuterBlank(_ normalizedTerm: String) -> Bool {
        guard let first = normalizedTerm.unicodeScalars.first, let last = normalizedTerm.unicodeScalars.last else { return false }
        return UTF8Scanner.isBlank(first.value) || UTF8Scanner.isBlank(last.value)
    }

    /// Whether a term has at least one character that produces a token.
    package static func hasSearchableCharacter(_ normalizedTerm: String) -> Bool {
        normalizedTerm.unicodeScalars.contains { !UTF8Scanner.isBlank($0.value) }
    }
}

/// One token: its text and the UTF-8 byte range it covers.
package struct Token: Hashable, Sendable, CustomStringConvertible {
    package var text: String
    package var byteRange: Range<Int>

    package init(text: String, byteRange: Range<Int>) {
        self.text = text
        self.byteRange = byteRange
    }

    package var description: String { "\(text)[\(byteRange.lowerBound),\(byteRange.upperBound))" }
}
