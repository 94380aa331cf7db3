/// Where and how `renkei serve` listens; built by the CLI and passed down.
package struct ServerConfiguration: Sendable {
    package var host = "127.0.0.1"
    package var port = 8080
    /// Most results one search page may ask for.
    package var maximumLimit = 100
    /// Longest request target (path and query) accepted; longer is a 414. Room for the
    /// longest valid search: 1,000 four-byte characters percent-encoded (12,000 bytes) and
    /// two 256-character filters.
    package var maximumTargetBytes = 24_576
    /// Longest request body accepted; longer is a 413.
    package var maximumBodyBytes = 65_536
    /// The longest one request's index reads may take before they are stopped (a 503).
    package var readTimeout: Duration = .seconds(5)
    /// Memory for search answers kept for identical requests on an unchanged index; 0 for none.
    package var cacheBytes = 32 * 1024 * 1024
    /// The longest a request's line and headers may take to arrive (a 408 after).
    package var headerTimeout: Duration = .seconds(10)
    /// How long a connection may stay idle between requests before it is closed.
    package var idleTimeout: Duration = .seconds(60)
    /// Most connections open at once; past it a new one gets a 503 and is closed.
    package var maximumConnections = 1_000

    package init(host: String = "127.0.0.1", port: Int = 8080) {
        self.host = host
        self.port = port
    }
}
