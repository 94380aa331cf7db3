internal import ArgumentParser
internal import Foundation
internal import RenkeiCore
internal import RenkeiQuery
internal import RenkeiStore

/// `renkei bench-queries`: the peer harness's search command (`../shared/bench/peers`).
struct BenchQueriesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-queries",
        abstract: "Time each query of a file as one literal phrase; print one JSON line per query.",
        discussion: """
            Prints {"query": …, "hits": [document ids], "times_ms": […]} per line, in file order, \
            as the peer benchmark harness reads it. Blank lines and lines starting with # are skipped, \
            surrounding white space is stripped; each time covers parsing, the index lookup and \
            collecting the document ids.
            """)

    @OptionGroup var options: IndexOptions

    @Option(help: "A UTF-8 file with one query per line.")
    var queries: String

    @Option(help: "Untimed runs of each query first.")
    var warmup = 1

    @Option(help: "Timed runs of each query.")
    var `repeat` = 5

    @Flag(help: "Match each line loosely too (表記ゆれ: the fold of ../shared/bench/peers/loose_fold.py), as `--truth loose` expects.")
    var loose = false

    func validate() throws {
        guard warmup >= 0, self.repeat >= 1 else { throw ValidationError("--warmup must be ≥ 0 and --repeat ≥ 1.") }
    }

    func run() async throws {
        guard options.storeURL != nil || FileManager.default.fileExists(atPath: options.index) else {
            throw CommandFailure("No index at \(options.index). Build it with `renkei ingest PATH --index \(options.index)`.")
        }
        guard let data = FileManager.default.contents(atPath: queries) else {
            throw CommandFailure("Cannot read the queries file \(queries).")
        }
        let index = try await options.open()
        let lines = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        for line in lines {
            var hits: [String]?
            var failure: String?
            var times: [Double] = []
            for run in 0..<(warmup + self.repeat) {
                let start = DispatchTime.now().uptimeNanoseconds
                do {
                    hits = try index.documents(containing: line, loose: loose).map(\.rawValue)
                } catch {
                    hits = nil
                    failure = "\(error)"
                }
                let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
                if run >= warmup { times.append(elapsed) }
            }
            let answer = BenchAnswer(query: line, hits: hits?.sorted(), timesMilliseconds: times, error: failure)
            print(String(decoding: try encoder.encode(answer), as: UTF8.self))
        }
    }
}

private struct BenchAnswer: Encodable {
    var query: String
    var hits: [String]?
    var timesMilliseconds: [Double]
    var error: String?

    /// The peer harness's field names.
    enum CodingKeys: String, CodingKey {
        case query, hits, error
        case timesMilliseconds = "times_ms"
    }
}
