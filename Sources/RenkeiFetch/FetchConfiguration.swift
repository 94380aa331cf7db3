/// How `renkei fetch` behaves towards the sites it reads and what it keeps.
package struct FetchConfiguration: Sendable {
    /// The folder pages are stored under (`--into`), one sub-folder per host.
    package var folder: String
    /// `Renkei/<version> (+contact)`: sent with every request and matched against robots.txt.
    package var userAgent: String
    /// Seconds between two requests to one host; a larger `Crawl-delay` wins.
    package var delay = 1.0
    /// Requests under way at once, over all hosts.
    package var concurrency = 4
    /// Seconds a request may take, from connecting to the last byte.
    package var timeout = 30.0
    /// Responses larger than this are abandoned (ingest skips larger files anyway).
    package var maximumBytes = 20 * 1024 * 1024
    package var maximumRedirects = 5
    /// Further attempts after a 429, a 5xx or a lost connection.
    package var retries = 2
    /// Seconds before the first retry, doubled for each next one (a `Retry-After` wins, up to a minute).
    package var retryDelay = 1.0
    /// How many links deep to follow from the pages given, within their host and folders.
    package var depth = 0
    /// The most pages one run fetches (sitemaps and links can list many).
    package var maximumPages = 10_000

    package init(folder: String, userAgent: String) {
        self.folder = folder
        self.userAgent = userAgent
    }

    /// The product token robots.txt groups are matched with.
    static let robotsAgent = "renkei"

    /// `Renkei/<version>`, with `(+contact)` when a contact address is configured.
    package static func userAgent(version: String, contact: String?) -> String {
        "Renkei/\(version)" + (contact.map { $0.isEmpty ? "" : " (+\($0))" } ?? "")
    }
}
