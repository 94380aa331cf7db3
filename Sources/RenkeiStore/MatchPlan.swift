internal import Foundation
internal import GRDB
internal import RenkeiCore

/// A `SearchQuery` as one FTS5 `MATCH` expression plus the text checks that make it exact.
///
/// | Query            | MATCH                          | check                                  |
/// |------------------|--------------------------------|----------------------------------------|
/// | `防災 協定`      | `("防災") AND ("協定")`        | none: blank-free phrases are exact      |
/// | `市`             | `("市" *)`                     | none                                   |
/// | `"hi know"`      | `("hi know")`                  | none: bridge tokens pin the blank      |
/// | `" 市"`          | `(" 市" *)`                    | the unit's text contains ` 市`         |
/// | `協定 -廃止`     | `(("協定")) NOT ("廃止")`      | none                                   |
///
/// User text only ever appears inside FTS5 string literals (inner `"` doubled), so no query
/// can be an FTS5 syntax error. Only a term that starts or ends with a blank is checked
/// against the unit's text, because no token holds the blanks outside a term's runs.
struct MatchPlan {
    var expression: String
    var checkSQL: String
    var checkArguments: StatementArguments

    init(_ query: SearchQuery, filter: SearchFilter = SearchFilter()) {
        var included: [String] = []
        var excludedPhrases: [String] = []
        var checks: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        for clause in query.clauses {
            switch clause {
            case .anyOf(let terms):
                included.append("(" + terms.map { Self.phrase($0.normalized) }.joined(separator: " OR ") + ")")
                if terms.contains(where: { BigramTokenizer.hasOuterBlank($0.normalized) }) {
                    checks.append("(" + terms.map { _ in Self.containsCheck }.joined(separator: " OR ") + ")")
                    for term in terms { arguments += [term.normalized, term.normalized] }
                }
            case .excluding(let term):
                if BigramTokenizer.hasOuterBlank(term.normalized) {
                    checks.append("NOT " + Self.containsCheck)
                    arguments += [term.normalized, term.normalized]
                } else {
                    excludedPhrases.append(Self.phrase(term.normalized))
                }
            }
        }
        var expression = included.joined(separator: " AND ")
        for phrase in excludedPhrases {
            expression = "(\(expression)) NOT \(phrase)"
        }
        self.expression = expression
        let narrowing = filter.sql
        self.checkSQL = checks.map { " AND " + $0 }.joined() + narrowing.text
        self.checkArguments = StatementArguments(arguments + narrowing.arguments)
    }

    /// The unit's normalised title or text contains the term (the index keeps no text, so
    /// it is normalised again: only terms with blanks pay for it, and only on candidates).
    private static let containsCheck = """
        EXISTS (SELECT 1 FROM unit u JOIN document d ON d.id = u.document_id WHERE u.id = unit_fts.rowid \
        AND (instr(\(IndexStore.normalizedTitle(unit: "u", document: "d")), ?) > 0 \
        OR instr(\(IndexStore.normalizedBody(unit: "u", document: "d")), ?) > 0))
        """

    /// An FTS5 string literal for a normalised term; a last run of one character becomes a
    /// prefix token, so it matches every bigram starting with that character.
    static func phrase(_ normalized: String) -> String {
        let literal = "\"" + normalized.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        return BigramTokenizer.endsWithSingleCharacterRun(normalized) ? literal + " *" : literal
    }
}
