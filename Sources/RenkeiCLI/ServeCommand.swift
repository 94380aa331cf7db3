internal import ArgumentParser
internal import Hummingbird
internal import Logging
internal import RenkeiHTTP
internal import RenkeiQuery
internal import RenkeiStore

/// `renkei serve`: the staff search page and the JSON API, on the index (built from
/// `Corpus/` first when it does not exist yet).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Serve the staff search page and the JSON API (SIGINT/SIGTERM stop it gracefully).")

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 8080

    @Option(help: "Seconds one request's index reads may take before they are stopped with a 503.")
    var timeout = 5.0

    @Option(help: "Megabytes of memory for search answers kept for identical requests while the index is unchanged (0: none).")
    var cacheMegabytes = 32

    @Option(help: "Seconds a request's line and headers may take to arrive before a 408 closes the connection.")
    var headerTimeout = 10.0

    @Option(help: "Seconds a connection may stay idle between requests before it is closed.")
    var idleTimeout = 60.0

    @Option(help: "Most connections open at once; past it a new connection gets a 503 and is closed.")
    var maxConnections = 1_000

    @OptionGroup var options: IndexOptions

    func validate() throws {
        guard timeout > 0, timeout <= 600 else { throw ValidationError("--timeout must be more than 0 and at most 600 seconds.") }
        guard (0...4_096).contains(cacheMegabytes) else { throw ValidationError("--cache-megabytes must be between 0 and 4096.") }
        guard headerTimeout > 0, headerTimeout <= 600 else { throw ValidationError("--header-timeout must be more than 0 and at most 600 seconds.") }
        guard idleTimeout > 0, idleTimeout <= 3_600 else { throw ValidationError("--idle-timeout must be more than 0 and at most 3600 seconds.") }
        guard (1...1_000_000).contains(maxConnections) else { throw ValidationError("--max-connections must be between 1 and 1000000.") }
    }

    func run() async throws {
        var configuration = ServerConfiguration(host: host, port: port)
        configuration.readTimeout = .milliseconds(Int64(timeout * 1_000))
        configuration.cacheBytes = cacheMegabytes * 1024 * 1024
        configuration.headerTimeout = .milliseconds(Int64(headerTimeout * 1_000))
        configuration.idleTimeout = .milliseconds(Int64(idleTimeout * 1_000))
        configuration.maximumConnections = maxConnections
        let store = try await options.openStorage(readTimeout: configuration.readTimeout)
        var logger = Logger(label: "renkei")
        logger.logLevel = .info
        let app = try buildApplication(
            configuration: configuration,
            index: RenkeiIndex(storage: store), logger: logger)
        Terminal.printError("Serving \(options.location) on http://\(host):\(port)/")
        try await app.runService()
    }
}
