internal import Foundation

/// What happened to one URL in a fetch run.
package struct FetchResult: Sendable, Encodable, Equatable {
    package enum Outcome: String, Sendable, Encodable {
        /// Stored for the first time.
        case new
        /// Stored again: its bytes changed.
        case changed
        /// The server answered 304 to the stored validators.
        case notModified = "not-modified"
        /// The server sent the page again, with the bytes already stored (no validators, or they changed).
        case unchanged
        /// robots.txt does not allow Renkei to fetch it.
        case robots
        /// Not a kind of document Renkei reads (an image, an archive), or a page already
        /// fetched under another address in this run.
        case skipped
        case failed
    }

    package var url: String
    package var outcome: Outcome
    /// Where the page ended after redirects, when it moved.
    package var finalURL: String?
    /// Each redirect followed (`301 https://…`).
    package var redirects: [String] = []
    /// The last HTTP status received.
    package var status: Int?
    /// The stored file, relative to the fetch folder.
    package var file: String?
    package var bytes: Int?
    /// Why it failed or was skipped.
    package var reason: String?

    package init(url: String, outcome: Outcome) {
        self.url = url
        self.outcome = outcome
    }
}

/// A fetch run's results and their counts.
package struct FetchReport: Sendable, Encodable {
    package var results: [FetchResult] = []
    package var seconds = 0.0
    /// Requests sent, robots.txt, sitemaps, redirects and retries included.
    package var requests = 0

    package func count(_ outcomes: FetchResult.Outcome...) -> Int {
        results.reduce(0) { $0 + (outcomes.contains($1.outcome) ? 1 : 0) }
    }

    package var fetched: Int { count(.new, .changed) }
    package var notModified: Int { count(.notModified, .unchanged) }
    package var failed: Int { count(.failed) }
    package var skippedByRobots: Int { count(.robots) }
    package var skipped: Int { count(.skipped) }

    /// `12 fetched (3 new, 9 changed), 40 not modified, 1 failed, 2 skipped by robots.txt, …`
    package var line: String {
        var line = "\(fetched) fetched (\(count(.new)) new, \(count(.changed)) changed), \(notModified) not modified"
        line += ", \(failed) failed, \(skippedByRobots) skipped by robots.txt"
        if skipped > 0 { line += ", \(skipped) skipped" }
        line += ", \(requests) requests"
        return line + String(format: " (%.2f s)", seconds)
    }

    enum CodingKeys: String, CodingKey {
        case results, seconds, requests, fetched, notModified, failed, skippedByRobots, skipped
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(fetched, forKey: .fetched)
        try container.encode(notModified, forKey: .notModified)
        try container.encode(failed, forKey: .failed)
        try container.encode(skippedByRobots, forKey: .skippedByRobots)
        try container.encode(skipped, forKey: .skipped)
        try container.encode(requests, forKey: .requests)
        try container.encode((seconds * 1000).rounded() / 1000, forKey: .seconds)
        try container.encode(results, forKey: .results)
    }
}
