package import Foundation
package import RenkeiCore

/// The whole graph in formats other tools read.
///
/// - JSON-LD, for linked data and search engines: an `@graph` of schema.org typed nodes with
///   `urn:renkei:` + the entity key as ids, 全国地方公共団体コード and 法人番号 as identifiers.
/// - GraphML, for Gephi and Cytoscape: a directed graph, node and edge attributes as `<data>`,
///   entity keys as node ids.
/// - CSV, for `neo4j-admin database import`: `nodes.csv` (`:ID` the entity key, `:LABEL`) and
///   `relationships.csv` (`:START_ID`, `:END_ID`, `:TYPE`).
package struct GraphExport: Sendable {
    package let entities: [EntityDetail]
    package let relations: [GraphEdgeRecord]

    init(store: any IndexReading) throws {
        entities = try store.allEntities()
        relations = try store.allRelations()
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

    package func jsonLD() throws -> Data {
        var outgoing: [EntityKey: [GraphEdgeRecord]] = [:]
        for relation in relations { outgoing[relation.subject, default: []].append(relation) }
        var context: [String: Any] = ["@vocab": "https://schema.org/", "renkei": "urn:renkei:vocab:"]
        for predicate in RelationPredicate.allCases {
            context[predicate.rawValue] = ["@id": "renkei:\(predicate.rawValue)", "@type": "@id"] as [String: Any]
        }
        let graph: [[String: Any]] = entities.map { entity in
            let summary = entity.summary
            var node: [String: Any] = [
                "@id": Self.iri(summary.key), "@type": Self.schemaType(summary.kind), "name": summary.name,
                "additionalType": "renkei:\(summary.kind.rawValue)",
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
            for (predicate, edges) in Dictionary(grouping: outgoing[summary.key] ?? [], by: \.predicate) {
                node[predicate.rawValue] = Array(Set(edges.map { Self.iri($0.object) })).sorted()
            }
            return node
        }
        return try JSONSerialization.data(
            withJSONObject: ["@context": context, "@graph": graph], options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }

    package func graphML() -> String {
        var xml = """
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
        for entity in entities {
            let summary = entity.summary
            xml += "    <node id=\"\(Self.escape(summary.key.rawValue))\">"
            let values: [(String, String?)] = [
                ("kind", summary.kind.rawValue), ("name", summary.name), ("code", summary.code), ("prefecture", summary.prefecture),
                ("corporateNumber", entity.corporateNumber), ("signed", entity.signed),
            ]
            for (key, value) in values { if let value { xml += "<data key=\"\(key)\">\(Self.escape(value))</data>" } }
            xml += "</node>\n"
        }
        for (number, relation) in relations.enumerated() {
            let (source, target) = (Self.escape(relation.subject.rawValue), Self.escape(relation.object.rawValue))
            xml += "    <edge id=\"e\(number + 1)\" source=\"\(source)\" target=\"\(target)\">"
            xml += "<data key=\"predicate\">\(relation.predicate.rawValue)</data><data key=\"document\">\(Self.escape(relation.document))</data>"
            if let evidence = relation.evidence { xml += "<data key=\"evidence\">\(Self.escape(evidence))</data>" }
            xml += "</edge>\n"
        }
        return xml + "  </graph>\n</graphml>\n"
    }

    /// `nodes.csv` and `relationships.csv` in the layout of `neo4j-admin database import`.
    package func neo4jCSV() -> (nodes: String, relationships: String) {
        var nodes = "entityId:ID,name,kind,code,prefecture,corporateNumber,signed,:LABEL\n"
        for entity in entities {
            let summary = entity.summary
            let label = Self.schemaType(summary.kind) + ";" + summary.kind.rawValue.capitalized
            nodes +=
                [
                    summary.key.rawValue, summary.name, summary.kind.rawValue, summary.code ?? "", summary.prefecture ?? "",
                    entity.corporateNumber ?? "", entity.signed ?? "", label,
                ].map(Self.csvField).joined(separator: ",") + "\n"
        }
        var relationships = ":START_ID,:END_ID,:TYPE,document,evidence\n"
        for relation in relations {
            relationships +=
                [
                    relation.subject.rawValue, relation.object.rawValue, relation.predicate.rawValue.uppercased(),
                    relation.document, relation.evidence ?? "",
                ].map(Self.csvField).joined(separator: ",") + "\n"
        }
        return (nodes, relationships)
    }

    static func escape(_ text: String) -> String { MarkupEscaping.escape(text) }

    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
