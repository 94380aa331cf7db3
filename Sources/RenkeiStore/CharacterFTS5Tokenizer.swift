internal import GRDB
internal import RenkeiCore

/// Every distinct non-blank character of a text, once: the tokens of `unit_chars`, an FTS5
/// table with `detail=none`, which keeps only which units contain a character — what a
/// one-character query asks — without positions. It answers those queries in place of a
/// prefix index over the bigrams, which kept a position for every character of the corpus.
final class CharacterFTS5Tokenizer: FTS5CustomTokenizer {
    static let name = "renkei_chars"

    init(db: Database, arguments: [String]) throws {}

    func tokenize(
        context: UnsafeMutableRawPointer?,
        tokenization: FTS5Tokenization,
        pText: UnsafePointer<CChar>?,
        nText: CInt,
        tokenCallback: @escaping FTS5TokenCallback
    ) -> CInt {
        guard let pText, nText > 0 else { return 0 }
        var status: CInt = 0
        // Characters of the Basic Multilingual Plane are remembered in a bitmap, others in a
        // set: each is handed to FTS5 once per text.
        var seenBMP = [UInt64](repeating: 0, count: 1_024)
        var seenOthers = Set<UInt32>()
        pText.withMemoryRebound(to: UInt8.self, capacity: Int(nText)) { bytes in
            let buffer = UnsafeBufferPointer(start: bytes, count: Int(nText))
            var index = 0
            while index < buffer.count {
                let lead = buffer[index]
                let scalar: UInt32
                let length: Int
                if lead < 0x80 {
                    scalar = UInt32(lead)
                    length = 1
                } else {
                    let decoded = UTF8Scanner.decode(buffer, at: index)
                    scalar = decoded.scalar
                    length = decoded.length
                }
                defer { index += length }
                if UTF8Scanner.isBlank(scalar) { continue }
                if scalar < 0x10000 {
                    let word = Int(scalar >> 6), bit = UInt64(1) << (scalar & 63)
                    if seenBMP[word] & bit != 0 { continue }
                    seenBMP[word] |= bit
                } else if !seenOthers.insert(scalar).inserted {
                    continue
                }
                status = tokenCallback(context, 0, pText + index, CInt(length), CInt(index), CInt(index + length))
                if status != 0 { return }
            }
        }
        return status
    }
}
