internal import GRDB
internal import RenkeiCore

/// The tokenizer of `unit_loose`: its text is pairs of characters written one after the
/// other (`LooseChanges.pairs`), and each pair is a token; a query's text is one pair.
final class PairFTS5Tokenizer: FTS5CustomTokenizer {
    static let name = "renkei_pairs"

    init(db: Database, arguments: [String]) throws {}

    func tokenize(
        context: UnsafeMutableRawPointer?, tokenization: FTS5Tokenization, pText: UnsafePointer<CChar>?, nText: CInt,
        tokenCallback: @escaping FTS5TokenCallback
    ) -> CInt {
        FTS5Forwarding.forward(pText, nText, context: context, to: tokenCallback) { text, token in
            var start = 0
            while start < text.count {
                let middle = start + UTF8Scanner.sequenceLength(lead: text[start])
                guard middle < text.count else { return }
                let end = middle + UTF8Scanner.sequenceLength(lead: text[middle])
                guard end <= text.count, token(start, end) else { return }
                start = end
            }
        }
    }
}
