package import ArgumentParser

/// `renkei`: search and knowledge graph over Japanese municipal documents.
package struct RenkeiCommand: AsyncParsableCommand {
    /// Sent by `renkei fetch` in its User-Agent, and printed by `--version`.
    static let version = "0.10.0"

    package static let configuration = CommandConfiguration(
        commandName: "renkei",
        abstract: "Search Japanese municipal documents: exact phrase search with highlighted snippets.",
        discussion: """
            Exit status: 0 success; 1 error (bad query, unusable index); 3 ingest finished but some \
            files failed (each is listed as `path: reason`), or fetch finished but some URLs failed; \
            64 bad command-line usage.
            """,
        version: version,
        subcommands: [
            ServeCommand.self, IngestCommand.self, FetchCommand.self, SearchCommand.self, EntitiesCommand.self, ShowCommand.self,
            RelationsCommand.self,
            PathCommand.self, ExportCommand.self, CheckCommand.self, ExtractCommand.self, FoldCommand.self, BenchQueriesCommand.self,
            BenchmarkCommand.self,
        ])

    package init() {}

    /// Parses the process arguments and runs the chosen command (the executable's entry point).
    package static func start() async {
        await main()
    }
}
