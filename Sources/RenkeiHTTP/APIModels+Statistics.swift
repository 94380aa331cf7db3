internal import Hummingbird
internal import RenkeiCore

extension APIModels {
    /// `/api/stats/partners`: the entity's partners by kind and signing year, and in total by kind.
    package struct PartnerStatistics: ResponseEncodable {
        struct Row: Codable, Hashable, Sendable { var kind: String; var year: Int?; var partners: Int }
        struct Total: Codable, Hashable, Sendable { var kind: String; var partners: Int }

        var entity: Entity
        var byYear: [Row]
        /// Distinct partners per kind over all years (a partner of two years counts once).
        var totals: [Total]
    }

    /// `/api/stats/agreements`: agreements per group.
    package struct AgreementStatistics: ResponseEncodable {
        struct Group: Codable, Hashable, Sendable { var value: String?; var label: String?; var agreements: Int }

        var groupBy: String
        var groups: [Group]

        init(_ grouping: AgreementGrouping, _ counts: [AgreementCount]) {
            groupBy = grouping.rawValue
            groups = counts.map { Group(value: $0.value, label: $0.label, agreements: $0.agreements) }
        }
    }
}
