internal import Foundation
package import RenkeiCore

/// One real body, place, agreement or project across every document that names it.
package struct ResolvedEntity: Hashable, Sendable {
    /// The joined entity, keyed for the graph (its mentions are not joined: see `occurrences`).
    package var entity: GraphEntity
    /// Per document, the entity as that document wrote it (local id, mentions).
    package var occurrences: [DocumentID: ExtractedEntity]

    package var key: String { entity.key }
    package var kind: EntityKind { entity.kind }
    package var name: String { entity.name }
    package var aliases: [String] { entity.aliases }
    package var code: String? { entity.code }
    package var signed: String? { entity.signed }
}

/// Joins the entities of many documents: 日野市 on five pages is one entity; 日野市役所 is
/// 日野市; イオン株式会社 and イオン are one company; 国立大学法人電気通信大学 and
/// 電気通信大学 one university. Places join by their official code; bodies by their name
/// without legal form (written in NFKC, without spaces); an agreement by its name, parties
/// and signing date, since two different agreements may share a name; a project by its name
/// and organizer.
package enum EntityResolver {
    package static func resolve(_ extractions: [Extraction]) -> [ResolvedEntity] {
        var resolved: [String: ResolvedEntity] = [:]
        var order: [String] = []
        for extraction in extractions {
            var keyOfLocal: [String: String] = [:]
            // Bodies and places first: agreements and projects are keyed by them.
            let sorted = extraction.entities.sorted { rank($0.kind) < rank($1.kind) }
            for entity in sorted {
                let key = key(of: entity, keyOfLocal: keyOfLocal)
                keyOfLocal[entity.id] = key
                if var existing = resolved[key] {
                    for name in entity.allNames where name != existing.entity.name && !existing.entity.aliases.contains(name) {
                        existing.entity.aliases.append(name)
                    }
                    if entity.name.count > existing.name.count, entity.kind != .city, entity.kind != .prefecture, entity.kind != .university {
                        existing.entity.aliases.removeAll { $0 == entity.name }
                        existing.entity.aliases.append(existing.entity.name)
                        existing.entity.name = entity.name
                    }
                    existing.occurrences[extraction.document] = entity
                    resolved[key] = existing
                } else {
                    order.append(key)
                    let joined = GraphEntity(
                        key: key, kind: entity.kind, name: entity.name, aliases: entity.aliases, code: entity.code,
                        prefecture: entity.prefecture, corporateNumber: entity.corporateNumber, signed: entity.signed,
                        topics: entity.topics, amountYen: entity.amountYen, fiscalYear: entity.fiscalYear)
                    resolved[key] = ResolvedEntity(entity: joined, occurrences: [extraction.document: entity])
                }
            }
        }
        return order.compactMap { resolved[$0] }
    }

    static func rank(_ kind: EntityKind) -> Int {
        switch kind {
        case .city, .prefecture, .company, .university, .organization: 0
        case .agreement: 1
        case .project: 2
        }
    }

    /// What identifies an entity across documents.
    static func key(of entity: ExtractedEntity, keyOfLocal: [String: String]) -> String {
        switch entity.kind {
        case .city, .prefecture:
            return "\(entity.kind.rawValue):" + (entity.code ?? squeeze(entity.name))
        case .company, .organization, .university:
            return "\(entity.kind.rawValue):" + squeeze(core(of: entity))
        case .agreement:
            let parties = entity.parties.compactMap { keyOfLocal[$0] }.sorted().joined(separator: "+")
            return "agreement:\(squeeze(entity.name))|\(parties)|\(entity.signed ?? "")"
        case .project:
            let organizer = entity.organizer.flatMap { keyOfLocal[$0] } ?? ""
            return "project:\(squeeze(entity.name))|\(organizer)"
        }
    }

    /// The shortest written form that the others contain: the name without its legal form.
    static func core(of entity: ExtractedEntity) -> String {
        let names = entity.allNames.map(squeeze)
        return names.filter { candidate in names.allSatisfy { $0.contains(candidate) } }.min { $0.count < $1.count } ?? names[0]
    }

    static func squeeze(_ text: String) -> String {
        text.precomposedStringWithCompatibilityMapping.filter { !$0.isWhitespace }
    }
}
