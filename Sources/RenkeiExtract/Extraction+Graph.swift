package import RenkeiCore

extension Extraction {
    /// The document's contribution to the graph: its entities under their cross-document
    /// keys, and the typed relations between them with their evidence.
    package func graph(text: String) -> DocumentGraph {
        let keyOfLocal = EntityIdentity.keys(of: entities)
        // The text as characters only when some evidence is cut from it (most texts have none).
        var textScalars: [Unicode.Scalar]?
        func evidence(_ range: Range<Int>?) -> String? {
            guard let range else { return nil }
            let scalars = textScalars ?? Array(text.unicodeScalars)
            textScalars = scalars
            guard range.upperBound <= scalars.count else { return nil }
            return String(String.UnicodeScalarView(scalars[range]))
        }
        var graph = DocumentGraph()
        var prefectureKeys: [String: EntityKey] = [:]
        for entity in entities {
            guard let key = keyOfLocal[entity.id] else { continue }
            graph.entities.append(
                GraphEntity(
                    key: key, kind: entity.kind, name: entity.name, aliases: entity.aliases, code: entity.code,
                    prefecture: entity.prefecture, corporateNumber: entity.corporateNumber, signed: entity.signed,
                    topics: entity.topics, amountYen: entity.amountYen, fiscalYear: entity.fiscalYear, mentions: entity.mentions))
            if entity.kind == .prefecture { prefectureKeys[entity.name] = key }
        }
        for entity in entities {
            guard let key = keyOfLocal[entity.id] else { continue }
            let proof = (entity.evidence, evidence(entity.evidence))
            switch entity.kind {
            case .agreement:
                for party in entity.parties.compactMap({ keyOfLocal[$0] }) {
                    graph.relations.append(GraphRelation(subject: party, predicate: .partyTo, object: key, evidence: proof.0, evidenceText: proof.1))
                }
            case .project:
                for participant in entity.participants.compactMap({ keyOfLocal[$0] }) {
                    graph.relations.append(
                        GraphRelation(subject: participant, predicate: .participatesIn, object: key, evidence: proof.0, evidenceText: proof.1))
                }
                if let organizer = entity.organizer.flatMap({ keyOfLocal[$0] }) {
                    graph.relations.append(
                        GraphRelation(subject: organizer, predicate: .organizes, object: key, evidence: proof.0, evidenceText: proof.1))
                }
                if let agreement = entity.agreement.flatMap({ keyOfLocal[$0] }) {
                    graph.relations.append(
                        GraphRelation(subject: key, predicate: .under, object: agreement, evidence: proof.0, evidenceText: proof.1))
                }
            case .city:
                // Only to a prefecture the document itself names.
                if let prefecture = entity.prefecture, let prefectureKey = prefectureKeys[prefecture] {
                    let mention = entity.mentions.first
                    graph.relations.append(
                        GraphRelation(
                            subject: key, predicate: .inPrefecture, object: prefectureKey, evidence: mention, evidenceText: evidence(mention)))
                }
            case .prefecture, .company, .university, .organization:
                break
            }
        }
        return graph
    }
}
