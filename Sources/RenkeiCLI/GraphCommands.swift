internal import ArgumentParser
internal import Foundation
internal import RenkeiCore
internal import RenkeiHTTP
internal import RenkeiQuery

/// Shared by the graph commands: the index, JSON output, and printing.
struct GraphOptions: ParsableArguments {
    @OptionGroup var index: IndexOptions

    @Flag(help: "Print JSON.")
    var json = false

    func open() async throws -> RenkeiIndex {
        try await index.open()
    }

    /// JSON in the shapes of the HTTP API (`APIModels`).
    func printJSON(_ value: some Encodable) throws {
        print(String(decoding: try APIModels.encode(value, pretty: true), as: UTF8.self))
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
        let entities = try await options.open().entities(kind: kind, namePrefix: name, limit: limit)
        if options.json { return try options.printJSON(APIModels.entities(entities)) }
        guard !entities.isEmpty else { return print("No entities match.") }
        for entity in entities {
            print("\(RenkeiIndex.label(entity))  \(entity.key)  — \(entity.documents) document\(entity.documents == 1 ? "" : "s")")
        }
    }
}

/// `renkei show`: one entity's attributes, aliases and mentions.
struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show an entity: attributes, aliases, mentions.")

    @Argument(help: "A key (city:132128, company:イオン) or a name or alias, e.g. 日野市, イオン, 磯子区.")
    var entity: String

    @OptionGroup var options: GraphOptions

    func run() async throws {
        let index = try await options.open()
        let summary = try index.resolve(entity)
        guard let detail = try index.entity(summary.key) else { throw CommandFailure("\(entity) disappeared while reading.") }
        if options.json { return try options.printJSON(APIModels.EntityDetail(detail)) }
        print(RenkeiIndex.label(detail.summary))
        var lines: [String] = ["key: \(detail.summary.key)"]
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
        for (document, mentions) in documents.sorted(by: { $0.key < $1.key }) {
            let text = try index.extractionText(of: DocumentID(rawValue: document)) ?? ""
            let first = mentions[0]
            print("    [\(document)] ×\(mentions.count)  …\(Excerpt.around(text, first.start..<first.end))…")
        }
    }
}

/// `renkei relations`: typed neighbours with evidence.
struct RelationsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relations", abstract: "Show an entity's typed neighbours, each with the sentence and document it came from.")

    @Argument(help: "A key or a name or alias, e.g. city:132128 or 日野市.")
    var entity: String

    @Option(help: "Only this predicate: party_to, participates_in, organizes, under, in_prefecture.")
    var predicate: RelationPredicate?

    @OptionGroup var options: GraphOptions

    func run() async throws {
        let index = try await options.open()
        let summary = try index.resolve(entity)
        let edges = try index.relations(of: summary.key, predicate: predicate)
        if options.json { return try options.printJSON(APIModels.relations(edges)) }
        print("\(RenkeiIndex.label(summary)): \(edges.count) relation\(edges.count == 1 ? "" : "s")")
        for edge in edges {
            let arrow = edge.direction == .outgoing ? "→" : "←"
            var line = "  \(edge.predicate.rawValue) \(arrow) \(RenkeiIndex.label(edge.other))"
            if let agreement = edge.agreement {
                if let signed = agreement.signed { line += ", signed \(signed)" }
                let partners = agreement.parties.filter { $0.key != summary.key }.map(\.name)
                if !partners.isEmpty { line += ", with " + partners.joined(separator: "、") }
            }
            print(line + "  [\(edge.document)]")
            if let evidence = edge.evidence { print("      「\(Excerpt.flatten(evidence, limit: 120))」") }
        }
    }
}

/// `renkei path`: the shortest chain of relations between two entities.
struct PathCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path", abstract: "Find the shortest path between two entities, each hop with its evidence.")

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
        let index = try await options.open()
        let start = try index.resolve(from)
        let goal = try index.resolve(to)
        guard let path = try index.path(from: start.key, to: goal.key, maxHops: maxHops) else {
            throw CommandFailure("No path of at most \(maxHops) hops joins \(start.name) and \(goal.name).")
        }
        if options.json { return try options.printJSON(APIModels.hops(path)) }
        print("\(start.name) → \(goal.name): \(path.count) hop\(path.count == 1 ? "" : "s")")
        for hop in path {
            let arrow = hop.edge.direction == .outgoing ? "→" : "←"
            print("  \(hop.from.name) —\(hop.edge.predicate.rawValue)\(arrow) \(RenkeiIndex.label(hop.edge.other))  [\(hop.edge.document)]")
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
