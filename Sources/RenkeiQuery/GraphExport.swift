package import Foundation
package import RenkeiCore

/// The whole graph in formats other tools read, written as it is read from one snapshot of
/// the index (`GraphSnapshot`): memory holds one entity and one chunk of output, whatever the
/// size of the graph.
///
/// - JSON-LD, for linked data and search engines: an `@graph` of schema.org typed nodes with
///   `urn:renkei:` + the entity key as ids, 全国地方公共団体コード and 法人番号 as identifiers.
/// - GraphML, for Gephi and Cytoscape: a directed graph, node and edge attributes as `<data>`,
///   entity keys as node ids.
/// - CSV, for `neo4j-admin database import`: `nodes.csv` (`:ID` the entity key, `:LABEL`) and
///   `relationships.csv` (`:START_ID`, `:END_ID`, `:TYPE`).
/// - NDJSON, for scripts: one JSON object per line, every entity then every relation.
package enum GraphExport {
    package enum Format: String, Hashable, Sendable, CaseIterable {
        case jsonLD = "jsonld"
        case graphML = "graphml"
        case neo4jNodes = "neo4j-nodes"
        case neo4jRelationships = "neo4j-relationships"
        case ndjson

        package var contentType: String {
            switch self {
            case .jsonLD: "application/ld+json"
            case .graphML: "application/graphml+xml; charset=utf-8"
            case .neo4jNodes, .neo4jRelationships: "text/csv; charset=utf-8"
            case .ndjson: "application/x-ndjson"
            }
        }
    }

    /// What one export wrote.
    package struct Counts: Hashable, Sendable {
        package var entities = 0
        package var relations = 0
    }

    /// Writes `format` to `output` in chunks of about `chunkBytes`.
    @discardableResult
    package static func write(
        _ format: Format, from storage: any IndexReading, chunkBytes: Int = 64 * 1024, to output: (Data) throws -> Void
    ) throws -> Counts {
        var counts = Counts()
        var buffer = Data()
        buffer.reserveCapacity(chunkBytes + 4096)
        func emit(_ text: String) throws {
            buffer.append(contentsOf: text.utf8)
            if buffer.count >= chunkBytes {
                try output(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try storage.withGraphSnapshot { snapshot in
            switch format {
            case .jsonLD:
                try emit("{\"@context\":\(try json(jsonLDContext)),\"@graph\":[\n")
                try snapshot.forEachEntity { entity, outgoing in
                    try emit((counts.entities == 0 ? "" : ",\n") + (try json(jsonLDNode(entity, outgoing: outgoing))))
                    counts.entities += 1
                    counts.relations += outgoing.count
                }
                try emit("\n]}\n")
            case .graphML:
                try emit(graphMLHeader)
                try snapshot.forEachEntity { entity, _ in
                    try emit(graphMLNode(entity))
                    counts.entities += 1
                }
                try snapshot.forEachRelation { relation in
                    counts.relations += 1
                    try emit(graphMLEdge(relation, number: counts.relations))
                }
                try emit("  </graph>\n</graphml>\n")
            case .neo4jNodes:
                try emit("entityId:ID,name,kind,code,prefecture,corporateNumber,signed,:LABEL\n")
                try snapshot.forEachEntity { entity, _ in
                    try emit(neo4jNode(entity))
                    counts.entities += 1
                }
            case .neo4jRelationships:
                try emit(":START_ID,:END_ID,:TYPE,document,evidence\n")
                try snapshot.forEachRelation { relation in
                    try emit(neo4jRelationship(relation))
                    counts.relations += 1
                }
            case .ndjson:
                try snapshot.forEachEntity { entity, _ in
                    try emit(ndjsonEntity(entity))
                    counts.entities += 1
                }
                try snapshot.forEachRelation { relation in
                    try emit(ndjsonRelation(relation))
                    counts.relations += 1
                }
            }
        }
        if !buffer.isEmpty { try output(buffer) }
        return counts
    }

    /// schema.org types; agreements are CreativeWorks (schema.org has no agreement type).
    static func schemaType(_ kind: EntityKind) -> String {
        switch kind {
        case .city, .prefecture: "GovernmentOrganization"
        case .company: "Corporation"
        case .university: "CollegeOrUniversity"
        case .organization: "Organization"
        case .agreement: "CreativeWork"
        case .project: "Project"
        }
    }

    /// `urn:renkei:city:132128`: the entity key, the same after every rebuild.
    static func iri(_ key: EntityKey) -> String { "urn:renkei:\(key.rawValue)" }

    private static func json(_ object: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]), as: UTF8.self)
    }

    static var jsonLDContext: [String: Any] {
        var context: [String: Any] = ["@vocab": "https://schema.org/", "renkei": "urn:renkei:vocab:"]
        for predicate in RelationPredicate.allCases {
            context[predicate.rawValue] = ["@id": "renkei:\(predicate.rawValue)", "@type": "@id"] as [String: Any]
        }
        return context
    }

    /// One entity as a JSON-LD node, its outgoing relations as links by predicate.
    package static func jsonLDNode(_ entity: EntityDetail, outgoing: [GraphEdgeRecord]) -> [String: Any] {
        let summary = entity.summary
        var node: [String: Any] = [
            "@id": iri(summary.key), "@type": schemaType(summary.kind), "name": summary.name, "additionalType": "renkei:\(summary.kind.rawValue)",
        ]
        if !entity.aliases.isEmpty { node["alternateName"] = entity.aliases }
        var identifiers: [[String: Any]] = []
        if let code = summary.code { identifiers.append(["@type": "PropertyValue", "propertyID": "全国地方公共団体コード", "value": code]) }
        if let number = entity.corporateNumber { identifiers.append(["@type": "PropertyValue", "propertyID": "法人番号", "value": number]) }
        if !identifiers.isEmpty { node["identifier"] = identifiers }
        if let prefecture = summary.prefecture, summary.kind == .city {
            node["address"] = ["@type": "PostalAddress", "addressRegion": prefecture]
        }
        if let signed = entity.signed { node["dateCreated"] = signed }
        if !entity.topics.isEmpty { node["keywords"] = entity.topics }
        if let amount = entity.amountYen { node["renkei:amountYen"] = amount }
        if let year = entity.fiscalYear { node["renkei:fiscalYear"] = year }
        for (predicate, edges) in Dictionary(grouping: outgoing, by: \.predicate) {
            node[predicate.rawValue] = Array(Set(edges.map { iri($0.object) })).sorted()
        }
        return node
    }

    /// One entity as a JSON-LD document of its own (content negotiation on entity URLs).
    package static func jsonLDDocument(_ entity: EntityDetail, outgoing: [GraphEdgeRecord]) throws -> Data {
        var node = jsonLDNode(entity, outgoing: outgoing)
        node["@context"] = jsonLDContext
        return try JSONSerialization.data(withJSONObject: node, options: [.sortedKeys, .withoutEscapingSlashes])
    }

    private static let graphMLHeader = """
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
        xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
          <key id="kind" for="node" attr.name="kind" attr.type="string"/>
          <key id="name" for="node" attr.name="name" attr.type="string"/>
          <key id="code" for="node" attr.name="code" attr.type="string"/>
          <key id="prefecture" for="node" attr.name="prefecture" attr.type="string"/>
          <key id="corporateNumber" for="node" attr.name="corporateNumber" attr.type="string"/>
          <key id="signed" for="node" attr.name="signed" attr.type="string"/>
          <key id="predicate" for="edge" attr.name="predicate" attr.type="string"/>
          <key id="document" for="edge" attr.name="document" attr.type="string"/>
          <key id="evidence" for="edge" attr.name="evidence" attr.type="string"/>
          <graph id="renkei" edgedefault="directed">

        """

    private static func graphMLNode(_ entity: EntityDetail) -> String {
        let summary = entity.summary
        var xml = "    <node id=\"\(escape(summary.key.rawValue))\">"
        let values: [(String, String?)] = [
            ("kind", summary.kind.rawValue), ("name", summary.name), ("code", summary.code), ("prefecture", summary.prefecture),
            ("corporateNumber", entity.corporateNumber), ("signed", entity.signed),
        ]
        for (key, value) in values { if let value { xml += "<data key=\"\(key)\">\(escape(value))</data>" } }
        return xml + "</node>\n"
    }

    private static func graphMLEdge(_ relation: GraphEdgeRecord, number: Int) -> String {
        let (source, target) = (escape(relation.subject.rawValue), escape(relation.object.rawValue))
        var xml = "    <edge id=\"e\(number)\" source=\"\(source)\" target=\"\(target)\">"
        xml += "<data key=\"predicate\">\(relation.predicate.rawValue)</data><data key=\"document\">\(escape(relation.document))</data>"
        if let evidence = relation.evidence { xml += "<data key=\"evidence\">\(escape(evidence))</data>" }
        return xml + "</edge>\n"
    }

    private static func neo4jNode(_ entity: EntityDetail) -> String {
        let summary = entity.summary
        let label = schemaType(summary.kind) + ";" + summary.kind.rawValue.capitalized
        let fields = [
            summary.key.rawValue, summary.name, summary.kind.rawValue, summary.code ?? "", summary.prefecture ?? "", entity.corporateNumber ?? "",
            entity.signed ?? "", label,
        ]
        return fields.map(csvField).joined(separator: ",") + "\n"
    }

    private static func neo4jRelationship(_ relation: GraphEdgeRecord) -> String {
        let fields = [
            relation.subject.rawValue, relation.object.rawValue, relation.predicate.rawValue.uppercased(), relation.document, relation.evidence ?? "",
        ]
        return fields.map(csvField).joined(separator: ",") + "\n"
    }

    /// An entity's line, keys in alphabetical order.
    private static func ndjsonEntity(_ entity: EntityDetail) -> String {
        let summary = entity.summary
        var line = JSONLine()
        line.add("aliases", entity.aliases)
        line.add("amountYen", entity.amountYen)
        line.add("code", summary.code)
        line.add("corporateNumber", entity.corporateNumber)
        line.add("fiscalYear", entity.fiscalYear)
        line.add("key", summary.key.rawValue)
        line.add("kind", summary.kind.rawValue)
        line.add("name", summary.name)
        line.add("prefecture", summary.prefecture)
        line.add("signed", entity.signed)
        line.add("topics", entity.topics)
        line.add("type", "entity")
        return line.line
    }

    /// A relation's line, keys in alphabetical order.
    private static func ndjsonRelation(_ relation: GraphEdgeRecord) -> String {
        var line = JSONLine()
        line.add("document", relation.document)
        line.add("evidence", relation.evidence)
        line.add("object", relation.object.rawValue)
        line.add("predicate", relation.predicate.rawValue)
        line.add("subject", relation.subject.rawValue)
        line.add("type", "relation")
        return line.line
    }

    static func escape(_ text: String) -> String { MarkupEscaping.escape(text) }

    package static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
