internal import Foundation
internal import Hummingbird
internal import RenkeiCore
internal import RenkeiQuery

/// An entity's page (`entity.mustache`): its attributes and written forms, a picture of its
/// neighbourhood drawn on the server as inline SVG, its relations with the sentences they
/// were read from, and the documents that name it.
struct EntityPage: Sendable {
    let index: RenkeiIndex
    let templates: PageTemplates

    struct Context {
        struct Attribute { var label: String; var value: String }
        struct Relation {
            var predicateLabel: String; var otherName: String; var otherHref: String; var otherKind: String
            var evidence: [String]; var document: String; var documentURL: [String]
        }
        struct Document { var id: String; var url: [String]; var title: String; var mentions: Int; var searchHref: String }
        struct Picture {
            struct Line { var x1: String; var y1: String; var x2: String; var y2: String }
            struct Node {
                var href: String; var kind: String; var kindLabel: String; var center: Bool; var fullName: String; var label: String
                var x: String; var y: String; var radius: Int; var labelX: String; var labelY: String; var anchor: String
            }
            var name: String; var width: Int; var height: Int; var edges: [Line]; var nodes: [Node]; var omitted: [Int]
        }

        var pageTitle: String
        var key: String
        var name: String
        var kindLabel: String
        var attributes: [Attribute]
        var picture: Picture
        var hasRelations: Bool
        var relations: [Relation]
        var documents: [Document]
    }

    func render(_ keyText: String) async throws -> Response {
        let detail = try API.entity(keyText, in: index)
        let entity = detail.summary
        let relations = try index.relations(of: entity.key).map { edge in
            Context.Relation(
                predicateLabel: Labels.predicate(edge.predicate.rawValue, outgoing: edge.direction == .outgoing),
                otherName: edge.other.name, otherHref: EntityLinks.page(edge.other.key), otherKind: Labels.kind(edge.other.kind.rawValue),
                evidence: edge.evidence.map { [$0.split(whereSeparator: \.isWhitespace).joined(separator: " ")] } ?? [],
                document: edge.document, documentURL: DocumentID.webURL(edge.document).map { [$0] } ?? [])
        }
        var mentionCounts: [String: Int] = [:]
        for mention in detail.mentions { mentionCounts[mention.document, default: 0] += 1 }
        let documents = try mentionCounts.keys.sorted().map { key in
            Context.Document(
                id: key, url: DocumentID.webURL(key).map { [$0] } ?? [], title: try index.title(of: DocumentID(rawValue: key)) ?? key,
                mentions: mentionCounts[key] ?? 0,
                searchHref: SearchPage.href(query: entity.name, filters: SearchFilters(entity: entity.key.rawValue)))
        }
        let context = Context(
            pageTitle: "\(entity.name) - Renkei", key: entity.key.rawValue, name: entity.name, kindLabel: Labels.kind(entity.kind.rawValue),
            attributes: Self.attributes(detail), picture: try picture(of: entity),
            hasRelations: !relations.isEmpty, relations: relations, documents: documents)
        return try templates.page("entity", context)
    }

    private static func attributes(_ detail: EntityDetail) -> [Context.Attribute] {
        var rows: [(String, String?)] = [
            ("種類", Labels.kind(detail.summary.kind.rawValue)),
            ("都道府県", detail.summary.prefecture),
            ("団体コード", detail.summary.code),
            ("法人番号", detail.corporateNumber),
            ("締結日", detail.signed),
            ("年度", detail.fiscalYear.map(SearchPage.fiscalYearLabel)),
            ("金額", detail.amountYen.map { Self.yen($0) }),
            ("分野", detail.topics.isEmpty ? nil : detail.topics.joined(separator: "、")),
            ("別の表記", detail.aliases.isEmpty ? nil : detail.aliases.joined(separator: "、")),
            ("文書数", String(detail.summary.documents)),
        ]
        rows.removeAll { $0.1 == nil }
        return rows.map { Context.Attribute(label: $0.0, value: $0.1 ?? "") }
    }

    static func yen(_ amount: Int) -> String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.groupingSeparator = ","
        return (formatter.string(from: NSNumber(value: amount)) ?? String(amount)) + " 円"
    }

    private func picture(of entity: EntitySummary) throws -> Context.Picture {
        let layout = try index.picture(of: entity)
        func format(_ value: Double) -> String { String(format: "%.1f", value) }
        let nodes = layout.nodes.map { node in
            let radius = node.distance == 0 ? 16 : node.distance == 1 ? 10 : 7
            let name = node.entity.name
            // Labels point away from the centre, so neighbours on one side do not overwrite each other.
            let dx = node.x - layout.width / 2, dy = node.y - layout.height / 2
            let length = max((dx * dx + dy * dy).squareRoot(), 1)
            let side = node.distance == 0 ? 0 : dx / length
            let anchor = side > 0.35 ? "start" : side < -0.35 ? "end" : "middle"
            let labelX = anchor == "start" ? node.x + Double(radius) + 4 : anchor == "end" ? node.x - Double(radius) - 4 : node.x
            let labelY = anchor == "middle" ? (dy < 0 && node.distance > 0 ? node.y - Double(radius) - 5 : node.y + Double(radius) + 13) : node.y + 4
            return Context.Picture.Node(
                href: EntityLinks.page(node.entity.key), kind: node.entity.kind.rawValue, kindLabel: Labels.kind(node.entity.kind.rawValue),
                center: node.distance == 0, fullName: name, label: name.count > 10 ? name.prefix(9) + "…" : name,
                x: format(node.x), y: format(node.y), radius: radius, labelX: format(labelX), labelY: format(labelY), anchor: anchor)
        }
        let lines = layout.edges.map { edge in
            let from = layout.nodes[edge.from], to = layout.nodes[edge.to]
            return Context.Picture.Line(x1: format(from.x), y1: format(from.y), x2: format(to.x), y2: format(to.y))
        }
        return Context.Picture(
            name: entity.name, width: Int(layout.width), height: Int(layout.height), edges: lines, nodes: nodes,
            omitted: layout.omitted > 0 ? [layout.omitted] : [])
    }
}
