internal import Foundation
internal import GRDB
internal import RenkeiCore

/// Writes one document's contribution to the graph, in the document's own transaction.
enum GraphWriter {
    /// Replaces what the document contributed before with `graph`. Entities are shared:
    /// one row per key, whose id never changes while any document names it.
    static func replace(_ graph: DocumentGraph, of document: Int64, replacing: Bool, in db: Database) throws {
        guard !graph.entities.isEmpty || !graph.fiscalYears.isEmpty || replacing else { return }
        for table in ["relation", "mention", "entity_name", "document_year"] {
            try db.cachedStatement(sql: "DELETE FROM \(table) WHERE document_id = ?").execute(arguments: [document])
        }
        let upsert = try db.cachedStatement(
            sql: """
                INSERT INTO entity (key, kind, name, code, prefecture, corporate_number, signed, topics, amount_yen, fiscal_year)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (key) DO UPDATE SET
                    name = CASE WHEN kind IN ('company', 'organization', 'agreement', 'project') AND length(excluded.name) > length(name)
                                THEN excluded.name ELSE name END,
                    code = coalesce(code, excluded.code),
                    prefecture = coalesce(prefecture, excluded.prefecture),
                    corporate_number = coalesce(corporate_number, excluded.corporate_number),
                    signed = coalesce(signed, excluded.signed),
                    topics = CASE WHEN topics = '[]' THEN excluded.topics ELSE topics END,
                    amount_yen = coalesce(amount_yen, excluded.amount_yen),
                    fiscal_year = coalesce(fiscal_year, excluded.fiscal_year)
                RETURNING id
                """)
        let addName = try db.cachedStatement(sql: "INSERT OR IGNORE INTO entity_name (entity_id, document_id, name) VALUES (?, ?, ?)")
        let addMention = try db.cachedStatement(sql: "INSERT OR IGNORE INTO mention (entity_id, document_id, start, \"end\") VALUES (?, ?, ?, ?)")
        let addRelation = try db.cachedStatement(
            sql: """
                INSERT OR IGNORE INTO relation (subject_id, predicate, object_id, document_id, evidence_start, evidence_end, evidence)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
        let addYear = try db.cachedStatement(sql: "INSERT OR IGNORE INTO document_year (document_id, fiscal_year) VALUES (?, ?)")
        for year in graph.fiscalYears { try addYear.execute(arguments: [document, year]) }
        var idOfKey: [EntityKey: Int64] = [:]
        let encoder = JSONEncoder()
        for entity in graph.entities {
            let topics = String(decoding: try encoder.encode(entity.topics), as: UTF8.self)
            guard
                let id = try Int64.fetchOne(
                    upsert,
                    arguments: [
                        entity.key.rawValue, entity.kind.rawValue, entity.name, entity.code, entity.prefecture, entity.corporateNumber,
                        entity.signed, topics, entity.amountYen, entity.fiscalYear,
                    ])
            else { continue }
            idOfKey[entity.key] = id
            for name in Set([entity.name] + entity.aliases) { try addName.execute(arguments: [id, document, name]) }
            for mention in entity.mentions { try addMention.execute(arguments: [id, document, mention.lowerBound, mention.upperBound]) }
        }
        for relation in graph.relations {
            guard let subject = idOfKey[relation.subject], let object = idOfKey[relation.object] else { continue }
            try addRelation.execute(arguments: [
                subject, relation.predicate.rawValue, object, document,
                relation.evidence?.lowerBound, relation.evidence?.upperBound, relation.evidenceText,
            ])
        }
    }

    /// An entity that no document names any more disappears.
    static func removeOrphans(in db: Database) throws {
        try db.execute(sql: "DELETE FROM entity WHERE NOT EXISTS (SELECT 1 FROM entity_name WHERE entity_name.entity_id = entity.id)")
    }
}
