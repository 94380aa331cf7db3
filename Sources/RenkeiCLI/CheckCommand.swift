internal import ArgumentParser
internal import RenkeiQuery

/// `renkei check`: is the index sound?
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the index: SQLite integrity, the full-text index against its content, whole documents.")

    @OptionGroup var options: IndexOptions

    func run() async throws {
        let index = try await options.open()
        let problems = try index.integrityProblems()
        guard problems.isEmpty else {
            throw CommandFailure(
                "The index \(options.location) has problems: " + problems.joined(separator: "; ")
                    + ". Delete it and run `renkei ingest` again.")
        }
        print("The index \(options.location) is sound: \(try index.counts().documents) documents.")
    }
}
