internal import Foundation
package import RenkeiCore

/// One page of the change feed: what changed after `since`, up to the generation `until` the
/// first page was read at. A client stores `until` once `next` is nil and passes it as
/// `since` the next time; changes made while it pages come after `until`, so nothing is lost.
package struct ChangeFeed: Hashable, Sendable {
    package var since: Int64
    package var until: Int64
    package var changes: [ChangeRecord]
    /// The opaque cursor of the next page; nil on the last.
    package var next: String?
}

extension RenkeiIndex {
    /// The changes after generation `since` (0: everything), a page of at most `limit` after `cursor`.
    package func changes(since: Int64, cursor: String? = nil, limit: Int = 100) throws -> ChangeFeed {
        guard (1...Self.maximumListLimit).contains(limit) else {
            throw QueryError(.outOfRange, "The limit must be between 1 and \(Self.maximumListLimit); it was \(limit).")
        }
        guard since >= 0 else { throw QueryError(.outOfRange, "since must be a generation of the index, 0 or more; it was \(since).") }
        var until = try generation()
        var after: ChangeCursor?
        if let cursor {
            let fields = try PageCursor.decode(cursor, count: 4)
            guard let bound = Int64(fields[0]), let generation = Int64(fields[1]), let subject = ChangeRecord.Subject(rawValue: fields[2]) else {
                throw PageCursor.invalid(cursor)
            }
            until = bound
            after = ChangeCursor(generation: generation, subject: subject, key: fields[3])
        }
        // A `since` past the index's generation is a client from another index (rebuilt?):
        // nothing is newer, which it must be told rather than silently given nothing forever.
        guard since <= until else {
            throw QueryError(
                .outOfRange, "since=\(since) is past this index's generation \(until): the index was rebuilt; sync again from since=0.")
        }
        let changes = try storage.changes(since: since, until: until, after: after, limit: limit + 1)
        let page = Array(changes.prefix(limit))
        let next =
            changes.count > limit ? page.last.map { PageCursor.encode([String(until), String($0.generation), $0.subject.rawValue, $0.key]) } : nil
        return ChangeFeed(since: since, until: until, changes: page, next: next)
    }
}
