internal import Foundation
internal import Hummingbird
internal import RenkeiCore
internal import RenkeiQuery

/// Typed query parameters with 400 answers that say which parameter is wrong and why.
struct QueryParameters {
    /// The first value of each name, decoded as HTML forms encode them (`+` is a space).
    let values: [String: String]

    init(request: Request) {
        var values: [String: String] = [:]
        for pair in (request.uri.query ?? "").split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0]), value = parts.count > 1 ? Self.decode(parts[1]) : ""
            if values[name] == nil { values[name] = value }
        }
        self.values = values
    }

    /// Form decoding; a malformed escape (`%zz`) is kept as written rather than dropped.
    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    func string(_ name: String) -> String? {
        values[name]
    }

    func required(_ name: String, example: String) throws -> String {
        guard let value = string(name), !value.isEmpty else {
            throw Problem(.badRequest, "Missing parameter", "The parameter \(name) is required, for example \(name)=\(example).")
        }
        return value
    }

    /// One of an enumeration's raw values, or nil when absent.
    func choice<T: RawRepresentable & CaseIterable>(_ name: String, as type: T.Type) throws -> T? where T.RawValue == String {
        guard let text = string(name), !text.isEmpty else { return nil }
        guard let value = T(rawValue: text) else {
            let names = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw Problem(.badRequest, "Bad parameter", "\(name) must be one of \(names); it was \(text).")
        }
        return value
    }

    func boolean(_ name: String, default value: Bool) throws -> Bool {
        switch string(name) {
        case nil: return value
        case "true", "1": return true
        case "false", "0": return false
        case let text?: throw Problem(.badRequest, "Bad parameter", "\(name) must be true or false; it was \(text).")
        }
    }

    /// city, entity, kind and fy; an empty value is no filter (what an empty form field sends).
    func searchFilters() throws -> SearchFilters {
        SearchFilters(
            city: nonEmpty("city"), entity: nonEmpty("entity"), kind: try choice("kind", as: EntityKind.self),
            fiscalYear: try nonEmpty("fy").map { _ in try integer("fy", default: 0, in: 1868...2200) })
    }

    private func nonEmpty(_ name: String) -> String? {
        string(name).flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
    }

    func integer(_ name: String, default value: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let text = string(name) else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw Problem(.badRequest, "Bad parameter", "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound); it was \(text).")
        }
        return number
    }
}
