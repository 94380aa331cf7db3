internal import Foundation
package import RenkeiCore

/// Entity resolution across documents: what makes two pages' entities one. Each document's
/// entities get their `EntityKey` here when its graph is built (`Extraction.graph`), and the
/// store joins everything written under one key into one entity. So 日野市 on five pages is
/// one entity and 日野市役所 is 日野市 (places by their official code); イオン株式会社 and
/// イオン are one company, 国立大学法人電気通信大学 and 電気通信大学 one university (bodies
/// by their name without legal form, NFKC, without blanks); an agreement is its name, parties
/// and signing date, since two different agreements may share a name; a project its name and
/// organizer.
package enum EntityIdentity {
    /// Bodies and places first: agreements and projects are keyed by them.
    static func rank(_ kind: EntityKind) -> Int {
        switch kind {
        case .city, .prefecture, .company, .university, .organization: 0
        case .agreement: 1
        case .project: 2
        }
    }

    /// The keys of a document's entities, by their document-local id.
    package static func keys(of entities: [ExtractedEntity]) -> [String: EntityKey] {
        var keyOfLocal: [String: EntityKey] = [:]
        for entity in entities.sorted(by: { rank($0.kind) < rank($1.kind) }) {
            keyOfLocal[entity.id] = key(of: entity, keyOfLocal: keyOfLocal)
        }
        return keyOfLocal
    }

    /// What identifies an entity across documents; `keyOfLocal` holds the keys of the
    /// document's bodies and places.
    static func key(of entity: ExtractedEntity, keyOfLocal: [String: EntityKey]) -> EntityKey {
        switch entity.kind {
        case .city, .prefecture:
            if let code = entity.code { return .place(entity.kind, code: code) }
            return .named(entity.kind, squeeze(entity.name))
        case .company, .organization, .university:
            return .named(entity.kind, squeeze(core(of: entity)))
        case .agreement:
            let parties = entity.parties.compactMap { keyOfLocal[$0]?.rawValue }.sorted().joined(separator: "+")
            return .hashed(.agreement, identity: "\(squeeze(entity.name))|\(parties)|\(entity.signed ?? "")")
        case .project:
            let organizer = entity.organizer.flatMap { keyOfLocal[$0]?.rawValue } ?? ""
            return .hashed(.project, identity: "\(squeeze(entity.name))|\(organizer)")
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
