package import Foundation
internal import RenkeiCore

extension Extraction {
    /// The extraction in the format of `../shared/gold` (`score.py` reads it): ids, types,
    /// names, aliases, and per type the fields the gold files carry; mentions with their
    /// character spans are added as `mentions`.
    package func goldJSON(documentName: String) throws -> Data {
        var entities: [[String: Any]] = []
        for entity in self.entities {
            var object: [String: Any] = [
                "id": entity.id, "type": entity.kind.rawValue, "name": entity.name, "aliases": entity.aliases,
                "mentions": entity.mentions.map { [$0.lowerBound, $0.upperBound] },
            ]
            switch entity.kind {
            case .city:
                object["prefecture"] = entity.prefecture ?? NSNull()
                object["code"] = entity.code ?? NSNull()
                object["corporate_number"] = entity.corporateNumber ?? NSNull()
            case .prefecture:
                object["code"] = entity.code ?? NSNull()
                object["corporate_number"] = entity.corporateNumber ?? NSNull()
            case .agreement:
                object["evidence"] = entity.evidence.map { [$0.lowerBound, $0.upperBound] } ?? NSNull()
                object["signed"] = entity.signed ?? NSNull()
                object["parties"] = entity.parties
                object["topics"] = entity.topics
            case .project:
                object["evidence"] = entity.evidence.map { [$0.lowerBound, $0.upperBound] } ?? NSNull()
                object["participants"] = entity.participants
                object["agreement"] = entity.agreement ?? NSNull()
                object["organizer"] = entity.organizer ?? NSNull()
                object["amount_yen"] = entity.amountYen ?? NSNull()
                object["fiscal_year"] = entity.fiscalYear ?? NSNull()
            case .company, .university, .organization:
                break
            }
            entities.append(object)
        }
        let document: [String: Any] = ["document": documentName, "source": document.rawValue, "entities": entities, "notes": []]
        return try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }
}
