extension SearchQuery {
    /// Parses the query language; see `SearchQuery` for the syntax.
    package init(parsing text: String, limits: QueryLimits = QueryLimits()) throws(QueryError) {
        let length = text.unicodeScalars.count
        guard length <= limits.maxCharacters else {
            throw QueryError(.tooLong, "The query is \(length) characters long; the limit is \(limits.maxCharacters). Search for a shorter phrase.")
        }
        try Self.refuseControlCharacters(in: text)
        let words = QueryLexer.words(in: text)
        guard !words.isEmpty else {
            throw QueryError(.empty, "The query is empty. Type a word or phrase, for example 包括連携協定.")
        }
        var clauses: [Clause] = []
        var index = 0
        while index < words.count {
            guard case .term(let first) = words[index] else {
                throw QueryError(.misplacedOr, "OR must stand between two terms, as in 防災 OR 減災.")
            }
            index += 1
            if first.excluded {
                if index < words.count, case .or = words[index] {
                    throw QueryError(.excludedAlternative, "An excluded term (-\(first.text)) cannot be joined with OR.")
                }
                clauses.append(.excluding(try Self.term(first, limits)))
                continue
            }
            var alternatives = [try Self.term(first, limits)]
            while index < words.count, case .or = words[index] {
                guard index + 1 < words.count, case .term(let next) = words[index + 1] else {
                    throw QueryError(.misplacedOr, "OR must stand between two terms, as in 防災 OR 減災.")
                }
                guard !next.excluded else {
                    throw QueryError(.excludedAlternative, "An excluded term (-\(next.text)) cannot be joined with OR.")
                }
                alternatives.append(try Self.term(next, limits))
                index += 2
            }
            clauses.append(.anyOf(alternatives))
        }
        let termCount = clauses.reduce(0) { count, clause in
            if case .anyOf(let terms) = clause { return count + terms.count }
            return count + 1
        }
        guard termCount <= limits.maxTerms else {
            throw QueryError(.tooManyTerms, "The query has \(termCount) terms; the limit is \(limits.maxTerms).")
        }
        guard clauses.contains(where: { if case .anyOf = $0 { true } else { false } }) else {
            throw QueryError(.onlyExclusions, "The query only excludes terms. Add a term to search for, as in 協定 -廃止.")
        }
        self.init(clauses: clauses)
    }

    /// A query of one literal term, spaces and operators included (the benchmark's form).
    package init(phrase: String, limits: QueryLimits = QueryLimits()) throws(QueryError) {
        let length = phrase.unicodeScalars.count
        guard length <= limits.maxCharacters else {
            throw QueryError(.tooLong, "The query is \(length) characters long; the limit is \(limits.maxCharacters). Search for a shorter phrase.")
        }
        guard !phrase.isEmpty else {
            throw QueryError(.empty, "The query is empty. Type a word or phrase, for example 包括連携協定.")
        }
        try Self.refuseControlCharacters(in: phrase)
        self.init(clauses: [.anyOf([try Self.term(QueryLexer.Word(text: phrase, quoted: true, excluded: false), limits)])])
    }

    private static func term(_ word: QueryLexer.Word, _ limits: QueryLimits) throws(QueryError) -> SearchTerm {
        let term = SearchTerm(written: word.text)
        guard BigramTokenizer.hasSearchableCharacter(term.normalized) else {
            throw QueryError(.nothingSearchable, "The phrase \"\(word.text)\" has only blanks; it has nothing to search for.")
        }
        let length = term.normalized.unicodeScalars.count
        guard length <= limits.maxTermCharacters else {
            throw QueryError(.termTooLong, "A term is \(length) characters long; the limit is \(limits.maxTermCharacters).")
        }
        return term
    }
}

/// Splits query text into terms and OR operators.
enum QueryLexer {
    struct Word: Hashable {
        var text: String
        var quoted: Bool
        var excluded: Bool
    }

    enum Item: Hashable {
        case term(Word)
        case or
    }

    static func words(in text: String) -> [Item] {
        let scalars = Array(text.unicodeScalars)
        var items: [Item] = []
        var index = 0
        func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
            scalar == " " || scalar == "\u{3000}" || scalar.properties.isWhitespace
        }
        while index < scalars.count {
            if isSeparator(scalars[index]) {
                index += 1
                continue
            }
            var excluded = false
            if scalars[index] == "-", index + 1 < scalars.count, !isSeparator(scalars[index + 1]) {
                excluded = true
                index += 1
            }
            // A quote opens a phrase only where a closing quote follows with something between;
            // a lone quote, or two in a row, is text.
            if scalars[index] == "\"", let close = scalars[(index + 1)...].firstIndex(of: "\""), close > index + 1 {
                var phrase = String.UnicodeScalarView()
                phrase.append(contentsOf: scalars[(index + 1)..<close])
                items.append(.term(Word(text: String(phrase), quoted: true, excluded: excluded)))
                index = close + 1
                continue
            }
            var end = index
            while end < scalars.count, !isSeparator(scalars[end]) { end += 1 }
            var word = String.UnicodeScalarView()
            word.append(contentsOf: scalars[index..<end])
            let text = String(word)
            if text == "OR", !excluded {
                items.append(.or)
            } else {
                items.append(.term(Word(text: text, quoted: false, excluded: excluded)))
            }
            index = end
        }
        return items
    }
}

extension SearchQuery {
    /// Control characters (C0 but tab, line feed and carriage return, and DEL) are nothing a
    /// page can be searched for, and SQLite reads NUL as the end of a string: a query with
    /// one is refused, naming it.
    static func refuseControlCharacters(in text: String) throws(QueryError) {
        guard let control = text.unicodeScalars.first(where: { ($0.value < 0x20 && !"\t\n\r".unicodeScalars.contains($0)) || $0.value == 0x7F })
        else { return }
        let code =
            "U+" + String(repeating: "0", count: 4 - String(control.value, radix: 16).count) + String(control.value, radix: 16, uppercase: true)
        throw QueryError(.controlCharacter, "The query contains the control character \(code); remove it and search again.")
    }
}
