internal import Hummingbird
internal import RenkeiCore

/// Typed query parameters with 400 answers that say which parameter is wrong and why.
struct QueryParameters {
    let request: Request

    func string(_ name: String) -> String? {
        request.uri.queryParameters.get(name)
    }

    func required(_ name: String, example: String) throws -> String {
        guard let value = string(name), !value.isEmpty else {
            throw Problem(.badRequest, "Missing parameter", "The parameter \(name) is required, for example \(name)=\(example).")
        }
        return value
    }

    /// One of an enumeration's raw values, or nil when absent.
    func choice<T: RawRepresentable & CaseIterable>(_ name: String, as type: T.Type) throws -> T? where T.RawValue == String {
        guard let text = string(name) else { return nil }
        guard let value = T(rawValue: text) else {
            let names = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw Problem(.badRequest, "Bad parameter", "\(name) must be one of \(names); it was \(text).")
        }
        return value
    }

    func integer(_ name: String, default value: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let text = string(name) else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw Problem(.badRequest, "Bad parameter", "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound); it was \(text).")
        }
        return number
    }
}
