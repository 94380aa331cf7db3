internal import Foundation
internal import Hummingbird
internal import RenkeiCore
internal import RenkeiQuery

/// Typed query parameters with 400 answers that say which parameter is wrong and why.
struct QueryParameters {
    /// The first value of each name, decoded as HTML forms encode them (`+` is a space).
    let values: [String: String]
    /// Every value of each name, in order, for parameters that may repeat (`party`).
    let repeated: [String: [String]]

    /// `form`: the parameters come from an HTML form, whose empty fields mean "not given";
    /// for the JSON API an empty value where a value is expected is a 400.
    init(request: Request, form: Bool = false) {
        var values: [String: String] = [:]
        var repeated: [String: [String]] = [:]
        for pair in (request.uri.query ?? "").split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0]), value = parts.count > 1 ? Self.decode(parts[1]) : ""
            if form, value.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            if values[name] == nil { values[name] = value }
            repeated[name, default: []].append(value)
        }
        self.values = values
        self.repeated = repeated
    }

    /// Form decoding; a malformed escape (`%zz`) is kept as written rather than dropped.
    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    /// Every value given for a parameter that may repeat; none may be empty.
    func all(_ name: String) throws -> [String] {
        let given = repeated[name] ?? []
        if given.contains(where: \.isEmpty) {
            throw Problem(.badRequest, "Empty parameter", "A \(name) is empty: leave it out or give it a value.")
        }
        return given
    }

    /// The value as given, empty or not.
    func string(_ name: String) -> String? {
        values[name]
    }

    /// A value that must not be empty when given.
    func optional(_ name: String) throws -> String? {
        guard let value = values[name] else { return nil }
        guard !value.isEmpty else {
            throw Problem(.badRequest, "Empty parameter", "\(name) is empty: leave it out or give it a value.")
        }
        return value
    }

    func required(_ name: String, example: String) throws -> String {
        guard let value = string(name), !value.isEmpty else {
            throw Problem(.badRequest, "Missing parameter", "The parameter \(name) is required, for example \(name)=\(example).")
        }
        return value
    }

    /// One of an enumeration's raw values, or nil when absent.
    func choice<T: RawRepresentable & CaseIterable>(_ name: String, as type: T.Type) throws -> T? where T.RawValue == String {
        guard let text = try optional(name) else { return nil }
        guard let value = T(rawValue: text) else {
            let names = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw Problem(.badRequest, "Bad parameter", "\(name) must be one of \(names); it was \(text).")
        }
        return value
    }

    func boolean(_ name: String, default value: Bool) throws -> Bool {
        switch try optional(name) {
        case nil: return value
        case "true", "1": return true
        case "false", "0": return false
        case let text?: throw Problem(.badRequest, "Bad parameter", "\(name) must be true or false; it was \(text).")
        }
    }

    /// city, entity, kind and fy.
    func searchFilters() throws -> SearchFilters {
        SearchFilters(
            city: try name("city"), entity: try name("entity"), kind: try choice("kind", as: EntityKind.self),
            fiscalYear: try optional("fy").map { _ in try integer("fy", default: 0, in: 1868...2200) })
    }

    /// A city or entity name: no name in the graph is longer than 256 characters.
    func name(_ parameter: String) throws -> String? {
        guard let value = try optional(parameter) else { return nil }
        try Self.checkNameLength(value, parameter)
        return value
    }

    /// Every value of a repeatable name parameter.
    func names(_ parameter: String) throws -> [String] {
        let values = try all(parameter)
        for value in values { try Self.checkNameLength(value, parameter) }
        return values
    }

    private static func checkNameLength(_ value: String, _ parameter: String) throws {
        guard value.unicodeScalars.count <= 256 else {
            throw Problem(.badRequest, "Bad parameter", "\(parameter) is \(value.unicodeScalars.count) characters long; at most 256 are accepted.")
        }
    }

    func integer(_ name: String, default value: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let text = try optional(name) else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw Problem(
                .badRequest, "Bad parameter", "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound); it was \(text).")
        }
        return number
    }
}

extension QueryParameters {
    /// The filters agreements and projects share: members (`party` or `participant`, repeatable),
    /// `kind` of member, `city`, `prefecture`, `q` (name contains).
    func collaborationQuery(_ kind: EntityKind, members: String) throws -> CollaborationQuery {
        var query = CollaborationQuery(kind: kind)
        query.members = try names(members)
        query.memberKind = try choice("kind", as: EntityKind.self)
        query.city = try name("city")
        query.prefecture = try name("prefecture")
        query.nameContains = try name("q")
        return query
    }

    /// Agreements: the shared filters with `party`, and `signed_from`, `signed_to`.
    func agreementQuery() throws -> CollaborationQuery {
        var query = try collaborationQuery(.agreement, members: "party")
        query.signedFrom = try optional("signed_from")
        query.signedTo = try optional("signed_to")
        return query
    }
}
