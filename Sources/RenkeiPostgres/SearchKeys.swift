/// The keys a unit is found by in PostgreSQL: every character and every pair of adjacent
/// characters of its normalised title and text (or of their fold, for the loose keys), each
/// hashed to 32 bits (FNV-1a over the scalars). A term's keys are its own characters and
/// pairs, so every unit containing the term holds all of them: the GIN index's candidates
/// include every match, and checking the term in the text (`strpos`) removes the rest. A hash
/// collision only adds a candidate, never loses a match.
///
/// Pairs rather than the SQLite index's tokens (`BigramTokenizer`): those exist for FTS5's
/// positional phrases; here the text check does that work, and plain pairs keep a term's
/// keys a subset of its unit's keys without exception (blanks, ASCII runs, any script).
enum SearchKeys {
    /// The keys of every text, ascending, without repeats, as PostgreSQL's array literal.
    static func arrayLiteral(of texts: [String]) -> String {
        var keys = Set<Int32>()
        for text in texts { insert(text, into: &keys) }
        return "{" + keys.sorted().map(String.init).joined(separator: ",") + "}"
    }

    /// The keys a unit must hold to contain `term`: its pairs, or its one character.
    static func keys(of term: String) -> [Int] {
        var keys = Set<Int32>()
        let scalars = Array(term.unicodeScalars)
        if scalars.count == 1 {
            keys.insert(hash(scalars[0].value))
        } else {
            for index in scalars.indices.dropLast() { keys.insert(hash(scalars[index].value, scalars[index + 1].value)) }
        }
        return keys.sorted().map(Int.init)
    }

    private static func insert(_ text: String, into keys: inout Set<Int32>) {
        var previous: UInt32?
        for scalar in text.unicodeScalars {
            keys.insert(hash(scalar.value))
            if let previous { keys.insert(hash(previous, scalar.value)) }
            previous = scalar.value
        }
    }

    private static func hash(_ values: UInt32...) -> Int32 {
        var hash: UInt32 = 2_166_136_261
        for value in values {
            for shift in stride(from: 0, to: 32, by: 8) {
                hash = (hash ^ ((value >> UInt32(shift)) & 0xFF)) &* 16_777_619
            }
        }
        // A single character and a pair never share a key by construction of the input length.
        return Int32(bitPattern: values.count == 1 ? hash | 1 : hash & ~1)
    }
}
