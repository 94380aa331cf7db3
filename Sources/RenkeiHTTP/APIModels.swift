package import Foundation
internal import Hummingbird
package import RenkeiCore
package import RenkeiQuery

/// The JSON the API answers, mapped from the query layer's results: a change below (a column,
/// a backend) changes these only when someone decides the public API should change.
/// `openapi.json` describes each (`scripts/make-openapi.py`); the CLI's `--json` prints them too.
package enum APIModels {
    package struct Health: ResponseEncodable {
        var status: String
        var documents: Int
        var entities: Int
        var relations: Int
        /// Each read replica's lag (PostgreSQL with `--read-replica`); left out otherwise.
        var replicas: [Replica]?

        struct Replica: Codable, Hashable, Sendable {
            var server: String
            var lagBytes: Int64?
            var lagGenerations: Int64?
            var problem: String?

            init(_ status: ReplicaStatus) {
                server = status.server
                lagBytes = status.lagBytes
                lagGenerations = status.lagGenerations
                problem = status.problem
            }
        }
    }

    package struct Entity: Codable, Hashable, Sendable {
        var key: String
        var kind: String
        var name: String
        var prefecture: String?
        var code: String?
        /// How many documents name it.
        var documents: Int

        init(_ summary: EntitySummary) {
            key = summary.key.rawValue
            kind = summary.kind.rawValue
            name = summary.name
            prefecture = summary.prefecture
            code = summary.code
            documents = summary.documents
        }
    }

    package struct EntityDetail: Codable, Hashable, Sendable {
        struct Mention: Codable, Hashable, Sendable { var document: String; var start: Int; var end: Int }

        var summary: Entity
        var aliases: [String]
        var corporateNumber: String?
        var signed: String?
        var topics: [String]
        var amountYen: Int?
        var fiscalYear: Int?
        var mentions: [Mention]

        package init(_ detail: RenkeiCore.EntityDetail) {
            summary = Entity(detail.summary)
            aliases = detail.aliases
            corporateNumber = detail.corporateNumber
            signed = detail.signed
            topics = detail.topics
            amountYen = detail.amountYen
            fiscalYear = detail.fiscalYear
            mentions = detail.mentions.map { Mention(document: $0.document, start: $0.start, end: $0.end) }
        }
    }

    package struct Relation: Codable, Hashable, Sendable {
        var predicate: String
        var direction: String
        var other: Entity
        var document: String
        var evidence: String?
        var evidenceStart: Int?
        var evidenceEnd: Int?
        /// When the other end is an agreement: its date and parties.
        var agreement: AgreementBrief?

        struct AgreementBrief: Codable, Hashable, Sendable {
            var signed: String?
            var parties: [Entity]
        }

        package init(_ edge: RelationEdge) {
            agreement = edge.agreement.map { AgreementBrief(signed: $0.signed, parties: $0.parties.map(Entity.init)) }
            predicate = edge.predicate.rawValue
            direction = edge.direction.rawValue
            other = Entity(edge.other)
            document = edge.document
            evidence = edge.evidence
            evidenceStart = edge.evidenceStart
            evidenceEnd = edge.evidenceEnd
        }
    }

    package struct Hop: Codable, Hashable, Sendable {
        var from: Entity
        var edge: Relation

        package init(_ hop: PathHop) {
            from = Entity(hop.from)
            edge = Relation(hop.edge)
        }
    }

    package struct DocumentAnswer: ResponseEncodable {
        var id: String; var title: String; var encoding: String; var body: String; var records: Int; var entities: [Entity]

        init(_ document: DocumentView) {
            id = document.id.rawValue
            title = document.title
            encoding = document.encoding
            body = document.text
            records = document.records
            entities = document.entities.map(Entity.init)
        }
    }

    /// `next` is the URL of the next page, null on the last.
    package struct EntityList: ResponseEncodable {
        var entities: [Entity]
        @NullWhenAbsent var next: String?

        package init(entities: [Entity], next: String? = nil) {
            self.entities = entities
            self.next = next
        }
    }
    package struct EntityAnswer: ResponseEncodable { var entity: EntityDetail }
    package struct RelationList: ResponseEncodable {
        var entity: Entity
        var relations: [Relation]
        @NullWhenAbsent var next: String?

        package init(entity: Entity, relations: [Relation], next: String? = nil) {
            self.entity = entity
            self.relations = relations
            self.next = next
        }
    }
    package struct PathAnswer: ResponseEncodable { var from: Entity; var to: Entity; var hops: [Hop] }

    package struct Snippet: Codable, Hashable, Sendable {
        var text: String; var start: Int; var end: Int; var highlights: [[Int]]
        /// The page the snippet starts on, in a PDF; absent otherwise.
        var page: Int?
    }

    package struct Hit: Codable, Hashable, Sendable {
        var rank: Int
        /// `exact`, or `loose` for a hit found only through 表記ゆれ (ranked after every exact one).
        var match: String
        var id: String
        var document: String
        /// The original page, for a document fetched from the web (its id is its URL).
        var url: String?
        var record: Int?
        var title: String
        var score: Double
        var titleHighlights: [[Int]]
        var snippets: [Snippet]

        init(_ hit: SearchHit) {
            rank = hit.rank
            match = hit.match.rawValue
            id = hit.id
            document = hit.document
            url = DocumentID.webURL(hit.document)
            record = hit.record
            title = hit.title
            score = hit.score
            titleHighlights = hit.titleHighlights
            snippets = hit.snippets.map { Snippet(text: $0.text, start: $0.start, end: $0.end, highlights: $0.highlights, page: $0.page) }
        }
    }

    package struct Filters: Codable, Hashable, Sendable {
        var city: String?
        var entity: String?
        var kind: String?
        var fiscalYear: Int?

        init(_ filters: SearchFilters) {
            city = filters.city
            entity = filters.entity
            kind = filters.kind?.rawValue
            fiscalYear = filters.fiscalYear
        }
    }

    package struct Facets: Codable, Hashable, Sendable {
        struct City: Codable, Hashable, Sendable { var key: String; var name: String; var prefecture: String?; var code: String?; var count: Int }
        struct Kind: Codable, Hashable, Sendable { var kind: String; var count: Int }
        struct FiscalYear: Codable, Hashable, Sendable { var fiscalYear: Int; var count: Int }

        var documents: Int
        var cities: [City]
        var kinds: [Kind]
        var fiscalYears: [FiscalYear]

        init(_ facets: SearchFacets) {
            documents = facets.documents
            cities = facets.cities.map { City(key: $0.key.rawValue, name: $0.name, prefecture: $0.prefecture, code: $0.code, count: $0.count) }
            kinds = facets.kinds.map { Kind(kind: $0.kind.rawValue, count: $0.count) }
            fiscalYears = facets.fiscalYears.map { FiscalYear(fiscalYear: $0.fiscalYear, count: $0.count) }
        }
    }

    /// `/api/search`'s answer; `renkei search --json` prints the same without `limit`.
    package struct SearchAnswer: ResponseEncodable {
        var query: String
        var total: Int
        var offset: Int
        var limit: Int?
        var filters: Filters
        var hits: [Hit]
        var facets: Facets?
        var notices: [String]
        var match: String
        /// The next page's URL while hits remain (the API only; `offset` moved on by `limit`).
        var next: String?

        package init(_ results: SearchResults, limit: Int?) {
            query = results.query
            total = results.total
            offset = results.offset
            self.limit = limit
            filters = Filters(results.filters)
            hits = results.hits.map(Hit.init)
            facets = results.facets.map(Facets.init)
            notices = results.notices
            match = results.match.rawValue
        }

        private enum CodingKeys: String, CodingKey { case query, total, offset, limit, filters, hits, facets, notices, match, next }

        package func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(query, forKey: .query)
            try container.encode(total, forKey: .total)
            try container.encode(offset, forKey: .offset)
            try container.encodeIfPresent(limit, forKey: .limit)
            try container.encode(filters, forKey: .filters)
            try container.encode(hits, forKey: .hits)
            try container.encodeIfPresent(facets, forKey: .facets)
            try container.encode(notices, forKey: .notices)
            try container.encode(match, forKey: .match)
            // The API's answers (with a limit) say null on the last page, as every list does.
            if limit != nil { try container.encode(next, forKey: .next) }
        }
    }

    /// The CLI prints these lists in the same shapes as the API.
    package static func entities(_ summaries: [EntitySummary]) -> [Entity] { summaries.map(Entity.init) }
    package static func relations(_ edges: [RelationEdge]) -> [Relation] { edges.map(Relation.init) }
    package static func hops(_ path: [PathHop]) -> [Hop] { path.map(Hop.init) }

    /// JSON as the API writes it.
    package static func encode(_ value: some Encodable, pretty: Bool = false) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.withoutEscapingSlashes, .sortedKeys, .prettyPrinted] : [.withoutEscapingSlashes, .sortedKeys]
        return try encoder.encode(value)
    }
}

/// Where an entity's staff page is: `/entities/city:132128`, Japanese keys percent-encoded.
enum EntityLinks {
    static func page(_ key: EntityKey) -> String {
        "/entities/" + (key.rawValue.addingPercentEncoding(withAllowedCharacters: segment) ?? key.rawValue)
    }

    /// RFC 3986's unreserved characters and `:` (allowed in a path segment).
    private static let segment = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:")
}
