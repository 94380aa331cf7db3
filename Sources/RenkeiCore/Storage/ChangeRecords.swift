/// A document or an entity that changed in the index, for clients that sync incrementally.
package struct ChangeRecord: Hashable, Sendable {
    package enum Subject: String, Hashable, Sendable, Codable { case document, entity }
    package enum Change: String, Hashable, Sendable, Codable { case added, updated, removed }

    package var subject: Subject
    /// The document's id or the entity's key.
    package var key: String
    package var change: Change
    /// The generation of the index in which it last changed.
    package var generation: Int64

    package init(subject: Subject, key: String, change: Change, generation: Int64) {
        self.subject = subject
        self.key = key
        self.change = change
        self.generation = generation
    }
}

/// Where a page of the change feed ended: the order is generation, subject, key.
package struct ChangeCursor: Hashable, Sendable {
    package var generation: Int64
    package var subject: ChangeRecord.Subject
    package var key: String

    package init(generation: Int64, subject: ChangeRecord.Subject, key: String) {
        self.generation = generation
        self.subject = subject
        self.key = key
    }
}
