internal import GRDB
internal import RenkeiCore

/// The FTS5 face of `BigramTokenizer`: it only delegates. FTS5 stores normalised text, so
/// the offsets it receives are offsets into what it was given.
final class BigramFTS5Tokenizer: FTS5CustomTokenizer {
    static let name = "renkei_bigram"

    init(db: Database, arguments: [String]) throws {}

    func tokenize(
        context: UnsafeMutableRawPointer?, tokenization: FTS5Tokenization, pText: UnsafePointer<CChar>?, nText: CInt,
        tokenCallback: @escaping FTS5TokenCallback
    ) -> CInt {
        let mode: BigramTokenizer.Mode = tokenization.contains(.query) ? .query : .document
        return FTS5Forwarding.forward(pText, nText, context: context, to: tokenCallback) { bytes, emit in
            BigramTokenizer.tokenize(bytes, mode: mode, emit)
        }
    }
}

/// Hands the byte ranges a tokenizer finds to FTS5's callback, stopping at its first error.
enum FTS5Forwarding {
    static func forward(
        _ pText: UnsafePointer<CChar>?, _ nText: CInt, context: UnsafeMutableRawPointer?, to callback: FTS5TokenCallback,
        _ tokenize: (UnsafeBufferPointer<UInt8>, (Int, Int) -> Bool) -> Void
    ) -> CInt {
        guard let pText, nText > 0 else { return 0 }
        var status: CInt = 0
        pText.withMemoryRebound(to: UInt8.self, capacity: Int(nText)) { bytes in
            tokenize(UnsafeBufferPointer(start: bytes, count: Int(nText))) { start, end in
                status = callback(context, 0, pText + start, CInt(end - start), CInt(start), CInt(end))
                return status == 0
            }
        }
        return status
    }
}
