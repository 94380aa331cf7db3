internal import GRDB
internal import RenkeiCore

/// The FTS5 face of `CharacterTokenizer`, for `unit_chars`: an FTS5 table with
/// `detail=none`, which keeps only which units contain each character — what a
/// one-character query asks — in place of a prefix index over the bigrams, which kept a
/// position for every character of the corpus.
final class CharacterFTS5Tokenizer: FTS5CustomTokenizer {
    static let name = "renkei_chars"

    init(db: Database, arguments: [String]) throws {}

    func tokenize(
        context: UnsafeMutableRawPointer?, tokenization: FTS5Tokenization, pText: UnsafePointer<CChar>?, nText: CInt,
        tokenCallback: @escaping FTS5TokenCallback
    ) -> CInt {
        guard let pText, nText > 0 else { return 0 }
        var status: CInt = 0
        pText.withMemoryRebound(to: UInt8.self, capacity: Int(nText)) { bytes in
            let text = UnsafeBufferPointer(start: bytes, count: Int(nText))
            // Characters are short keys, which FTS5's hash table spreads badly (`HashedTermKey`);
            // this index has no prefix queries.
            CharacterTokenizer.tokenize(text) { start, end in
                status = HashedTermKey.emit(text, start, end, asPrefix: false, context: context, to: tokenCallback)
                return status == 0
            }
        }
        return status
    }
}
