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
        var next: String?

        init(_ feed: RenkeiQuery.ChangeFeed, next: String?) {
            since = feed.since
            until = feed.until
            changes = feed.changes.map { Change(subject: $0.subject.rawValue, key: $0.key, change: $0.change.rawValue, generation: $0.generation) }
            self.next = next
        }

        private enum CodingKeys: String, CodingKey { case since, until, changes, next }

        package func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(since, forKey: .since)
            try container.encode(until, forKey: .until)
            try container.encode(changes, forKey: .changes)
            // Written as null on the last page, so clients can test it.
            if let next { try container.encode(next, forKey: .next) } else { try container.encodeNil(forKey: .next) }
        }
    }
}
