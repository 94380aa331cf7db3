/// An entity in lists and on either end of a relation.
package struct EntitySummary: Hashable, Sendable {
    package var key: EntityKey
    package var kind: EntityKind
    package var name: String
    package var prefecture: String?
    package var code: String?
    /// How many documents name it.
    package var documents: Int

    package init(key: EntityKey, kind: EntityKind, name: String, prefecture: String? = nil, code: String? = nil, documents: Int = 0) {
        self.key = key
        self.kind = kind
        self.name = name
        self.prefecture = prefecture
        self.code = code
        self.documents = documents
    }
}

/// An entity with everything the graph knows of it.
package struct EntityDetail: Hashable, Sendable {
    package struct Mention: Hashable, Sendable {
        package var document: String
        package var start: Int
        package var end: Int

        package init(document: String, start: Int, end: Int) {
            self.document = document
            self.start = start
            self.end = end
        }
    }

    package var summary: EntitySummary
    package var aliases: [String]
    package var corporateNumber: String?
    package var signed: String?
    package var topics: [String]
    package var amountYen: Int?
    package var fiscalYear: Int?
    package var mentions: [Mention]

    package init(
        summary: EntitySummary, aliases: [String], corporateNumber: String? = nil, signed: String? = nil, topics: [String], amountYen: Int? = nil,
        fiscalYear: Int? = nil, mentions: [Mention]
    ) {
        self.summary = summary
        self.aliases = aliases
        self.corporateNumber = corporateNumber
        self.signed = signed
        self.topics = topics
        self.amountYen = amountYen
        self.fiscalYear = fiscalYear
        self.mentions = mentions
    }
}

/// One typed edge seen from an entity, with the page and words it came from.
package struct RelationEdge: Hashable, Sendable {
    package enum Direction: String, Hashable, Sendable, Codable { case outgoing, incoming }

    package var predicate: RelationPredicate
    package var direction: Direction
    package var other: EntitySummary
    package var document: String
    package var evidence: String?
    package var evidenceStart: Int?
    package var evidenceEnd: Int?
    /// When the other end is an agreement: its signing date and parties, so a list of
    /// relations answers "with whom, when" without a call per agreement.
    package var agreement: AgreementBrief?

    package init(
        predicate: RelationPredicate, direction: Direction, other: EntitySummary, document: String, evidence: String? = nil,
        evidenceStart: Int? = nil, evidenceEnd: Int? = nil, agreement: AgreementBrief? = nil
    ) {
        self.agreement = agreement
        self.predicate = predicate
        self.direction = direction
        self.other = other
        self.document = document
        self.evidence = evidence
        self.evidenceStart = evidenceStart
        self.evidenceEnd = evidenceEnd
    }
}

/// An agreement's date and parties, carried by the relations that lead to it.
package struct AgreementBrief: Hashable, Sendable {
    package var signed: String?
    package var parties: [EntitySummary]

    package init(signed: String?, parties: [EntitySummary]) {
        self.signed = signed
        self.parties = parties
    }
}

/// A relation with both ends, for exports.
package struct GraphEdgeRecord: Hashable, Sendable {
    package var subject: EntityKey
    package var predicate: RelationPredicate
    package var object: EntityKey
    package var document: String
    package var evidence: String?

    package init(subject: EntityKey, predicate: RelationPredicate, object: EntityKey, document: String, evidence: String? = nil) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
        self.document = document
        self.evidence = evidence
    }
}
