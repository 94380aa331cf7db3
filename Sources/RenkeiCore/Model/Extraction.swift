/// The kinds of entity Renkei extracts.
package enum EntityKind: String, Hashable, Sendable, Codable, CaseIterable {
    case city, prefecture, company, university, organization, agreement, project
}

/// One entity of one document, with everything the gold format records and where the text names it.
package struct ExtractedEntity: Hashable, Sendable {
    /// Document-local id: `e1…` bodies and places, `a1…` agreements, `p1…` projects.
    package var id: String
    package var kind: EntityKind
    /// The fullest form written.
    package var name: String
    /// Other spellings, and the name without its legal form (イオン株式会社 → イオン).
    package var aliases: [String] = []
    // Places
    package var code: String? = nil
    package var prefecture: String? = nil
    package var corporateNumber: String? = nil
    // Agreements
    package var signed: String? = nil
    package var parties: [String] = []
    package var topics: [String] = []
    // Projects
    package var participants: [String] = []
    package var organizer: String? = nil
    package var agreement: String? = nil
    package var amountYen: Int? = nil
    package var fiscalYear: Int? = nil
    /// Scalar ranges in the document's text where the name or an alias is written.
    package var mentions: [Range<Int>] = []
    /// For agreements and projects: the scalar range of the text they were read from (the
    /// block's name line, the signing sentence, the line naming the initiative, the table
    /// row); the evidence of their party and participant relations.
    package var evidence: Range<Int>? = nil
    /// The evidence as read (normalised), until the extractor locates it in the document.
    package var evidenceText: String? = nil

    package init(id: String, kind: EntityKind, name: String) {
        self.id = id
        self.kind = kind
        self.name = name
    }

    /// Every form the entity is written in.
    package var allNames: [String] { [name] + aliases }
}

/// What extraction found in one document.
package struct Extraction: Sendable {
    package var document: DocumentID
    package var entities: [ExtractedEntity]

    package init(document: DocumentID, entities: [ExtractedEntity]) {
        self.document = document
        self.entities = entities
    }

    /// Counts per kind, in `EntityKind` order.
    package var countsByKind: [(EntityKind, Int)] {
        EntityKind.allCases.map { kind in (kind, entities.filter { $0.kind == kind }.count) }
    }
}
