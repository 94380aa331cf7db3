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
        // Characters are short keys, which FTS5's hash table spreads badly (`HashedTermKey`);
        // this index has no prefix queries.
        FTS5Forwarding.forward(pText, nText, context: context, to: tokenCallback) { CharacterTokenizer.tokenize($0, $1) }
    }
}
