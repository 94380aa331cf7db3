/// Character bigrams over runs of non-blank characters — trigrams where three ASCII
/// characters follow each other — for exact substring search with FTS5.
///
/// The input is normalised text (see `Normalizer`). A run c0…c(n−1) gives one token per
/// character: at c(i) the trigram c(i)c(i+1)c(i+2) when all three are ASCII, else the bigram
/// c(i)c(i+1), and the unigram c(n−1) at the run's end. Between two runs, a bridge token spans
/// the last character of one, the blanks exactly as written, and the first of the next.
/// ASCII has few characters, so its bigrams are few and each occurs nearly everywhere
/// (`ti`, `on`): phrases of them read huge doclists, and English queries took three times
/// longer than Japanese ones. ASCII trigrams are about as selective as Japanese bigrams.
///
/// | Input       | Document mode                        | Query mode                        |
/// |-------------|--------------------------------------|-----------------------------------|
/// | `東京都庁`  | `東京` `京都` `都庁` `庁`            | `東京` `京都` `都庁`              |
/// | `市`        | `市`                                 | `市` (a prefix token)             |
/// | `防災 map`  | `防災` `災` `災 m` `map` `ap` `p`    | `防災` `災` `災 m` `map`          |
/// | `日野 市`   | `日野` `野` `野 市` `市`             | `日野` `野` `野 市` `市` (prefix) |
/// | `v2の`      | `v2` `2の` `の`                      | `v2` `2の`                        |
/// | `gpl`       | `gpl` `pl` `l`                       | `gpl`                             |
/// | `gp`        | `gp` `p`                             | `gp` (a prefix token)             |
///
/// In query mode every run but the last gives the tokens it gives in a document, then its
/// bridge (with exactly these blanks). The last run may continue in a document, so it gives
/// only the tokens its own characters decide: those that end inside it, and at c(n−2) the
/// bigram when c(n−2) or c(n−1) is not ASCII (a trigram needs both). When both are ASCII the
/// token there is a trigram or a bigram depending on what follows; if the trigram at c(n−3)
/// already covers them it is left out, otherwise (`gp`, `日本ab`) the bigram c(n−2)c(n−1) is
/// the last token and the caller marks it a prefix (`"…" *`), as it does the unigram of a
/// last run of one character (`endsWithPrefixToken`). A term therefore matches exactly the
/// documents that contain it, blanks and all; only blanks at a term's very start or end are
/// not in any token, and the store checks those against the text.
package enum BigramTokenizer {
    package enum Mode: Sendable { case document, query }

    /// Calls `emit(start, end)` with the byte range of each token in `text`, in order.
    /// Tokens are contiguous byte ranges of the input, so they need no copy. Stops early
    /// and returns false when `emit` returns false.
    /// Inlinable, so the index's tokenizer adapter calls `emit` without a closure call per token.
    @discardableResult
    @inlinable
    package static func tokenize(
        _ text: UnsafeBufferPointer<UInt8>, mode: Mode, _ emit: (_ start: Int, _ end: Int) -> Bool
    ) -> Bool {
        // In query mode the last run is tokenized differently: find where it ends.
        var lastRunEnd = -1
        if mode == .query {
            var index = 0
            while index < text.count {
                let decoded = UTF8Scanner.decode(text, at: index)
                if !UTF8Scanner.isBlank(decoded.scalar) { lastRunEnd = index + decoded.length }
                index += decoded.length
            }
        }
        // The current run's last two characters: c(j−2) ("older") and c(j−1) ("previous").
        var olderStart = 0, olderASCII = false
        var previousStart = 0, previousEnd = 0, previousASCII = false
        var runLength = 0
        var bridgeStart = -1 // start of the last character of the run before the blanks, or -1
        var olderTokenWasTrigram = false // the token at c(j−3), once c(j−1) has decided it
        var index = 0
        while true {
            let atEnd = index >= text.count
            var length = 0, blank = true, ascii = false
            if !atEnd {
                let lead = text[index]
                if lead < 0x80 {
                    length = 1
                    blank = lead == 0x20 || (lead >= 0x09 && lead <= 0x0D)
                    ascii = true
                } else {
                    let decoded = UTF8Scanner.decode(text, at: index)
                    length = decoded.length
                    blank = UTF8Scanner.isBlank(decoded.scalar)
                }
            }
            if blank {
                if runLength > 0 {
                    // The run ended: the tokens at c(n−2) and c(n−1) are left.
                    if mode == .document || previousEnd != lastRunEnd {
                        if runLength >= 2, !emit(olderStart, previousEnd) { return false }
                        if !emit(previousStart, previousEnd) { return false }
                    } else if runLength == 1 {
                        return emit(previousStart, previousEnd) // a prefix
                    } else if olderASCII && previousASCII && olderTokenWasTrigram {
                        return true // covered by the trigram at c(n−3)
                    } else {
                        return emit(olderStart, previousEnd) // a bigram, or a prefix when both are ASCII
                    }
                    bridgeStart = previousStart
                    runLength = 0
                }
                if atEnd { return true }
            } else {
                let end = index + length
                if runLength == 0 {
                    if bridgeStart >= 0 {
                        // The bridge: the previous run's last character, the blanks, this character.
                        if !emit(bridgeStart, end) { return false }
                    }
                    olderTokenWasTrigram = false
                } else if runLength >= 2 {
                    // c(j−2)'s token is decided now that c(j) is known.
                    let trigram = olderASCII && previousASCII && ascii
                    if !emit(olderStart, trigram ? end : previousEnd) { return false }
                    olderTokenWasTrigram = trigram
                }
                olderStart = previousStart
                olderASCII = previousASCII
                previousStart = index
                previousEnd = end
                previousASCII = ascii
                runLength += 1
            }
            index += length
        }
    }

    /// Tokens of `text` with their bytes, offsets into `text` (convenient for tests and tools).
    package static func tokens(in text: String, mode: Mode) -> [Token] {
        var copy = text
        return copy.withUTF8 { bytes in
            var result: [Token] = []
            tokenize(bytes, mode: mode) { start, end in
                result.append(
                    Token(
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

    /// Whether a term's last query token must be searched as a prefix: the unigram of a
    /// last run of one character, or the bigram of two ASCII characters at a last run's end
    /// that no trigram covers (see the type's documentation).
    package static func endsWithPrefixToken(_ normalizedTerm: String) -> Bool {
        let runs = normalizedTerm.unicodeScalars.split(whereSeparator: { UTF8Scanner.isBlank($0.value) })
        guard let last = runs.last.map(Array.init) else { return false }
        if last.count == 1 { return true }
        let n = last.count
        return last[n - 2].isASCII && last[n - 1].isASCII && (n == 2 || !last[n - 3].isASCII)
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
