/// Why one file was not ingested; `reason` completes the line `path: reason`.
package struct IngestError: Error, Hashable, Sendable, CustomStringConvertible {
    package enum Code: String, Hashable, Sendable {
        case unreadable, tooLarge, empty, binary, noText, tooDeep, duplicateID, notFound
    }

    package var code: Code
    package var reason: String

    package init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    package var description: String { reason }
}
