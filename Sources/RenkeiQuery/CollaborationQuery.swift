internal import Foundation
package import RenkeiCore

/// A list of agreements or projects as people ask for it: members by key or name, a city or
/// prefecture by code or name, dates or years. `resolve` turns it into the store's filter.
package struct CollaborationQuery: Hashable, Sendable {
    package var kind: EntityKind
    /// Keys or names of entities that must all take part.
    package var members: [String] = []
    package var memberKind: EntityKind?
    /// A city's 6-digit code or name.
    package var city: String?
    /// A prefecture's code (2 or 6 digits) or name.
    package var prefecture: String?
    /// `2020`, `2020-04` or `2020-04-01`.
    package var signedFrom: String?
    package var signedTo: String?
    package var fiscalYear: Int?
    package var amountMin: Int?
    package var amountMax: Int?
    package var nameContains: String?

    package init(kind: EntityKind) {
        self.kind = kind
    }

    /// The store's filter, or nil with the reason when an entity or place the index does not
    /// know leaves nothing to list (an empty list, as with search filters). An ambiguous
    /// name is a `GraphError` listing its candidates; a malformed date a `QueryError`.
    func resolve(with graph: GraphService) throws -> (filter: CollaborationFilter?, notices: [String]) {
        var filter = CollaborationFilter(kind: kind)
        var notices: [String] = []
        filter.memberKind = memberKind
        for member in members {
            do {
                filter.members.append(try graph.resolve(member).key)
            } catch let error as GraphError where error.candidates.isEmpty {
                notices.append("No entity has the key or name \(member). Find one with /api/entities?q=….")
            }
        }
        if let city {
            let isCode = city.count == 6 && city.allSatisfy { $0.isASCII && $0.isNumber }
            if isCode {
                filter.cityCode = city
            } else if let code = try graph.store.entities(named: city).first(where: { $0.kind == .city })?.code {
                filter.cityCode = code
            } else {
                notices.append("No document names a city \(city). Give a city name such as 日野市 or its 6-digit code such as 132128.")
            }
        }
        if let prefecture {
            if prefecture.count == 2 || prefecture.count == 6, prefecture.allSatisfy({ $0.isASCII && $0.isNumber }) {
                filter.prefectureDigits = String(prefecture.prefix(2))
            } else if let code = try graph.store.entities(named: prefecture).first(where: { $0.kind == .prefecture })?.code {
                filter.prefectureDigits = String(code.prefix(2))
            } else {
                notices.append("No document names a prefecture \(prefecture). Give its name such as 東京都 or its code such as 13.")
            }
        }
        filter.signedFrom = try signedFrom.map { try Self.date($0, parameter: "signed_from") }
        filter.signedTo = try signedTo.map { try Self.date($0, parameter: "signed_to") }
        filter.fiscalYear = fiscalYear
        filter.amountMin = amountMin
        filter.amountMax = amountMax
        filter.nameContains = nameContains.map { Normalizer.normalize($0, foldingCase: false) }
        return (notices.isEmpty ? filter : nil, notices)
    }

    /// A date bound as stored: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, months and days of two digits.
    static func date(_ text: String, parameter: String) throws -> String {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let widths = [4, 2, 2]
        guard (1...3).contains(parts.count),
            zip(parts, widths).allSatisfy({ part, width in part.count == width && part.allSatisfy { $0.isASCII && $0.isNumber } }),
            parts.count < 2 || (1...12).contains(Int(parts[1])!), parts.count < 3 || (1...31).contains(Int(parts[2])!)
        else {
            throw QueryError(.badValue, "\(parameter) must be a year (2020), a month (2020-04) or a date (2020-04-01); it was \(text).")
        }
        return text
    }
}

/// A page of agreements or projects, with the cursor of the next page and why it may be empty.
package struct CollaborationList: Hashable, Sendable {
    package var records: [CollaborationRecord]
    /// The opaque cursor of the next page; nil on the last.
    package var next: String?
    package var notices: [String]
}
