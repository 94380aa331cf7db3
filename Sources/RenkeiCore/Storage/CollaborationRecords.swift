/// An agreement or a project with everything a client asks about it in one answer: who takes
/// part, the agreements or projects it is linked to, the pages it comes from and the words
/// each fact was read from.
package struct CollaborationRecord: Hashable, Sendable {
    /// A body taking part: a party to an agreement, a participant in or organizer of a project.
    package struct Member: Hashable, Sendable {
        package var entity: EntitySummary
        package var role: RelationPredicate

        package init(entity: EntitySummary, role: RelationPredicate) {
            self.entity = entity
            self.role = role
        }
    }

    /// Where one relation of the record was read.
    package struct Evidence: Hashable, Sendable {
        package var predicate: RelationPredicate
        /// The entity on the other end of the relation.
        package var entity: EntityKey
        package var document: String
        package var start: Int?
        package var end: Int?
        package var text: String?

        package init(predicate: RelationPredicate, entity: EntityKey, document: String, start: Int?, end: Int?, text: String?) {
            self.predicate = predicate
            self.entity = entity
            self.document = document
            self.start = start
            self.end = end
            self.text = text
        }
    }

    package var summary: EntitySummary
    package var aliases: [String]
    package var signed: String?
    package var topics: [String]
    package var amountYen: Int?
    package var fiscalYear: Int?
    /// Parties (agreements) or participants and organizers (projects), by name.
    package var members: [Member]
    /// The projects under an agreement, or the agreements a project is under.
    package var linked: [EntitySummary]
    /// The documents that name it, by id.
    package var documents: [String]
    package var evidence: [Evidence]

    package init(
        summary: EntitySummary, aliases: [String], signed: String?, topics: [String], amountYen: Int?, fiscalYear: Int?, members: [Member],
        linked: [EntitySummary], documents: [String], evidence: [Evidence]
    ) {
        self.summary = summary
        self.aliases = aliases
        self.signed = signed
        self.topics = topics
        self.amountYen = amountYen
        self.fiscalYear = fiscalYear
        self.members = members
        self.linked = linked
        self.documents = documents
        self.evidence = evidence
    }
}

/// Which agreements or projects a list holds. Every condition given must hold.
package struct CollaborationFilter: Hashable, Sendable {
    /// `.agreement` or `.project`.
    package var kind: EntityKind
    /// Entities that must all take part.
    package var members: [EntityKey] = []
    /// A kind of body that must take part (company, university, …).
    package var memberKind: EntityKind?
    /// A city with this 6-digit code must take part.
    package var cityCode: String?
    /// A city or the prefecture itself of this prefecture (the first two digits of its code) must take part.
    package var prefectureDigits: String?
    /// Signing dates as written (`2021`, `2021-04`, `2021-04-01`), compared as text: a bound
    /// `2021` holds every date of 2021. An agreement without a date passes no date bound.
    package var signedFrom: String?
    package var signedTo: String?
    package var fiscalYear: Int?
    package var amountMin: Int?
    package var amountMax: Int?
    /// Text the name or one of its written forms contains.
    package var nameContains: String?

    package init(kind: EntityKind) {
        self.kind = kind
    }
}

/// Where a page of a list ends: the sort value (signing date or fiscal year) and key of its
/// last item. Lists run newest first, then by key, so pages are stable while the index is.
package struct CollaborationCursor: Hashable, Sendable {
    package var sortValue: String
    package var key: EntityKey

    package init(sortValue: String, key: EntityKey) {
        self.sortValue = sortValue
        self.key = key
    }
}

/// A page of a list, and where the next one starts (nil on the last).
package struct CollaborationPage: Hashable, Sendable {
    package var records: [CollaborationRecord]
    package var next: CollaborationCursor?

    package init(records: [CollaborationRecord], next: CollaborationCursor?) {
        self.records = records
        self.next = next
    }
}
