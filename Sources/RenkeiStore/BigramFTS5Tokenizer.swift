internal import GRDB
internal import RenkeiCore

/// The FTS5 face of `BigramTokenizer`. FTS5 stores normalised text, so the offsets it
/// receives are offsets into what it was given; terms shorter than a Japanese bigram get
/// three more bytes (`HashedTermKey`).
final class BigramFTS5Tokenizer: FTS5CustomTokenizer {
    static let name = "renkei_bigram"

    init(db: Database, arguments: [String]) throws {}

    func tokenize(
        context: UnsafeMutableRawPointer?, tokenization: FTS5Tokenization, pText: UnsafePointer<CChar>?, nText: CInt,
        tokenCallback: @escaping FTS5TokenCallback
    ) -> CInt {
        let mode: BigramTokenizer.Mode = tokenization.contains(.query) ? .query : .document
        // A prefix phrase (`"…" *`): its last token is matched as the start of terms.
        return FTS5Forwarding.forward(pText, nText, context: context, to: tokenCallback, lastIsPrefix: tokenization.contains(.prefix)) {
            BigramTokenizer.tokenize($0, mode: mode, $1)
        }
    }
}

/// The key a token is indexed under: a term of fewer than six bytes (ASCII bigrams and
/// trigrams, unigrams, bigrams with one ASCII character) followed by three bytes of its
/// FNV-1a hash, each in 0x80…0xBF.
///
/// FTS5 collects new terms in a hash table whose hash of a short key has few values: on the
/// big benchmark corpus its 51,000 ASCII trigrams fell into 5,200 buckets, and walking those
/// chains was the largest cost of an ingest. The added bytes spread them (1.2 keys per probe
/// instead of 7). They are never ASCII, so a prefix query's term (`ab` of `"ab" *`) still
/// starts exactly the keys of the tokens that start with it — never a longer key of a
/// shorter token (`a` and its added bytes) — and they follow whole characters, so a prefix
/// of one character matches as before.
enum HashedTermKey {
    static let shortestUnhashed = 6

    @inline(__always)
    static func emit(
        _ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, asPrefix: Bool, scratch key: UnsafeMutablePointer<CChar>,
        context: UnsafeMutableRawPointer?, to callback: FTS5TokenCallback
    ) -> CInt {
        let base = UnsafeRawPointer(text.baseAddress!).assumingMemoryBound(to: CChar.self)
        let length = end - start
        if asPrefix || length >= shortestUnhashed {
            return callback(context, 0, base + start, CInt(length), CInt(start), CInt(end))
        }
        var hash: UInt32 = 0x811C_9DC5
        for index in start..<end {
            hash = (hash ^ UInt32(text[index])) &* 0x0100_0193
            key[index - start] = CChar(bitPattern: text[index])
        }
        key[length] = CChar(bitPattern: UInt8(0x80 | (hash & 0x3F)))
        key[length + 1] = CChar(bitPattern: UInt8(0x80 | ((hash >> 6) & 0x3F)))
        key[length + 2] = CChar(bitPattern: UInt8(0x80 | ((hash >> 12) & 0x3F)))
        return callback(context, 0, key, CInt(length + 3), CInt(start), CInt(end))
    }

    /// Room for the longest hashed key.
    static let scratchLength = shortestUnhashed + 3
}

/// Hands the tokens a tokenizer finds to FTS5's callback as their keys (`HashedTermKey`),
/// stopping at its first error. With `lastIsPrefix`, the last token goes as written, without
/// the bytes that end a whole term, so FTS5 matches it as the start of terms.
enum FTS5Forwarding {
    // Inlined into each adapter, so the tokenizer's per-token closure is too: a token costs
    // a few instructions besides FTS5's own work, which an indirect call per token doubled.
    @inline(__always)
    static func forward(
        _ pText: UnsafePointer<CChar>?, _ nText: CInt, context: UnsafeMutableRawPointer?, to callback: FTS5TokenCallback,
        lastIsPrefix: Bool = false, _ tokenize: (UnsafeBufferPointer<UInt8>, (Int, Int) -> Bool) -> Void
    ) -> CInt {
        guard let pText, nText > 0 else { return 0 }
        var status: CInt = 0
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: HashedTermKey.scratchLength) { scratch in
            let key = scratch.baseAddress!
            pText.withMemoryRebound(to: UInt8.self, capacity: Int(nText)) { bytes in
                let text = UnsafeBufferPointer(start: bytes, count: Int(nText))
                guard lastIsPrefix else {
                    tokenize(text) { start, end in
                        status = HashedTermKey.emit(text, start, end, asPrefix: false, scratch: key, context: context, to: callback)
                        return status == 0
                    }
                    return
                }
                var tokens: [(start: Int, end: Int)] = []
                tokenize(text) { start, end in
                    tokens.append((start, end))
                    return true
                }
                for (index, token) in tokens.enumerated() where status == 0 {
                    status = HashedTermKey.emit(
                        text, token.start, token.end, asPrefix: index == tokens.count - 1, scratch: key, context: context, to: callback)
                }
            }
            return status
        }
    }
}
