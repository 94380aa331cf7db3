/// How many partners an entity has of each kind, by the signing year of the agreement they
/// share (nil: undated).
package struct PartnerCount: Hashable, Sendable {
    package var kind: EntityKind
    package var year: Int?
    package var partners: Int

    package init(kind: EntityKind, year: Int?, partners: Int) {
        self.kind = kind
        self.year = year
        self.partners = partners
    }
}

/// An entity's partners counted by kind and year, and in total by kind (a partner of two
/// years counts once there).
package struct PartnerCounts: Hashable, Sendable {
    package var byYear: [PartnerCount]
    package var totals: [EntityKind: Int]

    package init(byYear: [PartnerCount], totals: [EntityKind: Int]) {
        self.byYear = byYear
        self.totals = totals
    }
}

/// What agreements are counted by.
package enum AgreementGrouping: String, Hashable, Sendable, CaseIterable {
    /// The signing year.
    case year
    /// The prefecture of each city or prefecture that is a party (an agreement between two
    /// prefectures' bodies counts in both).
    case prefecture
    /// The kind of each party (an agreement with a company and a university counts in both).
    case partyKind = "party_kind"
}

/// Agreements in one group: `value` is the year, the prefecture's 2-digit code or the kind
/// (nil: undated, or a party without a prefecture), `label` a name for people.
package struct AgreementCount: Hashable, Sendable {
    package var value: String?
    package var label: String?
    package var agreements: Int

    package init(value: String?, label: String?, agreements: Int) {
        self.value = value
        self.label = label
        self.agreements = agreements
    }
}
