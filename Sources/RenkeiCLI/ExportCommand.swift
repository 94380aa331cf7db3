internal import ArgumentParser
internal import Foundation
internal import RenkeiQuery

/// `renkei export`: the knowledge graph as JSON-LD, GraphML, Neo4j import CSV or NDJSON,
/// streamed from one snapshot of the index.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the knowledge graph: JSON-LD (schema.org), GraphML (Gephi, Cytoscape), CSV for neo4j-admin import, or NDJSON.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case jsonld, graphml, csv, ndjson }

    @Option(help: "jsonld, graphml, csv or ndjson.")
    var format: Format

    @Option(help: "Where to write: a file for jsonld, graphml and ndjson (standard output when omitted), a folder for csv.")
    var out: String?

    @OptionGroup var index: IndexOptions

    func validate() throws {
        if format == .csv, out == nil { throw ValidationError("--format csv writes two files: give a folder with --out.") }
    }

    func run() async throws {
        let renkei = try await index.open()
        switch format {
        case .jsonld: try write(.jsonLD, of: renkei, to: out)
        case .graphml: try write(.graphML, of: renkei, to: out)
        case .ndjson: try write(.ndjson, of: renkei, to: out)
        case .csv:
            guard let out else { return }
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            let nodes = try write(.neo4jNodes, of: renkei, to: out + "/nodes.csv")
            let relationships = try write(.neo4jRelationships, of: renkei, to: out + "/relationships.csv")
            print("Wrote \(nodes.entities) nodes and \(relationships.relations) relationships to \(out)/nodes.csv and \(out)/relationships.csv")
        }
    }

    /// Streams one format to a file (replaced) or standard output.
    @discardableResult
    private func write(_ format: GraphExport.Format, of renkei: RenkeiIndex, to path: String?) throws -> GraphExport.Counts {
        guard let path else { return try renkei.export(format) { FileHandle.standardOutput.write($0) } }
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw CommandFailure("Cannot write \(path): check that its folder exists and is writable.")
        }
        let file = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? file.close() }
        return try renkei.export(format) { try file.write(contentsOf: $0) }
    }
}
