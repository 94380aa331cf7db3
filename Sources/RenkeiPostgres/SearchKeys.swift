/// The keys a unit is found by in PostgreSQL: every character, every pair and every triple of
/// adjacent characters of its normalised title and text (or of their fold, for the loose
/// keys), each written exactly as one 64-bit integer under a GIN index.
///
/// A term's keys are its own character (one character), its pair (two) or its triples (three
/// or more), so every unit containing the term holds all of them. Keys are exact, not hashed:
/// for a term of up to three characters, holding its key *is* containing it (in the title or
/// in the text: keys never span the two), and no text is read; a longer term's units are
/// those holding every triple, checked with `strpos` (the triples may lie apart).
///
/// The three kinds never collide: a character is its scalar value (below 2^21), a pair is
/// negative, a triple is at least 2^42 (its first scalar is never U+0000: PostgreSQL text
/// holds no NUL). The tokens of the SQLite index (`BigramTokenizer`) exist for FTS5's
/// positional phrases; plain n-grams keep a term's keys a subset of its unit's keys without
/// exception (blanks, ASCII runs, any script).
enum SearchKeys {
    /// Appends the keys of every text, ascending, without repeats, to `list`.
    static func append(keysOf texts: [String], to list: inout [Int]) {
        var keys = Set<Int64>()
        for text in texts {
            var older: UInt32?, previous: UInt32?
            for scalar in text.unicodeScalars {
                let value = scalar.value
                keys.insert(character(value))
                if let previous { keys.insert(pair(previous, value)) }
                if let older, let previous { keys.insert(triple(older, previous, value)) }
                (older, previous) = (previous, value)
            }
        }
        list += keys.sorted().map(Int.init)
    }

    /// The keys a unit must hold to contain `term`.
    static func keys(of term: String) -> [Int] {
        let scalars = term.unicodeScalars.map(\.value)
        switch scalars.count {
        case 0: return []
        case 1: return [Int(character(scalars[0]))]
        case 2: return [Int(pair(scalars[0], scalars[1]))]
        default: return Set((0..<(scalars.count - 2)).map { Int(triple(scalars[$0], scalars[$0 + 1], scalars[$0 + 2])) }).sorted()
        }
    }

    /// Whether holding the term's keys is containing it, so no text need be checked.
    static func decide(_ term: String) -> Bool {
        (1...3).contains(term.unicodeScalars.count)
    }

    private static func character(_ value: UInt32) -> Int64 { Int64(value) }

    private static func pair(_ first: UInt32, _ second: UInt32) -> Int64 { -1 - (Int64(first) << 21 | Int64(second)) }

    private static func triple(_ first: UInt32, _ second: UInt32, _ third: UInt32) -> Int64 {
        Int64(first) << 42 | Int64(second) << 21 | Int64(third)
    }
}
