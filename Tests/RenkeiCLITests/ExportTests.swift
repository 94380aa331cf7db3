import Foundation
import Testing

@testable import RenkeiIngest

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The three export formats, read back by standard parsers.
@Suite(.serialized) struct ExportTests {
    /// Counts the nodes and edges of a GraphML file and checks every edge's ends exist.
    final class GraphMLCounter: NSObject, XMLParserDelegate {
        var nodes: Set<String> = []
        var edges: [(source: String, target: String)] = []
        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]
        ) {
            if name == "node", let id = attributes["id"] { nodes.insert(id) }
            if name == "edge", let source = attributes["source"], let target = attributes["target"] { edges.append((source, target)) }
        }
    }

    @Test func graphMLJSONLDAndCSVCarryTheWholeGraph() throws {
        let renkei = try Renkei()
        defer { renkei.remove() }
        try renkei.run("ingest")
        let entityCount = try GraphCommandTests.entities(renkei).count
        #expect(entityCount > 100)

        // GraphML: well-formed XML with every node and edge.
        let graphMLPath = renkei.folder.appendingPathComponent("graph.graphml")
        #expect(try renkei.run("export", "--format", "graphml", "--out", graphMLPath.path).status == 0)
        let parser = try #require(XMLParser(contentsOf: graphMLPath))
        let counter = GraphMLCounter()
        parser.delegate = counter
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        #expect(counter.nodes.count == entityCount)
        #expect(!counter.edges.isEmpty)
        #expect(counter.edges.allSatisfy { counter.nodes.contains($0.source) && counter.nodes.contains($0.target) })

        // JSON-LD: valid JSON with @context, @graph, and typed nodes with @id.
        let jsonLD = try renkei.run("export", "--format", "jsonld")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(jsonLD.output.utf8)) as? [String: Any])
        #expect(document["@context"] != nil)
        let graph = try #require(document["@graph"] as? [[String: Any]])
        #expect(graph.count == entityCount)
        #expect(graph.allSatisfy { $0["@id"] is String && $0["@type"] is String })
        let hino = graph.first { $0["name"] as? String == "日野市" }
        #expect(hino?["@type"] as? String == "GovernmentOrganization")
        #expect(hino?["@id"] as? String == "urn:renkei:city:132128")
        let identifiers = hino?["identifier"] as? [[String: Any]] ?? []
        #expect(identifiers.contains { $0["propertyID"] as? String == "全国地方公共団体コード" && $0["value"] as? String == "132128" })
        #expect(identifiers.contains { $0["propertyID"] as? String == "法人番号" && $0["value"] as? String == "1000020132128" })
        #expect(Set(graph.compactMap { $0["@type"] as? String }).isSuperset(of: ["Corporation", "CollegeOrUniversity", "Organization", "Project"]))

        // CSV: loads into a fresh structure with no dangling ids.
        let folder = renkei.folder.appendingPathComponent("neo4j")
        #expect(try renkei.run("export", "--format", "csv", "--out", folder.path).status == 0)
        let nodes = try Self.csv(folder.appendingPathComponent("nodes.csv"))
        let relationships = try Self.csv(folder.appendingPathComponent("relationships.csv"))
        #expect(nodes.first?.first == "entityId:ID")
        #expect(nodes.first?.last == ":LABEL")
        #expect(Array(relationships.first?.prefix(3) ?? []) == [":START_ID", ":END_ID", ":TYPE"])
        let ids = Set(nodes.dropFirst().map { $0[0] })
        #expect(ids.count == entityCount)
        #expect(relationships.count - 1 == counter.edges.count)
        #expect(relationships.dropFirst().allSatisfy { ids.contains($0[0]) && ids.contains($0[1]) })

        // Every relationship is a link of its subject's JSON-LD node (the export streams
        // entities and relations as two cursors merged by key).
        let nodesByID = Dictionary(uniqueKeysWithValues: graph.map { ($0["@id"] as? String ?? "", $0) })
        for row in relationships.dropFirst() {
            let links = nodesByID["urn:renkei:" + row[0]]?[row[2].lowercased()] as? [String] ?? []
            #expect(links.contains("urn:renkei:" + row[1]), "\(row)")
        }

        // NDJSON: one object per line, every entity then every relation.
        let lines = try renkei.run("export", "--format", "ndjson").output.split(separator: "\n")
        let objects = try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(objects.filter { $0["type"] as? String == "entity" }.count == entityCount)
        #expect(objects.filter { $0["type"] as? String == "relation" }.count == relationships.count - 1)
    }

    /// RFC 4180 rows, read by the CSV reader ingest uses for tables.
    static func csv(_ url: URL) throws -> [[String]] {
        CSVParser.rows(try String(contentsOf: url, encoding: .utf8))
    }
}
