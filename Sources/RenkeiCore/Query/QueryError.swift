/// Why a query cannot be run; `message` is written for the person who typed it.
package struct QueryError: Error, Hashable, Sendable, CustomStringConvertible {
    package enum Code: String, Hashable, Sendable {
        case empty, onlyExclusions, misplacedOr, excludedAlternative
        case tooLong, tooManyTerms, termTooLong, nothingSearchable, outOfRange, controlCharacter, badCursor, badValue
    }

    package var code: Code
    package var message: String

    package init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    package var description: String { message }
}
