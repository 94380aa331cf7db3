internal import GRDB
internal import RenkeiCore

/// The FTS5 face of `BigramTokenizer`: it only delegates. FTS5 stores normalised text, so
/// the offsets it receives are offsets into what it was given.
final class BigramFTS5Tokenizer: FTS5CustomTokenizer {
    static let name = "renkei_bigram"

    init(db: Database, arguments: [String]) throws {}

    func tokenize(
        context: UnsafeMutableRawPointer?,
        tokenization: FTS5Tokenization,
        pText: UnsafePointer<CChar>?,
        nText: CInt,
        tokenCallback: @escaping FTS5TokenCallback
    ) -> CInt {
        guard let pText, nText > 0 else { return 0 }
        let mode: BigramTokenizer.Mode = tokenization.contains(.query) ? .query : .document
        var status: CInt = 0
        pText.withMemoryRebound(to: UInt8.self, capacity: Int(nText)) { bytes in
            let buffer = UnsafeBufferPointer(start: bytes, count: Int(nText))
            BigramTokenizer.tokenize(buffer, mode: mode) { start, end in
                status = tokenCallback(context, 0, pText + start, CInt(end - start), CInt(start), CInt(end))
                return status == 0
            }
        }
        return status
    }
}
