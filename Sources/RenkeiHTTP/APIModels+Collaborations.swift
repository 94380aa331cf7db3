package import Foundation
internal import Hummingbird
package import RenkeiCore
package import RenkeiQuery

/// Agreements and projects with their parties, links, pages and evidence: one call answers
/// "who signed what, when", where relations alone take a call per agreement.
extension APIModels {
    /// A body taking part, and how (`party_to`, `participates_in`, `organizes`).
    package struct Member: Codable, Hashable, Sendable {
        var key: String
        var name: String
        var kind: String
        var role: String
    }

    /// An agreement or project linked to the one described.
    package struct Link: Codable, Hashable, Sendable {
        var key: String
        var name: String
        var kind: String
    }

    /// Words of a page and the relations read from them (a table row often gives a project
    /// all its participants at once, so the words are written once).
    package struct Evidence: Codable, Hashable, Sendable {
        /// A relation of the agreement or project: its predicate and the entity on its other end.
        struct Fact: Codable, Hashable, Sendable { var predicate: String; var entity: String }

        var document: String
        var start: Int?
        var end: Int?
        var text: String?
        var relations: [Fact]
    }

    package struct Agreement: Codable, Hashable, Sendable {
        var key: String
        var name: String
        var aliases: [String]
        var signed: String?
        var parties: [Member]
        var topics: [String]
        var projects: [Link]
        var documents: [String]
        var evidence: [Evidence]

        package init(_ record: CollaborationRecord) {
            key = record.summary.key.rawValue
            name = record.summary.name
            aliases = record.aliases
            signed = record.signed
            parties = APIModels.members(record)
            topics = record.topics
            projects = record.linked.map(APIModels.link)
            documents = record.documents
            evidence = APIModels.evidence(record)
        }
    }

    package struct Project: Codable, Hashable, Sendable {
        var key: String
        var name: String
        var aliases: [String]
        var fiscalYear: Int?
        var amountYen: Int?
        var participants: [Member]
        var topics: [String]
        var agreements: [Link]
        var documents: [String]
        var evidence: [Evidence]

        package init(_ record: CollaborationRecord) {
            key = record.summary.key.rawValue
            name = record.summary.name
            aliases = record.aliases
            fiscalYear = record.fiscalYear
            amountYen = record.amountYen
            participants = APIModels.members(record)
            topics = record.topics
            agreements = record.linked.map(APIModels.link)
            documents = record.documents
            evidence = APIModels.evidence(record)
        }
    }

    package struct AgreementList: Encodable, Sendable {
        var agreements: [Agreement]
        /// The URL of the next page; null on the last.
        @NullWhenAbsent var next: String?
        var notices: [String]
    }

    package struct ProjectList: Encodable, Sendable {
        var projects: [Project]
        @NullWhenAbsent var next: String?
        var notices: [String]
    }

    package struct AgreementAnswer: ResponseEncodable { var agreement: Agreement }
    package struct ProjectAnswer: ResponseEncodable { var project: Project }

    private static func members(_ record: CollaborationRecord) -> [Member] {
        record.members.map { Member(key: $0.entity.key.rawValue, name: $0.entity.name, kind: $0.entity.kind.rawValue, role: $0.role.rawValue) }
    }

    private static func link(_ entity: EntitySummary) -> Link {
        Link(key: entity.key.rawValue, name: entity.name, kind: entity.kind.rawValue)
    }

    private static func evidence(_ record: CollaborationRecord) -> [Evidence] {
        var grouped: [Evidence] = []
        var position: [String: Int] = [:]
        for item in record.evidence {
            let span = "\(item.document)\u{0}\(item.start ?? -1)\u{0}\(item.end ?? -1)\u{0}\(item.text ?? "")"
            let fact = Evidence.Fact(predicate: item.predicate.rawValue, entity: item.entity.rawValue)
            if let index = position[span] {
                grouped[index].relations.append(fact)
            } else {
                position[span] = grouped.count
                grouped.append(Evidence(document: item.document, start: item.start, end: item.end, text: item.text, relations: [fact]))
            }
        }
        return grouped
    }
}
