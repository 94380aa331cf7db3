/// A parsed search query: every clause must hold.
///
/// | Query                      | Meaning                                       |
/// |----------------------------|-----------------------------------------------|
/// | `防災 協定`                | documents containing 防災 and 協定            |
/// | `防災 OR 減災`             | documents containing either                   |
/// | `協定 -廃止`               | 協定, but not 廃止                            |
/// | `"Hi Know"`                | the phrase, its space included                |
/// | `防災 減災 OR 復興`        | 防災 and (減災 or 復興): OR binds tighter      |
///
/// Terms match as exact substrings of the normalised text (`Normalizer`): ＷＡＯＮ finds
/// WAON, ｲｵﾝ finds イオン, 令和５年度 finds 令和5年度. Everything that is not one of the
/// operators above is literal text: `*`, `^`, `(`, `NEAR(`, `AND`, `or`, a lone `"`.
package struct SearchQuery: Hashable, Sendable {
    package var clauses: [Clause]

    package init(clauses: [Clause]) {
        self.clauses = clauses
    }

    /// The terms whose occurrences a result shows, in query order.
    package var includedTerms: [SearchTerm] {
        clauses.flatMap { clause -> [SearchTerm] in
            if case .anyOf(let terms) = clause { return terms }
            return []
        }
    }
}

/// One clause of a query.
package enum Clause: Hashable, Sendable {
    /// At least one of the terms occurs (one term: it occurs).
    case anyOf([SearchTerm])
    /// The term does not occur.
    case excluding(SearchTerm)
}

/// A term as the user wrote it and as it is matched.
package struct SearchTerm: Hashable, Sendable {
    package var written: String
    package var normalized: String

    package init(written: String) {
        self.written = written
        self.normalized = Normalizer.normalize(written)
    }
}

/// Bounds that keep one query cheap and its errors explainable.
package struct QueryLimits: Hashable, Sendable {
    package var maxCharacters = 1_000
    package var maxTerms = 32
    package var maxTermCharacters = 256

    package init() {}
}
