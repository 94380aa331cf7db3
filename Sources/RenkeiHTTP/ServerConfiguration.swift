/// Where and how `renkei serve` listens; built by the CLI and passed down.
package struct ServerConfiguration: Sendable {
    package var host = "127.0.0.1"
    package var port = 8080
    /// Most results one search page may ask for.
    package var maximumLimit = 100

    package init(host: String = "127.0.0.1", port: Int = 8080) {
        self.host = host
        self.port = port
    }
}
