internal import Foundation
internal import RenkeiIngest

/// `renkei fetch`: pages from the web into a folder that `renkei ingest` reads, politely and
/// incrementally.
///
/// For each address: robots.txt of its host decides (fetched once per run); requests to one
/// host are spaced by the delay (or the site's `Crawl-delay`); a page fetched before is asked
/// for with its `ETag` / `Last-Modified`, so an unchanged site answers 304; redirects are
/// followed by hand, up to the limit, with robots.txt checked at each hop; 429 and 5xx
/// answers are retried with back-off. A page is stored as its bytes plus a sidecar
/// (`FetchSidecar`) with its URL, status and headers; bytes equal to those stored are not
/// written again. Sitemaps (index or urlset, gzip or not) add their pages, and with a depth
/// the links of HTML pages are followed within their host and below the given folders.
package struct Fetcher: Sendable {
    package var configuration: FetchConfiguration

    package init(configuration: FetchConfiguration) {
        self.configuration = configuration
    }

    /// Progress: addresses done, and known so far.
    package typealias Progress = @Sendable (_ done: Int, _ known: Int) -> Void

    package func run(urls: [String], sitemaps: [String], progress: Progress = { _, _ in }) async -> FetchReport {
        let started = Date()
        let client = WebClient(userAgent: configuration.userAgent, timeout: configuration.timeout, maximumBytes: configuration.maximumBytes)
        let crawl = Crawl(configuration: configuration, client: client)
        var seeds: [(WebAddress, Int)] = []
        for text in urls {
            if let address = WebAddress(text) {
                seeds.append((address, 0))
            } else {
                await crawl.record(FetchResult(url: text, outcome: .failed).with(reason: "not an http or https URL"))
            }
        }
        for text in sitemaps {
            guard let address = WebAddress(text) else {
                await crawl.record(FetchResult(url: text, outcome: .failed).with(reason: "not an http or https URL"))
                continue
            }
            seeds += await crawl.pages(ofSitemap: address, nesting: 0).map { ($0, 0) }
        }
        await crawl.crawl(seeds, progress: progress)
        await client.shutdown()
        var report = await crawl.report
        report.seconds = Date().timeIntervalSince(started)
        return report
    }
}

extension FetchResult {
    func with(reason: String, status: Int? = nil) -> FetchResult {
        var result = self
        result.reason = reason
        result.status = status ?? self.status
        return result
    }
}

/// The state of one run: robots.txt per host, addresses seen, results.
actor Crawl {
    let configuration: FetchConfiguration
    let client: WebClient
    private let pacer = HostPacer()
    private var robots: [String: Task<RobotsRules, Never>] = [:]
    private var seen = Set<WebAddress>()
    /// Addresses to fetch with their link depth, in the order first seen; results by position.
    private var queue: [(WebAddress, Int)] = []
    private var slots: [Int: FetchResult] = [:]
    /// Final addresses stored in this run, so two addresses redirected to one page store it once.
    private var stored: [WebAddress: String] = [:]
    /// Folders below which links are followed, by origin: those of the pages given.
    private var folders: [String: Set<String>] = [:]
    private(set) var report = FetchReport()

    init(configuration: FetchConfiguration, client: WebClient) {
        self.configuration = configuration
        self.client = client
    }

    func record(_ result: FetchResult) {
        report.results.append(result)
    }

    private func countRequest() {
        report.requests += 1
    }

    // MARK: The crawl

    /// Fetches the seeds and, to the configured depth, the links they lead to, a bounded
    /// number at a time; results in the order addresses were first seen.
    func crawl(_ seeds: [(WebAddress, Int)], progress: Fetcher.Progress) async {
        for (address, depth) in seeds where seen.insert(address).inserted {
            guard queue.count < configuration.maximumPages else {
                record(FetchResult(url: address.description, outcome: .skipped).with(reason: "over --max-pages \(configuration.maximumPages)"))
                continue
            }
            queue.append((address, depth))
            folders[address.origin, default: []].insert(address.folder)
        }
        await withTaskGroup(of: (Int, FetchResult, [WebAddress]).self) { group in
            var next = 0
            var done = 0
            var inFlight = 0
            func startMore() {
                while inFlight < max(1, configuration.concurrency), next < queue.count {
                    let (address, depth) = queue[next]
                    let slot = next
                    next += 1
                    inFlight += 1
                    group.addTask {
                        let (result, links) = await self.fetchPage(address, depth: depth)
                        return (slot, result, links)
                    }
                }
            }
            startMore()
            while let (slot, result, links) = await group.next() {
                inFlight -= 1
                done += 1
                slots[slot] = result
                let depth = queue[slot].1 + 1
                for link in links where queue.count < configuration.maximumPages && seen.insert(link).inserted {
                    queue.append((link, depth))
                }
                progress(done, queue.count)
                startMore()
            }
        }
        report.results += (0..<queue.count).compactMap { slots[$0] }
    }

    /// One page: robots.txt, the request with its validators, redirects, storing; and the
    /// links to follow from it.
    private func fetchPage(_ address: WebAddress, depth: Int) async -> (FetchResult, [WebAddress]) {
        var result = FetchResult(url: address.description, outcome: .failed)
        let retrieval: Retrieval
        do {
            retrieval = try await retrieve(address, conditional: true)
        } catch {
            result.redirects = error.redirects
            if error.deniedByRobots {
                result.outcome = .robots
                result.reason = error.message
            } else {
                result.reason = error.message
                result.status = error.status
            }
            return (result, [])
        }
        result.redirects = retrieval.redirects
        result.status = retrieval.response.status
        if retrieval.address != address { result.finalURL = retrieval.address.description }
        let response = retrieval.response
        if let first = stored[retrieval.address], response.status == 200 || response.status == 304 {
            result.outcome = .skipped
            result.reason = "the same page as \(first), fetched in this run"
            return (result, [])
        }
        if response.status == 304, let earlier = retrieval.earlier {
            stored[retrieval.address] = address.description
            // Nothing is written: an unchanged site costs its 304s and no file.
            result.outcome = .notModified
            result.file = earlier.file
            // Links of an unchanged page are read from the stored copy.
            return (result, links(ofStored: earlier.file, sidecar: earlier.sidecar, address: retrieval.address, depth: depth))
        }
        guard response.status == 200 else {
            return (result.with(reason: "HTTP \(response.status) \(response.reasonPhrase)" + Self.attempts(response)), [])
        }
        guard
            let ending = StoredPageName.ending(
                for: retrieval.address, contentType: response.headers["content-type"], firstBytes: response.body.prefix(1024))
        else {
            result.outcome = .skipped
            result.reason = "not a kind of document Renkei reads (\(response.headers["content-type"] ?? "no Content-Type"))"
            return (result, [])
        }
        let file = StoredPageName.relativePath(for: retrieval.address, ending: ending)
        let hash = SHA256.hexDigest(response.body)
        let sidecar = FetchSidecar(
            url: retrieval.address.description, requestedURL: retrieval.address == address ? nil : address.description,
            redirects: retrieval.redirects, fetchedAt: Self.now(), status: response.status,
            headers: response.headers, contentHash: hash)
        result.file = file
        result.bytes = response.body.count
        do {
            let earlier = try? FetchSidecar.read(path: folderPath(FetchSidecar.path(forPage: file)))
            if let earlier, earlier.contentHash == hash, access(folderPath(file), F_OK) == 0 {
                result.outcome = .unchanged
                // The record is rewritten only when the validators to send next time changed.
                if earlier.headers["etag"] != sidecar.headers["etag"] || earlier.headers["last-modified"] != sidecar.headers["last-modified"] {
                    var updated = earlier
                    updated.headers = sidecar.headers
                    try updated.write(path: folderPath(FetchSidecar.path(forPage: file)))
                }
            } else {
                result.outcome = earlier == nil ? .new : .changed
                try write(response.body, to: file)
                try sidecar.write(path: folderPath(FetchSidecar.path(forPage: file)))
            }
            // A page that changed kind (HTML to PDF) leaves no copy of the old kind behind,
            // which ingest would read as a second document with the same URL.
            if let earlier = retrieval.earlier, earlier.file != file {
                unlink(folderPath(earlier.file))
                unlink(folderPath(FetchSidecar.path(forPage: earlier.file)))
            }
        } catch {
            return (result.with(reason: "could not be stored: \(error)"), [])
        }
        stored[retrieval.address] = address.description
        let links =
            ending == "html" || ending == "xhtml"
            ? followable(LinkExtractor.links(in: response.body, of: retrieval.address, headerCharset: sidecar.headerCharset), depth: depth) : []
        return (result, links)
    }

    private func links(ofStored file: String, sidecar: FetchSidecar, address: WebAddress, depth: Int) -> [WebAddress] {
        guard depth < configuration.depth, file.hasSuffix(".html") || file.hasSuffix(".xhtml"),
            let bytes = FileManager.default.contents(atPath: folderPath(file))
        else { return [] }
        return followable(LinkExtractor.links(in: [UInt8](bytes), of: address, headerCharset: sidecar.headerCharset), depth: depth)
    }

    /// The links followed from a page at `depth`: none past the configured depth; only on the
    /// page's host and below the folders of the pages given there.
    private func followable(_ links: [WebAddress], depth: Int) -> [WebAddress] {
        guard depth < configuration.depth else { return [] }
        return links.filter { link in
            folders[link.origin]?.contains { link.path.hasPrefix($0) } ?? false
        }
    }

    // MARK: Sitemaps

    /// The pages a sitemap lists, through nested sitemap indexes (three levels at most).
    func pages(ofSitemap address: WebAddress, nesting: Int) async -> [WebAddress] {
        let retrieval: Retrieval
        do {
            retrieval = try await retrieve(address, conditional: false)
        } catch {
            record(
                FetchResult(url: address.description, outcome: error.deniedByRobots ? .robots : .failed).with(
                    reason: "sitemap: " + error.message, status: error.status))
            return []
        }
        guard retrieval.response.status == 200 else {
            record(
                FetchResult(url: address.description, outcome: .failed).with(
                    reason: "sitemap: HTTP \(retrieval.response.status) \(retrieval.response.reasonPhrase)", status: retrieval.response.status))
            return []
        }
        var bytes = retrieval.response.body
        if Gunzip.isGzip(bytes) {
            do {
                bytes = try Gunzip.inflate(bytes, limit: 50 * 1024 * 1024)
            } catch {
                record(FetchResult(url: address.description, outcome: .failed).with(reason: "sitemap: gzip: \(error)"))
                return []
            }
        }
        let entries = SitemapReader.read(TextDecoder.decode(bytes).text)
        var pages = entries.pages.compactMap { WebAddress($0) }
        if nesting < 3 {
            for sitemap in entries.sitemaps.compactMap({ WebAddress($0) }) {
                pages += await self.pages(ofSitemap: sitemap, nesting: nesting + 1)
            }
        }
        return pages
    }

    // MARK: Requests

    struct Retrieval {
        var address: WebAddress
        var response: WebClient.Response
        var redirects: [String]
        /// The stored copy whose validators were sent, if any.
        var earlier: (file: String, sidecar: FetchSidecar)?
    }

    struct RetrievalError: Error {
        var message: String
        var status: Int?
        var redirects: [String]
        var deniedByRobots = false
    }

    /// GET with redirects followed by hand: robots.txt and the host's pace at every hop, the
    /// stored validators sent when `conditional`.
    private func retrieve(_ address: WebAddress, conditional: Bool) async throws(RetrievalError) -> Retrieval {
        var current = address
        var redirects: [String] = []
        while true {
            let rules = await robotsRules(for: current)
            guard rules.allows(current.pathAndQuery) else {
                let message =
                    rules.unavailable.map { "robots.txt of \(current.origin) could not be read (\($0)), so nothing there is fetched (RFC 9309)" }
                    ?? "robots.txt of \(current.origin) disallows \(current.pathAndQuery)"
                throw RetrievalError(message: message, redirects: redirects, deniedByRobots: true)
            }
            let earlier = conditional ? storedCopy(of: current) : nil
            var validators: [(String, String)] = []
            if let earlier {
                if let tag = earlier.sidecar.headers["etag"] { validators.append(("If-None-Match", tag)) }
                if let date = earlier.sidecar.headers["last-modified"] { validators.append(("If-Modified-Since", date)) }
            }
            let response: WebClient.Response
            do {
                response = try await getWithRetries(current, headers: validators, crawlDelay: rules.crawlDelay)
            } catch {
                throw RetrievalError(message: error.description, redirects: redirects)
            }
            guard [301, 302, 303, 307, 308].contains(response.status) else {
                return Retrieval(address: current, response: response, redirects: redirects, earlier: earlier)
            }
            guard let location = response.headers["location"], let next = WebAddress(location, relativeTo: current) else {
                throw RetrievalError(message: "HTTP \(response.status) without a usable Location", status: response.status, redirects: redirects)
            }
            redirects.append("\(response.status) \(next)")
            guard redirects.count <= configuration.maximumRedirects else {
                throw RetrievalError(
                    message: "more than \(configuration.maximumRedirects) redirects (\(redirects.joined(separator: " → ")))", status: response.status,
                    redirects: redirects)
            }
            if redirects.dropLast().contains(where: { $0.hasSuffix(" \(next)") }) || next == address {
                throw RetrievalError(
                    message: "a redirect loop (\(redirects.joined(separator: " → ")))", status: response.status, redirects: redirects)
            }
            current = next
        }
    }

    /// One GET, paced, retried after 429, 5xx and lost connections with growing waits.
    private func getWithRetries(_ address: WebAddress, headers: [(String, String)], crawlDelay: Double?) async throws(WebClient.Failure)
        -> WebClient.Response
    {
        var attempt = 0
        while true {
            do {
                try await pacer.wait(origin: address.origin, delay: max(configuration.delay, crawlDelay ?? 0))
            } catch {
                throw WebClient.Failure(description: "cancelled", retryable: false)
            }
            countRequest()
            var wait = configuration.retryDelay * pow(2, Double(attempt))
            do {
                var response = try await client.get(address, headers: headers)
                response.attempts = attempt + 1
                guard [429, 500, 502, 503, 504].contains(response.status), attempt < configuration.retries else { return response }
                if let after = response.headers["retry-after"].flatMap(Double.init) { wait = min(max(after, 0), 60) }
            } catch {
                guard error.retryable, attempt < configuration.retries else {
                    throw WebClient.Failure(
                        description: attempt == 0 ? error.description : "\(error.description) (after \(attempt + 1) attempts)", retryable: false)
                }
            }
            attempt += 1
            try? await Task.sleep(for: .seconds(wait))
        }
    }

    /// robots.txt of the address's host, fetched once per run: a 4xx means no rules, a 5xx
    /// or no answer means nothing may be fetched (RFC 9309).
    private func robotsRules(for address: WebAddress) async -> RobotsRules {
        if let task = robots[address.origin] { return await task.value }
        let task = Task { () -> RobotsRules in
            guard let robotsAddress = WebAddress(address.origin + "/robots.txt") else { return .allowAll }
            var current = robotsAddress
            for _ in 0...configuration.maximumRedirects {
                let response: WebClient.Response
                do {
                    response = try await getWithRetries(current, headers: [], crawlDelay: nil)
                } catch {
                    return .unavailable("\(error)")
                }
                switch response.status {
                case 200: return RobotsRules(parsing: TextDecoder.decode(response.body).text, agent: FetchConfiguration.robotsAgent)
                case 301, 302, 303, 307, 308:
                    guard let next = response.headers["location"].flatMap({ WebAddress($0, relativeTo: current) }) else { return .allowAll }
                    current = next
                case 400..<500: return .allowAll
                default: return .unavailable("HTTP \(response.status) \(response.reasonPhrase)")
                }
            }
            return .allowAll
        }
        robots[address.origin] = task
        return await task.value
    }

    // MARK: Files

    private func folderPath(_ relative: String) -> String {
        (configuration.folder.hasSuffix("/") ? configuration.folder : configuration.folder + "/") + relative
    }

    /// The copy of a page stored by an earlier run, whatever kind it was.
    private func storedCopy(of address: WebAddress) -> (file: String, sidecar: FetchSidecar)? {
        for file in StoredPageName.candidates(for: address) {
            guard access(folderPath(file), F_OK) == 0, let sidecar = try? FetchSidecar.read(path: folderPath(FetchSidecar.path(forPage: file))) else {
                continue
            }
            return (file, sidecar)
        }
        return nil
    }

    /// Writes through a temporary file and a rename, so a page is never half written.
    private func write(_ bytes: [UInt8], to relative: String) throws {
        let path = folderPath(relative)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// ` (after 3 attempts)` for a response that came after retries.
    private static func attempts(_ response: WebClient.Response) -> String {
        response.attempts > 1 ? " (after \(response.attempts) attempts)" : ""
    }

    private static func now() -> String {
        ISO8601DateFormatter().string(from: Date())
    }
}
