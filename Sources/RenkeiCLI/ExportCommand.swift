internal import ArgumentParser
internal import Foundation
internal import RenkeiQuery

/// `renkei export`: the knowledge graph as JSON-LD, GraphML or Neo4j import CSV.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the knowledge graph: JSON-LD (schema.org), GraphML (Gephi, Cytoscape), or CSV for neo4j-admin import.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case jsonld, graphml, csv }

    @Option(help: "jsonld, graphml or csv.")
    var format: Format

    @Option(help: "Where to write: a file for jsonld and graphml (standard output when omitted), a folder for csv.")
    var out: String?

    @OptionGroup var index: IndexOptions

    func validate() throws {
        if format == .csv, out == nil { throw ValidationError("--format csv writes two files: give a folder with --out.") }
    }

    func run() async throws {
        let export = try await index.open().export()
        switch format {
        case .jsonld: try emit(try export.jsonLD())
        case .graphml: try emit(Data(export.graphML().utf8))
        case .csv:
            guard let out else { return }
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            let (nodes, relationships) = export.neo4jCSV()
            try Data(nodes.utf8).write(to: URL(fileURLWithPath: out).appendingPathComponent("nodes.csv"))
            try Data(relationships.utf8).write(to: URL(fileURLWithPath: out).appendingPathComponent("relationships.csv"))
            print("Wrote \(export.entities.count) nodes and \(export.relations.count) relationships to \(out)/nodes.csv and \(out)/relationships.csv")
        }
    }

    private func emit(_ data: Data) throws {
        if let out {
            try data.write(to: URL(fileURLWithPath: out))
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}
