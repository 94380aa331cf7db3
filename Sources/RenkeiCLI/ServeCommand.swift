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

    @OptionGroup var options: IndexOptions

    func validate() throws {
        guard timeout > 0, timeout <= 600 else { throw ValidationError("--timeout must be more than 0 and at most 600 seconds.") }
    }

    func run() async throws {
        var configuration = ServerConfiguration(host: host, port: port)
        configuration.readTimeout = .milliseconds(Int64(timeout * 1_000))
        var store = try await SearchCommand.openIndex(options.index)
        store.readTimeout = configuration.readTimeout
        var logger = Logger(label: "renkei")
        logger.logLevel = .info
        let app = try buildApplication(
            configuration: configuration,
            search: SearchService(store: store), graph: GraphService(store: store), logger: logger)
        Terminal.printError("Serving \(options.index) on http://\(host):\(port)/")
        try await app.runService()
    }
}
