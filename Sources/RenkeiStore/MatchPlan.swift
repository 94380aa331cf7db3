internal import Foundation
internal import GRDB
internal import RenkeiCore

/// A `SearchQuery` as one FTS5 `MATCH` on one table plus the conditions that make it exact.
///
/// | Query            | table        | MATCH                          | conditions                          |
/// |------------------|--------------|--------------------------------|-------------------------------------|
/// | `防災 協定`      | `unit_fts`   | `("防災") AND ("協定")`        | none: phrases are exact             |
/// | `市`             | `unit_chars` | `("市")`                       | none                                |
/// | `協定 市`        | `unit_fts`   | `("協定")`                     | the unit is in `unit_chars` for 市  |
/// | `"hi know"`      | `unit_fts`   | `("hi know")`                  | none: bridge tokens pin the blank   |
/// | `" 市"`          | `unit_fts`   | `(" 市" *)`                    | the unit's text contains ` 市`      |
/// | `協定 -廃止`     | `unit_fts`   | `(("協定")) NOT ("廃止")`      | none                                |
///
/// A clause whose terms are all one character is answered by `unit_chars` (which units have
/// the character, no positions); everything else by the bigram index `unit_fts`, scored by
/// `renkei_bm25` (`BM25Function`). A query of one-character clauses only is unranked
/// (document order). User text only ever appears inside FTS5 string literals
/// (inner `"` doubled), so no query can be an FTS5 syntax error. Only a term that starts or
/// ends with a blank is checked against the unit's text, because no token holds the blanks
/// outside a term's runs.
struct MatchPlan {
    /// The FTS5 table the query is matched on; conditions refer to its `rowid` (the unit id).
    var table: String
    var expression: String
    var checkSQL: String
    var checkArguments: StatementArguments
    /// The FTS5 phrase of each included term of the bigram index, in phrase order: what
    /// bm25's IDFs are counted on.
    var phrases: [String] = []
    /// Whether the units matching the query are exactly those matching its one term (no
    /// other clause, exclusion or check), so the match count is the term's document frequency.
    var isSingleTerm = false

    init(_ query: SearchQuery) {
        var bigramClauses: [String] = []
        var characterClauses: [String] = []
        var excludedPhrases: [String] = []
        var excludedCharacters: [String] = []
        var blankTerms: [(terms: [String], excluded: Bool)] = []
        for clause in query.clauses {
            switch clause {
            case .anyOf(let terms):
                if terms.allSatisfy({ Self.isOneCharacter($0.normalized) }) {
                    characterClauses.append("(" + terms.map { Self.literal($0.normalized) }.joined(separator: " OR ") + ")")
                    continue
                }
                let phrases = terms.map { Self.phrase($0.normalized) }
                self.phrases += phrases
                bigramClauses.append("(" + phrases.joined(separator: " OR ") + ")")
                if terms.contains(where: { BigramTokenizer.hasOuterBlank($0.normalized) }) {
                    blankTerms.append((terms.map(\.normalized), false))
                }
            case .excluding(let term):
                if BigramTokenizer.hasOuterBlank(term.normalized) {
                    blankTerms.append(([term.normalized], true))
                } else if Self.isOneCharacter(term.normalized) {
                    excludedCharacters.append(Self.literal(term.normalized))
                } else {
                    excludedPhrases.append(Self.phrase(term.normalized))
                }
            }
        }
        var checks: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        if !bigramClauses.isEmpty {
            table = "unit_fts"
            expression = Self.combine(bigramClauses, excluding: excludedPhrases)
            isSingleTerm =
                phrases.count == 1 && excludedPhrases.isEmpty && characterClauses.isEmpty
                && excludedCharacters.isEmpty && blankTerms.isEmpty
            for clause in characterClauses {
                checks.append("unit_fts.rowid IN (SELECT rowid FROM unit_chars WHERE unit_chars MATCH ?)")
                arguments.append(clause)
            }
            if !excludedCharacters.isEmpty {
                checks.append("unit_fts.rowid NOT IN (SELECT rowid FROM unit_chars WHERE unit_chars MATCH ?)")
                arguments.append(excludedCharacters.joined(separator: " OR "))
            }
        } else {
            table = "unit_chars"
            expression = Self.combine(characterClauses, excluding: excludedCharacters)
            if !excludedPhrases.isEmpty {
                checks.append("unit_chars.rowid NOT IN (SELECT rowid FROM unit_fts WHERE unit_fts MATCH ?)")
                arguments.append(excludedPhrases.joined(separator: " OR "))
            }
        }
        let contains = Self.containsCheck(table)
        for (terms, excluded) in blankTerms {
            checks.append((excluded ? "NOT " : "") + "(" + terms.map { _ in contains }.joined(separator: " OR ") + ")")
            for term in terms { arguments += [term, term] }
        }
        self.checkSQL = checks.map { " AND " + $0 }.joined()
        self.checkArguments = StatementArguments(arguments)
    }

    /// The statement of the matching units: `rowid`, then the score (lower is better) when
    /// `scoring` (`renkei_bm25`'s argument) is given and the table is the bigram index, else 0.
    /// A scored statement's parameter `lengthsParameter` is NULL, for `BM25Function.bind`.
    func statement(scoring: String?) -> (sql: String, arguments: StatementArguments) {
        let scored = scoring != nil && table == "unit_fts"
        let score = scored ? "\(BM25Function.name)(unit_fts, ?, ?)" : "0.0"
        let leading: StatementArguments = scored ? [scoring, DatabaseValue.null] : []
        return (
            "SELECT rowid, \(score) FROM \(table) WHERE \(table) MATCH ?\(checkSQL)",
            leading + [expression] + checkArguments
        )
    }

    static let lengthsParameter: Int32 = 2

    /// `(a) AND (b)`, then `NOT` each exclusion.
    private static func combine(_ clauses: [String], excluding excluded: [String]) -> String {
        var expression = clauses.joined(separator: " AND ")
        for phrase in excluded { expression = "(\(expression)) NOT \(phrase)" }
        return expression
    }

    /// One character, which `unit_chars` answers.
    static func isOneCharacter(_ normalized: String) -> Bool {
        normalized.unicodeScalars.count == 1 && BigramTokenizer.hasSearchableCharacter(normalized)
    }

    /// The unit's normalised title or text contains the term (the index keeps no text, so
    /// it is normalised again: only terms with outer blanks pay for it, and only on candidates).
    private static func containsCheck(_ table: String) -> String {
        """
        EXISTS (SELECT 1 FROM unit u JOIN document d ON d.id = u.document_id WHERE u.id = \(table).rowid \
        AND (instr(\(IndexStore.normalizedTitle(unit: "u", document: "d")), ?) > 0 \
        OR instr(\(IndexStore.normalizedBody(unit: "u", document: "d")), ?) > 0))
        """
    }

    /// An FTS5 string literal.
    static func literal(_ normalized: String) -> String {
        "\"" + normalized.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// An FTS5 phrase for a normalised term. Its last token is a prefix (`"…" *`) when the
    /// tokenizer says so (`BigramTokenizer.endsWithPrefixToken`): a last run of one character,
    /// which must match every token starting with it, or two ASCII characters no trigram covers.
    static func phrase(_ normalized: String) -> String {
        BigramTokenizer.endsWithPrefixToken(normalized) ? literal(normalized) + " *" : literal(normalized)
    }
}
