/// What one document contributes to the knowledge graph, keyed so contributions of many
/// documents join: the same key is the same real-world entity.
package struct DocumentGraph: Hashable, Sendable {
    package var entities: [GraphEntity]
    package var relations: [GraphRelation]
    /// The fiscal years (April to March, by the year they start) the document writes about.
    package var fiscalYears: [Int]

    package init(entities: [GraphEntity] = [], relations: [GraphRelation] = [], fiscalYears: [Int] = []) {
        self.entities = entities
        self.relations = relations
        self.fiscalYears = fiscalYears
    }
}

/// An entity as one document writes it.
package struct GraphEntity: Hashable, Sendable {
    /// Identity across documents (see `EntityIdentity`): `city:132128`, `company:イオン` …
    package var key: EntityKey
    package var kind: EntityKind
    package var name: String
    package var aliases: [String]
    package var code: String?
    package var prefecture: String?
    package var corporateNumber: String?
    package var signed: String?
    package var topics: [String]
    package var amountYen: Int?
    package var fiscalYear: Int?
    /// Scalar ranges of the document's text where it is named.
    package var mentions: [Range<Int>]

    package init(
        key: EntityKey, kind: EntityKind, name: String, aliases: [String] = [], code: String? = nil, prefecture: String? = nil,
        corporateNumber: String? = nil, signed: String? = nil, topics: [String] = [], amountYen: Int? = nil,
        fiscalYear: Int? = nil, mentions: [Range<Int>] = []
    ) {
        self.key = key
        self.kind = kind
        self.name = name
        self.aliases = aliases
        self.code = code
        self.prefecture = prefecture
        self.corporateNumber = corporateNumber
        self.signed = signed
        self.topics = topics
        self.amountYen = amountYen
        self.fiscalYear = fiscalYear
        self.mentions = mentions
    }
}

/// The predicates of DESIGN.md §2 (`mentions` is the mention table itself).
package enum RelationPredicate: String, Hashable, Sendable, CaseIterable, Codable {
    /// body → agreement
    case partyTo = "party_to"
    /// body → project
    case participatesIn = "participates_in"
    /// organization → project
    case organizes
    /// project → agreement
    case under
    /// city → prefecture
    case inPrefecture = "in_prefecture"
}

/// A typed edge with the text it was read from.
package struct GraphRelation: Hashable, Sendable {
    package var subject: EntityKey
    package var predicate: RelationPredicate
    package var object: EntityKey
    /// Scalar range of the evidence in the document's text, and the evidence itself.
    package var evidence: Range<Int>?
    package var evidenceText: String?

    package init(subject: EntityKey, predicate: RelationPredicate, object: EntityKey, evidence: Range<Int>? = nil, evidenceText: String? = nil) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
        self.evidence = evidence
        self.evidenceText = evidenceText
    }
}
