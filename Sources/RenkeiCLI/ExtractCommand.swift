internal import ArgumentParser
internal import Foundation
internal import RenkeiCore
internal import RenkeiExtract
internal import RenkeiIngest

/// `renkei extract`: entities and relations of pages, in the gold format of `../shared/gold`.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract entities and relations from pages; write one JSON file per document.",
        discussion: "Score with: python3 ../shared/gold/score.py --gold ../shared/gold --pred DIR")

    @Argument(help: "Folders or files to read, as `renkei ingest` reads them.")
    var paths: [String] = ["Corpus"]

    @Option(help: "The folder to write `<file stem>.json` files into.")
    var out: String

    func run() throws {
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let scan = CorpusScanner.scan(paths)
        let reader = SourceReader()
        let extractor = Extractor()
        var totals: [EntityKind: Int] = [:]
        var failed = 0
        for file in scan.files {
            do {
                let content = try reader.read(file)
                let document = try reader.parse(content, of: file).document
                let extraction = extractor.extract(document)
                let name = (file.path as NSString).lastPathComponent
                let stem = (name as NSString).deletingPathExtension
                try extraction.goldJSON(documentName: name).write(to: URL(fileURLWithPath: out).appendingPathComponent(stem + ".json"))
                for (kind, count) in extraction.countsByKind { totals[kind, default: 0] += count }
            } catch let error as IngestError {
                Terminal.printError("\(file.path): \(error.reason)")
                failed += 1
            }
        }
        let counts = EntityKind.allCases.map { "\($0.rawValue) \(totals[$0, default: 0])" }.joined(separator: ", ")
        print("Extracted \(scan.files.count - failed) documents into \(out): \(counts)")
        if failed > 0 { throw ExitCode(3) }
    }
}
