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
