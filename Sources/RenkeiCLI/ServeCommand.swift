internal import ArgumentParser
internal import Hummingbird
internal import Logging
internal import RenkeiHTTP
internal import RenkeiQuery

/// `renkei serve`: the staff search page and the JSON API, on the index (built from
/// `Corpus/` first when it does not exist yet).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Serve the staff search page and the JSON API (SIGINT/SIGTERM stop it gracefully).")

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 8080

    @OptionGroup var options: IndexOptions

    func run() async throws {
        let store = try await SearchCommand.openIndex(options.index)
        var logger = Logger(label: "renkei")
        logger.logLevel = .info
        let app = try buildApplication(
            configuration: ServerConfiguration(host: host, port: port),
            search: SearchService(store: store), graph: GraphService(store: store), logger: logger)
        Terminal.printError("Serving \(options.index) on http://\(host):\(port)/")
        try await app.runService()
    }
}
