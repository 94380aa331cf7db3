internal import Foundation
internal import RenkeiCore
internal import RenkeiQuery

extension APIModels {
    package struct Change: Codable, Hashable, Sendable {
        /// `document` or `entity`.
        var subject: String
        /// The document's id or the entity's key.
        var key: String
        /// `added`, `updated` or `removed`.
        var change: String
        var generation: Int64
    }

    /// A page of `/api/changes`: pass `until` as the next `since` once `next` is null.
    package struct ChangeFeed: Encodable, Sendable {
        var since: Int64
        var until: Int64
        var changes: [Change]
        @NullWhenAbsent var next: String?

        init(_ feed: RenkeiQuery.ChangeFeed, next: String?) {
            since = feed.since
            until = feed.until
            changes = feed.changes.map { Change(subject: $0.subject.rawValue, key: $0.key, change: $0.change.rawValue, generation: $0.generation) }
            self.next = next
        }
    }
}
