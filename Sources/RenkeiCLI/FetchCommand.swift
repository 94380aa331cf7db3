internal import ArgumentParser
internal import Foundation
internal import RenkeiFetch
internal import RenkeiHTTP
internal import RenkeiIndexing

/// `renkei fetch`: pages from the web into a corpus folder, then an ingest of what changed.
struct FetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Fetch web pages (HTML, PDF, text, CSV) into a corpus folder, then ingest what changed.",
        discussion: """
            robots.txt is honoured; requests to one host are spaced by --delay (or the site's Crawl-delay). \
            A page fetched before is asked for with its ETag / Last-Modified, so an unchanged site costs 304s. \
            Each page is stored as its bytes plus a hidden sidecar (.NAME.fetch.json) with its URL, status and \
            headers; its document id is its URL. Exit status 3 when some URLs failed.
            """)

    @Argument(help: "Pages to fetch (http or https URLs).")
    var urls: [String] = []

    @Option(name: .customLong("urls"), help: "A file with one URL per line (blank lines and # comments are skipped).")
    var urlsFile: String?

    @Option(help: "A sitemap (urlset or sitemap index, gzip or not) whose pages to fetch (repeatable).")
    var sitemap: [String] = []

    @Option(help: "The folder to store pages in, one sub-folder per host.")
    var into = "Corpus/web"

    @Flag(help: "Follow links within the host of each page given (with --depth).")
    var sameHost = false

    @Option(help: "How many links deep to follow, below the folders of the pages given (needs --same-host).")
    var depth = 0

    @Option(help: "Seconds between two requests to one host (a larger Crawl-delay wins).")
    var delay = 1.0

    @Option(help: "Requests under way at once, over all hosts.")
    var concurrency = 4

    @Option(help: "Seconds a request may take, from connecting to the last byte.")
    var timeout = 30.0

    @Option(help: "Abandon responses larger than this many bytes.")
    var maxBytes = 20 * 1024 * 1024

    @Option(help: "Further attempts after a 429, a 5xx or a lost connection.")
    var retries = 2

    @Option(help: "Seconds before the first retry, doubled for each next one (a Retry-After wins).")
    var retryDelay = 1.0

    @Option(help: "The most pages one run fetches.")
    var maxPages = 10_000

    @Option(help: "A URL or address where site owners can reach you, sent in the User-Agent (or RENKEI_CONTACT).")
    var contact: String?

    @Flag(help: "Only fetch; do not ingest.")
    var noIngest = false

    @Flag(help: "Print the results as JSON on stdout: every URL with its outcome, and the ingest.")
    var json = false

    @OptionGroup var options: IndexOptions

    func validate() throws {
        if depth > 0, !sameHost { throw ValidationError("--depth follows links within a host only: add --same-host.") }
        if depth < 0 || concurrency < 1 || delay < 0 || timeout <= 0 || maxBytes < 1 || retries < 0 || maxPages < 1 {
            throw ValidationError(
                "--depth, --delay and --retries must not be negative; --concurrency, --timeout, --max-bytes and --max-pages must be positive.")
        }
    }

    func run() async throws {
        var addresses = urls
        if let urlsFile {
            guard let text = try? String(contentsOfFile: urlsFile, encoding: .utf8) else {
                throw CommandFailure("cannot read the URL list \(urlsFile)")
            }
            addresses += text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        }
        guard !addresses.isEmpty || !sitemap.isEmpty else {
            throw ValidationError("Give URLs, --urls FILE or --sitemap URL.")
        }
        let contact = contact ?? ProcessInfo.processInfo.environment["RENKEI_CONTACT"]
        var configuration = FetchConfiguration(
            folder: into, userAgent: FetchConfiguration.userAgent(version: RenkeiCommand.version, contact: contact))
        configuration.delay = delay
        configuration.concurrency = concurrency
        configuration.timeout = timeout
        configuration.maximumBytes = maxBytes
        configuration.retries = retries
        configuration.retryDelay = retryDelay
        configuration.depth = depth
        configuration.maximumPages = maxPages
        let progress = ProgressReporter(unit: "URLs")
        let report = await Fetcher(configuration: configuration).run(urls: addresses, sitemaps: sitemap) { progress.update($0, $1) }
        progress.finish()
        if !json {
            for result in report.results where result.outcome == .failed || result.outcome == .robots || result.outcome == .skipped {
                let label = result.outcome == .failed ? "failed" : result.outcome == .robots ? "skipped by robots.txt" : "skipped"
                Terminal.printError("\(result.url): \(label): \(result.reason ?? "")")
            }
            print("Fetched into \(into): \(report.line)")
        }
        var ingestReport: IngestReport?
        var ingestFailed = false
        if !noIngest, FileManager.default.fileExists(atPath: into) {
            let (store, lock) = try options.openForIngest()
            defer { withExtendedLifetime(lock) {} }
            let summary = try await IngestCommand.ingest([into], with: IngestPipeline(store: store), quiet: json)
            ingestFailed = summary.failed > 0
            if json {
                ingestReport = IngestReport(summary, index: options.location, dryRun: false)
            } else {
                print("Ingested \(into) into \(options.location): \(summary.line)")
            }
        }
        if json {
            print(String(decoding: try APIModels.encode(FetchOutput(fetch: report, ingest: ingestReport), pretty: true), as: UTF8.self))
        }
        if report.failed > 0 || ingestFailed { throw ExitCode(3) }
    }
}

/// `renkei fetch --json`.
private struct FetchOutput: Encodable {
    var fetch: FetchReport
    var ingest: IngestReport?
}
