internal import ArgumentParser
internal import Foundation
internal import RenkeiCore
internal import RenkeiQuery
internal import RenkeiStore

/// Shared by the graph commands: the index, JSON output, and printing.
struct GraphOptions: ParsableArguments {
    @OptionGroup var index: IndexOptions

    @Flag(help: "Print JSON.")
    var json = false

    func service() async throws -> GraphService {
        GraphService(store: try await SearchCommand.openIndex(index.index))
    }

    func printJSON(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys, .prettyPrinted]
        print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}

extension EntityKind: ExpressibleByArgument {}
extension RelationPredicate: ExpressibleByArgument {}

/// `renkei entities`: entities by kind and name prefix.
struct EntitiesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "entities", abstract: "List entities of the knowledge graph.")

    @Option(help: "Only this kind: city, prefecture, company, university, organization, agreement, project.")
    var kind: EntityKind?

    @Option(help: "Only entities with a name or alias starting with this.")
    var name: String?

    @Option(help: "At most this many.")
    var limit = 100

    @OptionGroup var options: GraphOptions

    func run() async throws {
        let entities = try await options.service().store.entities(kind: kind, namePrefix: name, limit: limit)
        if options.json { return try options.printJSON(entities) }
        guard !entities.isEmpty else { return print("No entities match.") }
        for entity in entities {
            print("\(GraphService.label(entity))  — \(entity.documents) document\(entity.documents == 1 ? "" : "s")")
        }
    }
}

/// `renkei show`: one entity's attributes, aliases and mentions.
struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show an entity: attributes, aliases, mentions.")

    @Argument(help: "A name or alias, e.g. 日野市, イオン, 磯子区.")
    var entity: String

    @OptionGroup var options: GraphOptions

    func run() async throws {
        let service = try await options.service()
        let summary = try service.resolve(entity)
        guard let detail = try service.store.entity(id: summary.id) else { throw CommandFailure("\(entity) disappeared while reading.") }
        if options.json { return try options.printJSON(detail) }
        print(GraphService.label(detail.summary))
        var lines: [String] = []
        if let code = detail.summary.code { lines.append("全国地方公共団体コード: \(code)") }
        if let prefecture = detail.summary.prefecture { lines.append("都道府県: \(prefecture)") }
        if let number = detail.corporateNumber { lines.append("法人番号: \(number)") }
        if let signed = detail.signed { lines.append("締結日: \(signed)") }
        if !detail.topics.isEmpty { lines.append("協定内容: " + detail.topics.joined(separator: " / ")) }
        if let amount = detail.amountYen { lines.append("金額: \(amount) 円") }
        if let year = detail.fiscalYear { lines.append("年度: \(year)") }
        if !detail.aliases.isEmpty { lines.append("別名: " + detail.aliases.joined(separator: "、")) }
        for line in lines { print("  " + line) }
        let documents = Dictionary(grouping: detail.mentions, by: \.document)
        print("  mentions: \(detail.mentions.count) in \(documents.count) document\(documents.count == 1 ? "" : "s")")
        let store = service.store
        for (document, mentions) in documents.sorted(by: { $0.key < $1.key }) {
            let text = try store.extractionText(of: DocumentID(rawValue: document)) ?? ""
            let first = mentions[0]
            print("    [\(document)] ×\(mentions.count)  …\(Excerpt.around(text, first.start..<first.end))…")
        }
    }
}

/// `renkei relations`: typed neighbours with evidence.
struct RelationsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relations", abstract: "Show an entity's typed neighbours, each with the sentence and document it came from.")

    @Argument(help: "A name or alias, e.g. 日野市.")
    var entity: String

    @Option(help: "Only this predicate: party_to, participates_in, organizes, under, in_prefecture.")
    var predicate: RelationPredicate?

    @OptionGroup var options: GraphOptions

    func run() async throws {
        let service = try await options.service()
        let summary = try service.resolve(entity)
        let edges = try service.store.relations(of: summary.id, predicate: predicate)
        if options.json { return try options.printJSON(edges) }
        print("\(GraphService.label(summary)): \(edges.count) relation\(edges.count == 1 ? "" : "s")")
        for edge in edges {
            let arrow = edge.direction == .outgoing ? "→" : "←"
            var line = "  \(edge.predicate.rawValue) \(arrow) \(GraphService.label(edge.other))"
            if edge.other.kind == .agreement, let detail = try service.store.entity(id: edge.other.id) {
                if let signed = detail.signed { line += ", signed \(signed)" }
                let partners = try service.store.relations(of: edge.other.id, predicate: .partyTo)
                    .filter { $0.other.id != summary.id }.map(\.other.name)
                if !partners.isEmpty { line += ", with " + partners.joined(separator: "、") }
            }
            print(line + "  [\(edge.document)]")
            if let evidence = edge.evidence { print("      「\(Excerpt.flatten(evidence, limit: 120))」") }
        }
    }
}

/// `renkei path`: the shortest chain of relations between two entities.
struct PathCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "path", abstract: "Find the shortest path between two entities, each hop with its evidence.")

    @Argument(help: "Where the path starts.")
    var from: String

    @Argument(help: "Where it ends.")
    var to: String

    @Option(help: "The longest path to look for, in hops.")
    var maxHops = 6

    @OptionGroup var options: GraphOptions

    func validate() throws {
        guard (1...12).contains(maxHops) else { throw ValidationError("--max-hops must be between 1 and 12.") }
    }

    func run() async throws {
        let service = try await options.service()
        let start = try service.resolve(from)
        let goal = try service.resolve(to)
        guard let path = try service.shortestPath(from: start.id, to: goal.id, maxHops: maxHops) else {
            throw CommandFailure("No path of at most \(maxHops) hops joins \(start.name) and \(goal.name).")
        }
        if options.json { return try options.printJSON(path) }
        print("\(start.name) → \(goal.name): \(path.count) hop\(path.count == 1 ? "" : "s")")
        for hop in path {
            let arrow = hop.edge.direction == .outgoing ? "→" : "←"
            print("  \(hop.from.name) —\(hop.edge.predicate.rawValue)\(arrow) \(GraphService.label(hop.edge.other))  [\(hop.edge.document)]")
            if let evidence = hop.edge.evidence { print("      「\(Excerpt.flatten(evidence, limit: 120))」") }
        }
    }
}

/// Short excerpts of stored text for terminal output.
enum Excerpt {
    static func around(_ text: String, _ range: Range<Int>, context: Int = 20) -> String {
        let scalars = Array(text.unicodeScalars)
        guard range.upperBound <= scalars.count else { return "" }
        let window = max(0, range.lowerBound - context)..<min(scalars.count, range.upperBound + context)
        return flatten(String(String.UnicodeScalarView(scalars[window])), limit: 2 * context + range.count)
    }

    static func flatten(_ text: String, limit: Int) -> String {
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return flat.count > limit ? String(flat.prefix(limit)) + "…" : flat
    }
}
