internal import Foundation
internal import PostgresNIO

/// A value bound to a statement parameter.
enum SQLValue: Sendable {
    case text(String?)
    case int(Int?)
    case texts([String])
    case ints([Int])

    func bind(to bindings: inout PostgresBindings) {
        switch self {
        case .text(let value): bindings.append(value)
        case .int(let value): bindings.append(value)
        case .texts(let values): bindings.append(values)
        case .ints(let values): bindings.append(values)
        }
    }
}

/// SQL written with `?` for each parameter, as the SQLite store writes it, and the values.
/// PostgreSQL numbers its parameters (`$1`); `query` numbers the marks outside string literals
/// (so SQL comments here must not hold an apostrophe: it would read as a literal opening).
struct SQL: Sendable {
    var text: String
    var arguments: [SQLValue]

    init(_ text: String, _ arguments: [SQLValue] = []) {
        self.text = text
        self.arguments = arguments
    }

    /// The text with its marks numbered (`$1`, `$2`, …).
    var numbered: String {
        var numbered = ""
        numbered.reserveCapacity(text.utf8.count + 16)
        var number = 0
        var inLiteral = false
        for character in text {
            if character == "'" { inLiteral.toggle() }
            if character == "?", !inLiteral {
                number += 1
                numbered += "$\(number)"
            } else {
                numbered.append(character)
            }
        }
        return numbered
    }

    var query: PostgresQuery {
        var bindings = PostgresBindings(capacity: arguments.count)
        for argument in arguments { argument.bind(to: &bindings) }
        return PostgresQuery(unsafeSQL: numbered, binds: bindings)
    }
}

/// One result row, read by column position.
struct SQLRow {
    private let cells: PostgresRandomAccessRow

    init(_ row: PostgresRow) { cells = row.makeRandomAccess() }

    func string(_ column: Int) -> String { (try? cells[column].decode(String.self)) ?? "" }
    func optionalString(_ column: Int) -> String? { try? cells[column].decode(String?.self) }
    func int(_ column: Int) -> Int { (try? cells[column].decode(Int.self)) ?? 0 }
    func optionalInt(_ column: Int) -> Int? { try? cells[column].decode(Int?.self) }
    func int64(_ column: Int) -> Int64 { (try? cells[column].decode(Int64.self)) ?? 0 }
    func double(_ column: Int) -> Double { (try? cells[column].decode(Double.self)) ?? 0 }
    func bool(_ column: Int) -> Bool { (try? cells[column].decode(Bool.self)) ?? false }
}
