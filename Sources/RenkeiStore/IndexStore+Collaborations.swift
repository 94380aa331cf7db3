internal import Foundation
internal import GRDB
package import RenkeiCore

/// Agreements and projects as lists with their members (`CollaborationRecord`): one indexed
/// query for the page, then a few per item, instead of a client's call per agreement.
extension IndexStore {
    /// The predicates by which bodies take part in an agreement or a project.
    private static func memberPredicates(of kind: EntityKind) -> [RelationPredicate] {
        kind == .project ? [.participatesIn, .organizes] : [.partyTo]
    }

    /// The text lists sort by, newest first: the signing date of an agreement, the fiscal
    /// year of a project (four digits), empty when unknown (last).
    private static func sortValue(of kind: EntityKind) -> String {
        // printf('%04d', NULL) is '0000' in SQLite, not NULL: the CASE keeps unknown years empty.
        kind == .project ? "CASE WHEN e.fiscal_year IS NULL THEN '' ELSE printf('%04d', e.fiscal_year) END" : "ifnull(e.signed, '')"
    }

    package func collaborations(_ filter: CollaborationFilter, after cursor: CollaborationCursor?, limit: Int) throws(StoreError)
        -> CollaborationPage
    {
        try read("read") { db in
            let predicates = Self.memberPredicates(of: filter.kind).map { "'\($0.rawValue)'" }.joined(separator: ", ")
            let sort = Self.sortValue(of: filter.kind)
            // A member of the entity `e` that satisfies `condition` (on the member `m`).
            let member = { (condition: String) in
                """
                EXISTS (SELECT 1 FROM relation r JOIN entity m ON m.id = r.subject_id
                WHERE r.object_id = e.id AND r.predicate IN (\(predicates)) AND \(condition))
                """
            }
            var conditions = ["e.kind = ?"]
            var arguments: [(any DatabaseValueConvertible)?] = [filter.kind.rawValue]
            for key in filter.members {
                conditions.append(member("m.key = ?"))
                arguments.append(key.rawValue)
            }
            if let kind = filter.memberKind {
                conditions.append(member("m.kind = ?"))
                arguments.append(kind.rawValue)
            }
            if let code = filter.cityCode {
                conditions.append(member("m.kind = 'city' AND m.code = ?"))
                arguments.append(code)
            }
            if let digits = filter.prefectureDigits {
                conditions.append(member("m.kind IN ('city', 'prefecture') AND substr(m.code, 1, 2) = ?"))
                arguments.append(digits)
            }
            if let from = filter.signedFrom {
                conditions.append("e.signed >= ?")
                arguments.append(from)
            }
            if let to = filter.signedTo {
                // '~' sorts after every digit and '-': `2021~` bounds every date of 2021.
                conditions.append("e.signed <= ? || '~'")
                arguments.append(to)
            }
            if let year = filter.fiscalYear {
                conditions.append("e.fiscal_year = ?")
                arguments.append(year)
            }
            if let minimum = filter.amountMin {
                conditions.append("e.amount_yen >= ?")
                arguments.append(minimum)
            }
            if let maximum = filter.amountMax {
                conditions.append("e.amount_yen <= ?")
                arguments.append(maximum)
            }
            if let text = filter.nameContains, !text.isEmpty {
                conditions.append("(instr(e.name, ?) > 0 OR EXISTS (SELECT 1 FROM entity_name n WHERE n.entity_id = e.id AND instr(n.name, ?) > 0))")
                arguments += [text, text]
            }
            if let cursor {
                conditions.append("(\(sort) < ? OR (\(sort) = ? AND e.key > ?))")
                arguments += [cursor.sortValue, cursor.sortValue, cursor.key.rawValue]
            }
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT e.key, \(sort) FROM entity e WHERE \(conditions.joined(separator: " AND "))
                    ORDER BY 2 DESC, e.key LIMIT ?
                    """, arguments: StatementArguments(arguments + [limit + 1]))
            let keys = rows.prefix(limit).compactMap { EntityKey(storedRawValue: $0[0]) }
            let records = try keys.compactMap { try Self.collaboration($0, in: db) }
            let next = rows.count > limit ? keys.last.map { CollaborationCursor(sortValue: rows[limit - 1][1], key: $0) } : nil
            return CollaborationPage(records: records, next: next)
        }
    }

    package func collaboration(_ key: EntityKey) throws(StoreError) -> CollaborationRecord? {
        try read("read") { db in try Self.collaboration(key, in: db) }
    }

    private static func collaboration(_ key: EntityKey, in db: Database) throws -> CollaborationRecord? {
        guard let detail = try entity(key, in: db), [.agreement, .project].contains(detail.summary.kind),
            let id = try Int64.fetchOne(db, sql: "SELECT id FROM entity WHERE key = ?", arguments: [key.rawValue])
        else { return nil }
        let kind = detail.summary.kind
        let predicates = memberPredicates(of: kind).map { "'\($0.rawValue)'" }.joined(separator: ", ")
        var members: [CollaborationRecord.Member] = []
        var evidence: [CollaborationRecord.Evidence] = []
        var seen = Set<EntityKey>()
        // Members, then the links (projects under an agreement, the agreement over a project).
        let memberRows = try Row.fetchAll(
            db,
            sql: """
                SELECT r.predicate, d.key, r.evidence_start, r.evidence_end, r.evidence, \(summaryColumns)
                FROM relation r JOIN entity e ON e.id = r.subject_id JOIN document d ON d.id = r.document_id
                WHERE r.object_id = ? AND r.predicate IN (\(predicates)) ORDER BY e.name, e.key, d.key
                """, arguments: [id])
        for row in memberRows {
            guard let role = RelationPredicate(rawValue: row[0]), let entity = summary(row, offset: 5) else { continue }
            if seen.insert(entity.key).inserted { members.append(.init(entity: entity, role: role)) }
            evidence.append(.init(predicate: role, entity: entity.key, document: row[1], start: row[2], end: row[3], text: row[4]))
        }
        let (mine, other) = kind == .agreement ? ("object_id", "subject_id") : ("subject_id", "object_id")
        var linked: [EntitySummary] = []
        let linkRows = try Row.fetchAll(
            db,
            sql: """
                SELECT d.key, r.evidence_start, r.evidence_end, r.evidence, \(summaryColumns)
                FROM relation r JOIN entity e ON e.id = r.\(other) JOIN document d ON d.id = r.document_id
                WHERE r.\(mine) = ? AND r.predicate = 'under' ORDER BY e.name, e.key, d.key
                """, arguments: [id])
        seen.removeAll()
        for row in linkRows {
            guard let entity = summary(row, offset: 4) else { continue }
            if seen.insert(entity.key).inserted { linked.append(entity) }
            evidence.append(.init(predicate: .under, entity: entity.key, document: row[0], start: row[1], end: row[2], text: row[3]))
        }
        let documents = try String.fetchAll(
            db,
            sql: """
                SELECT DISTINCT d.key FROM entity_name n JOIN document d ON d.id = n.document_id WHERE n.entity_id = ? ORDER BY d.key
                """, arguments: [id])
        return CollaborationRecord(
            summary: detail.summary, aliases: detail.aliases, signed: detail.signed, topics: detail.topics, amountYen: detail.amountYen,
            fiscalYear: detail.fiscalYear, members: members, linked: linked, documents: documents, evidence: evidence)
    }
}
