internal import GRDB
internal import RenkeiCore

/// `renkei_normalize(text)`: the normalisation the search index was built with (NFKC, NFC,
/// lower case), as an SQL function, so SQL can derive the text the contentless index no
/// longer stores. NULL stays NULL.
enum NormalizeFunction {
    static let name = "renkei_normalize"

    static let function = DatabaseFunction(name, argumentCount: 1, pure: true) { values in
        String.fromDatabaseValue(values[0]).map { Normalizer.normalize($0) }
    }
}

/// `renkei_loose_pairs(title, body)` and `renkei_loose_characters(title, body)`: what the
/// loose indexes were given for a unit (`LooseChanges` of its normalised title and body),
/// for SQL that must give it again (filling a new index, deleting a unit). NULL stays NULL.
enum LooseFunctions {
    static let pairs = "renkei_loose_pairs"
    static let characters = "renkei_loose_characters"

    static let all = [
        DatabaseFunction(pairs, argumentCount: 2, pure: true) { values in changes(values)?.pairs },
        DatabaseFunction(characters, argumentCount: 2, pure: true) { values in changes(values)?.characters },
    ]

    private static func changes(_ values: [DatabaseValue]) -> LooseChanges? {
        guard let title = String.fromDatabaseValue(values[0]), let body = String.fromDatabaseValue(values[1]) else { return nil }
        return LooseChanges(normalized: [title, body])
    }
}
