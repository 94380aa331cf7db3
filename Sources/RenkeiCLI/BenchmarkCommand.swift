internal import ArgumentParser
internal import Foundation
internal import RenkeiCore
internal import RenkeiExtract
internal import RenkeiIndexing
internal import RenkeiIngest
internal import RenkeiQuery
internal import RenkeiStore

/// `renkei benchmark`: throughput of normalisation, the tokenizer and index building.
/// Figures only: build with `-c release` for numbers worth quoting.
struct BenchmarkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "benchmark",
        abstract: "Measure normaliser and tokenizer throughput (MB/s), first ingest and unchanged re-ingest time on a corpus.")

    @Option(help: "A folder of text files (repeat the option for several).")
    var corpus: [String] = ["Corpus"]

    @Option(help: "For the tokenizer figures, repeat the corpus until it holds at least this many megabytes.")
    var minMegabytes = 0.0

    @Option(help: "Timed passes of the normaliser and tokenizer; the best is reported.")
    var passes = 3

    @Option(help: "Megabytes of text per write transaction.")
    var batchMegabytes = 12

    @Option(help: "Where to build the throwaway index (a folder; removed afterwards).")
    var workdir = NSTemporaryDirectory()

    func run() async throws {
        var texts: [(id: String, text: String)] = []
        for file in CorpusScanner.scan(corpus).files {
            if let data = FileManager.default.contents(atPath: file.path) {
                texts.append((file.id.rawValue, String(decoding: data, as: UTF8.self)))
            }
        }
        guard !texts.isEmpty else { throw CommandFailure("No text files under \(corpus).") }
        let original = texts
        var copy = 1
        while Double(texts.reduce(0) { $0 + $1.text.utf8.count }) < minMegabytes * 1_000_000 {
            texts += original.map { ("\(copy)/\($0.id)", $0.text) }
            copy += 1
        }
        let bytes = texts.reduce(0) { $0 + $1.text.utf8.count }
        let megabytes = Double(bytes) / 1_000_000
        print(String(format: "corpus: %d documents, %.1f MB (%@)", texts.count, megabytes, corpus.joined(separator: ", ")))

        var normalized: [String] = []
        let normalizeSeconds = best(of: passes) { normalized = texts.map { Normalizer.normalize($0.text) } }
        var tokenCount = 0
        let tokenizeSeconds = best(of: passes) {
            tokenCount = 0
            for var text in normalized {
                _ = text.withUTF8 { buffer in
                    BigramTokenizer.tokenize(buffer, mode: .document) { _, _ in
                        tokenCount += 1; return true
                    }
                }
            }
        }
        print(String(format: "normalise (NFKC + lower case): %.1f MB/s", megabytes / normalizeSeconds))
        print(String(format: "tokenize (bigrams, %d tokens): %.1f MB/s", tokenCount, megabytes / tokenizeSeconds))
        print(String(format: "normalise + tokenize: %.1f MB/s", megabytes / (normalizeSeconds + tokenizeSeconds)))
        var foldedBytes = 0
        let foldSeconds = best(of: passes) { foldedBytes = normalized.reduce(0) { $0 + LooseFold.fold(normalized: $1).utf8.count } }
        print(String(format: "loose fold (%.1f MB out): %.1f MB/s", Double(foldedBytes) / 1_000_000, megabytes / foldSeconds))

        // Extraction over the corpus as it is (not repeated).
        let extractor = Extractor()
        _ = Gazetteer.shared // loaded once, outside the timing
        var entityCount = 0
        let extractStart = DispatchTime.now().uptimeNanoseconds
        for (id, text) in original {
            let document = Document(
                id: DocumentID(rawValue: id), title: String(text.prefix(40)), body: text,
                contentHash: String(repeating: "0", count: 64), encoding: "UTF-8", byteCount: text.utf8.count)
            entityCount += extractor.extract(document).entities.count
        }
        let extractSeconds = Double(DispatchTime.now().uptimeNanoseconds - extractStart) / 1e9
        let originalMegabytes = Double(original.reduce(0) { $0 + $1.text.utf8.count }) / 1_000_000
        print(String(format: "extract (%d entities): %.2f s, %.1f MB/s", entityCount, extractSeconds, originalMegabytes / extractSeconds))

        // Ingest as `renkei ingest` does it (the folder as it is, not repeated), then again
        // with nothing changed.
        let folder = (workdir as NSString).appendingPathComponent("renkei-benchmark-\(getpid())")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = (folder as NSString).appendingPathComponent("index.sqlite")
        var configuration = IngestConfiguration()
        configuration.transactionBytes = batchMegabytes * 1024 * 1024
        let store = try IndexStore(path: path)
        let pipeline = IngestPipeline(store: store, configuration: configuration)
        let first = try await pipeline.run(roots: corpus)
        let again = try await pipeline.run(roots: corpus)
        let size = store.sizeInBytes()
        let corpusMegabytes = Double(original.reduce(0) { $0 + $1.text.utf8.count }) / 1_000_000
        print(
            String(
                format: "first ingest: %d documents in %.2f s, %.1f MB/s; index %.1f MB",
                first.added, first.seconds, corpusMegabytes / first.seconds, Double(size) / 1_000_000))
        print(
            String(
                format: "unchanged re-ingest: %d unchanged in %.2f s, %.1f× faster than the first",
                again.unchanged, again.seconds, first.seconds / again.seconds))
        print(
            String(
                format: "extraction alone takes %.0f%% of the first ingest's time (the ingest extracts on its preparing tasks)",
                100 * extractSeconds / first.seconds))
        try measureGraph(RenkeiIndex(storage: try IndexStore(path: path)))
    }

    /// Latency of graph questions on the index just built: neighbours of the best-connected
    /// entities, and 4-hop shortest paths between pairs of them.
    private func measureGraph(_ index: RenkeiIndex) throws {
        let entities = try index.entities(limit: 200)
        guard entities.count >= 2 else { return print("graph: too few entities to measure") }
        var neighbourTimes: [Double] = []
        for entity in entities {
            let start = DispatchTime.now().uptimeNanoseconds
            _ = try index.relations(of: entity.key)
            neighbourTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        var pathTimes: [Double] = []
        var found = 0
        for (first, second) in zip(entities, entities.dropFirst(entities.count / 2)).prefix(100) {
            let start = DispatchTime.now().uptimeNanoseconds
            if try index.path(from: first.key, to: second.key, maxHops: 4) != nil { found += 1 }
            pathTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        let edges = try index.counts().relations
        print(
            String(
                format: "graph: %d relations; neighbours median %.2f ms, p99 %.2f ms (%d entities); "
                    + "4-hop path median %.2f ms, p99 %.2f ms (%d pairs, %d joined)",
                edges, Self.percentile(neighbourTimes, 0.5), Self.percentile(neighbourTimes, 0.99), neighbourTimes.count,
                Self.percentile(pathTimes, 0.5), Self.percentile(pathTimes, 0.99), pathTimes.count, found))
    }

    static func percentile(_ values: [Double], _ fraction: Double) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.up)) - 1)]
    }

    private func best(of passes: Int, _ body: () -> Void) -> Double {
        var best = Double.infinity
        for _ in 0..<max(1, passes) {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return best
    }
}
