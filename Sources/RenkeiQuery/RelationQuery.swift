package import RenkeiCore

/// Which relations of an entity a list holds: by predicate, by the kind of the entity on the
/// other end, and by the signing date of the agreement on the other end (a relation to
/// anything but a dated agreement fails a date bound).
package struct RelationQuery: Hashable, Sendable {
    package var predicate: RelationPredicate?
    package var otherKind: EntityKind?
    /// `2020`, `2020-04` or `2020-04-01`, as for agreements.
    package var signedFrom: String?
    package var signedTo: String?

    package init(predicate: RelationPredicate? = nil, otherKind: EntityKind? = nil, signedFrom: String? = nil, signedTo: String? = nil) {
        self.predicate = predicate
        self.otherKind = otherKind
        self.signedFrom = signedFrom
        self.signedTo = signedTo
    }

    func admits(_ edge: RelationEdge, from: String?, to: String?) -> Bool {
        if let otherKind, edge.other.kind != otherKind { return false }
        guard from != nil || to != nil else { return true }
        guard let signed = edge.agreement?.signed else { return false }
        // The same text comparison as the agreements list: a bound `2021` holds all of 2021.
        if let from, signed < from { return false }
        if let to, signed > to + "~" { return false }
        return true
    }
}

/// A page of a list read whole and cut in pages (relations, entities): its cursor is the
/// offset of the next page, so pages keep their order while the index is unchanged.
package struct ListSlice<Item: Hashable & Sendable>: Hashable, Sendable {
    package var items: [Item]
    package var next: String?
}

extension RenkeiIndex {
    /// Relations of an entity under `query`, a page of `limit` after `cursor`.
    package func relations(of key: EntityKey, query: RelationQuery, cursor: String? = nil, limit: Int = 100) throws -> ListSlice<RelationEdge> {
        let offset = try Self.offset(cursor, limit: limit)
        let from = try query.signedFrom.map { try CollaborationQuery.date($0, parameter: "signed_from") }
        let to = try query.signedTo.map { try CollaborationQuery.date($0, parameter: "signed_to") }
        let edges = try storage.relations(of: key, predicate: query.predicate).filter { query.admits($0, from: from, to: to) }
        return Self.slice(edges, offset: offset, limit: limit)
    }

    /// Entities by kind and name prefix, most documented first, a page of `limit` after `cursor`.
    package func entities(kind: EntityKind?, namePrefix: String?, cursor: String?, limit: Int) throws -> ListSlice<EntitySummary> {
        let offset = try Self.offset(cursor, limit: limit, maximum: 1_000)
        // One more than the page tells whether there is a next one.
        let entities = try storage.entities(kind: kind, namePrefix: namePrefix, limit: offset + limit + 1)
        return Self.slice(entities, offset: offset, limit: limit)
    }

    private static func offset(_ cursor: String?, limit: Int, maximum: Int = maximumListLimit) throws -> Int {
        guard (1...maximum).contains(limit) else {
            throw QueryError(.outOfRange, "The limit must be between 1 and \(maximum); it was \(limit).")
        }
        guard let cursor else { return 0 }
        guard let offset = Int(try PageCursor.decode(cursor, count: 1)[0]), (0...1_000_000).contains(offset) else {
            throw PageCursor.invalid(cursor)
        }
        return offset
    }

    private static func slice<Item>(_ items: [Item], offset: Int, limit: Int) -> ListSlice<Item> {
        let page = Array(items.dropFirst(offset).prefix(limit))
        return ListSlice(items: page, next: items.count > offset + limit ? PageCursor.encode([String(offset + limit)]) : nil)
    }
}
