/// Merges a stream of relations in subject-key order with entities read in the same order, so
/// a graph export hands each entity its outgoing relations while holding only one of them.
/// Both streams must compare keys as Swift compares UTF-8 (SQLite's BINARY collation,
/// PostgreSQL's `COLLATE "C"`).
package struct OutgoingRelations {
    private var pending: GraphEdgeRecord?

    /// Starts with the first relation of the stream (nil when it is empty).
    package init(first: GraphEdgeRecord?) {
        pending = first
    }

    /// The relations whose subject is `key`, read from the stream by `next` (nil at its end);
    /// those of subjects before `key`, which no entity claimed, are skipped.
    package mutating func take(subject key: EntityKey, next: () throws -> GraphEdgeRecord?) rethrows -> [GraphEdgeRecord] {
        var outgoing: [GraphEdgeRecord] = []
        while let edge = pending, edge.subject.rawValue.utf8.lexicographicallyPrecedes(key.rawValue.utf8) || edge.subject == key {
            if edge.subject == key { outgoing.append(edge) }
            pending = try next()
        }
        return outgoing
    }
}
