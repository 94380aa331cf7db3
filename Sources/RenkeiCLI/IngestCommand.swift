internal import ArgumentParser
internal import Foundation
internal import RenkeiHTTP
internal import RenkeiIndexing
internal import RenkeiStore

/// `renkei ingest`: adds new and changed files to the index, skips unchanged ones.
struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Ingest text files into the index (unchanged files are skipped).")

    @Argument(help: "Folders or files to ingest; a document's id is its path relative to the folder.")
    var paths: [String] = ["Corpus"]

    @OptionGroup var options: IndexOptions

    @Flag(help: "Remove documents whose files are no longer found under the given paths.")
    var prune = false

    @Option(help: "Skip files larger than this many bytes.")
    var maxBytes = 20 * 1024 * 1024

    @Flag(help: "Say what would be added, updated and removed, without writing anything.")
    var dryRun = false

    @Option(help: "Megabytes of text per write transaction: larger is faster, smaller loses less to an interruption.")
    var transactionMegabytes = 12

    @Flag(help: "Print the summary as JSON on stdout (failed, ignored and warned files with their reasons).")
    var json = false

    func run() async throws {
        let (store, lock) = try options.openForIngest()
        defer { withExtendedLifetime(lock) {} }
        var configuration = IngestConfiguration(prune: prune, dryRun: dryRun)
        configuration.maximumFileBytes = maxBytes
        configuration.transactionBytes = max(1, transactionMegabytes) * 1024 * 1024
        let pipeline = IngestPipeline(store: store, configuration: configuration)
        let summary = try await Self.ingest(paths, with: pipeline, quiet: json)
        if json {
            print(try IngestReport(summary, index: options.location, dryRun: dryRun).json())
        } else {
            let verb = dryRun ? "Dry run, nothing written: would ingest" : "Ingested"
            print("\(verb) \(paths.joined(separator: ", ")) into \(options.location): \(summary.line)")
        }
        if summary.failed > 0 { throw ExitCode(3) }
    }

    /// Runs the pipeline, reporting failures, ignored files and warnings on stderr (unless
    /// `quiet`, when they go into the JSON instead) and progress on a terminal.
    static func ingest(_ paths: [String], with pipeline: IngestPipeline, quiet: Bool = false) async throws -> IngestSummary {
        let progress = ProgressReporter()
        let summary = try await pipeline.run(roots: paths) { progress.update($0.done, $0.total) }
        progress.finish()
        guard !quiet else { return summary }
        for warning in summary.warnings { Terminal.printError("\(warning.path): warning: \(warning.message)") }
        for failure in summary.failures { Terminal.printError("\(failure.path): \(failure.reason)") }
        for ignored in summary.ignoredFiles { Terminal.printError("\(ignored.path): ignored: \(ignored.reason)") }
        return summary
    }
}

/// `renkei ingest --json`: the summary with every file that failed, was ignored or warned about.
struct IngestReport: Encodable {
    struct FileReason: Encodable {
        var path: String
        var reason: String
    }

    var index: String
    var dryRun: Bool
    var added, updated, unchanged, removed, failed: Int
    var seconds: Double
    var failures: [FileReason]
    var ignored: [FileReason]
    var warnings: [FileReason]

    init(_ summary: IngestSummary, index: String, dryRun: Bool) {
        self.index = index
        self.dryRun = dryRun
        (added, updated, unchanged, removed, failed) = (summary.added, summary.updated, summary.unchanged, summary.removed, summary.failed)
        seconds = (summary.seconds * 1000).rounded() / 1000
        failures = summary.failures.map { FileReason(path: $0.path, reason: $0.reason) }
        ignored = summary.ignoredFiles.map { FileReason(path: $0.path, reason: $0.reason) }
        warnings = summary.warnings.map { FileReason(path: $0.path, reason: $0.message) }
    }

    func json() throws -> String {
        String(decoding: try APIModels.encode(self, pretty: true), as: UTF8.self)
    }
}

/// A progress line with counts and rate: redrawn in place on a terminal, a plain line every
/// few seconds otherwise.
// Unchecked: the pipeline reports progress from its one run loop, never concurrently.
final class ProgressReporter: @unchecked Sendable {
    private let unit: String
    private let started = Date()
    private let interactive = Terminal.standardErrorIsTerminal
    // Off a terminal the first line waits a full period, so quick runs print none.
    private lazy var lastReport = interactive ? Date.distantPast : started
    private var drew = false

    init(unit: String = "files") {
        self.unit = unit
    }

    func update(_ done: Int, _ total: Int) {
        let now = Date()
        guard now.timeIntervalSince(lastReport) >= (interactive ? 0.1 : 5) || (interactive && done == total && drew) else { return }
        lastReport = now
        let elapsed = max(now.timeIntervalSince(started), 0.001)
        let rate = Double(done) / elapsed
        let width = 30
        let filled = total > 0 ? width * done / total : width
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        let line = "\(bar) \(done)/\(total) \(unit), " + String(format: "%.0f", rate) + " \(unit)/s"
        if interactive {
            FileHandle.standardError.write(Data(("\r" + line).utf8))
            drew = true
        } else {
            Terminal.printError(line)
        }
    }

    func finish() {
        if drew { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
