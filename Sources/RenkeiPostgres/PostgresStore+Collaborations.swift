package import RenkeiCore

/// Agreements and projects with their members, as the SQLite store lists them
/// (`IndexStore+Collaborations.swift`).
extension PostgresStore {
    private static func memberPredicates(of kind: EntityKind) -> String {
        (kind == .project ? [RelationPredicate.participatesIn, .organizes] : [.partyTo]).map { "'\($0.rawValue)'" }.joined(separator: ", ")
    }

    /// The text lists sort by, newest first: the signing date of an agreement, the fiscal
    /// year of a project (four digits), empty when unknown (last).
    private static func sortValue(of kind: EntityKind) -> String {
        kind == .project ? "coalesce(lpad(e.fiscal_year::text, 4, '0'), '')" : "coalesce(e.signed, '')"
    }

    package func collaborations(_ filter: CollaborationFilter, after cursor: CollaborationCursor?, limit: Int) throws(StoreError)
        -> CollaborationPage
    {
        let predicates = Self.memberPredicates(of: filter.kind)
        let sort = Self.sortValue(of: filter.kind)
        let member = { (condition: String) in
            """
            EXISTS (SELECT 1 FROM relation r JOIN entity m ON m.id = r.subject_id
            WHERE r.object_id = e.id AND r.predicate IN (\(predicates)) AND \(condition))
            """
        }
        var conditions = ["e.kind = ?"]
        var arguments: [SQLValue] = [.text(filter.kind.rawValue)]
        for key in filter.members {
            conditions.append(member("m.key = ?"))
            arguments.append(.text(key.rawValue))
        }
        if let kind = filter.memberKind {
            conditions.append(member("m.kind = ?"))
            arguments.append(.text(kind.rawValue))
        }
        if let code = filter.cityCode {
            conditions.append(member("m.kind = 'city' AND m.code = ?"))
            arguments.append(.text(code))
        }
        if let digits = filter.prefectureDigits {
            conditions.append(member("m.kind IN ('city', 'prefecture') AND substr(m.code, 1, 2) = ?"))
            arguments.append(.text(digits))
        }
        if let from = filter.signedFrom {
            conditions.append("e.signed >= ?")
            arguments.append(.text(from))
        }
        if let to = filter.signedTo {
            // '~' sorts after every digit and '-': `2021~` bounds every date of 2021.
            conditions.append("e.signed <= ? || '~'")
            arguments.append(.text(to))
        }
        if let year = filter.fiscalYear {
            conditions.append("e.fiscal_year = ?")
            arguments.append(.int(year))
        }
        if let minimum = filter.amountMin {
            conditions.append("e.amount_yen >= ?")
            arguments.append(.int(minimum))
        }
        if let maximum = filter.amountMax {
            conditions.append("e.amount_yen <= ?")
            arguments.append(.int(maximum))
        }
        if let text = filter.nameContains, !text.isEmpty {
            conditions.append("(strpos(e.name, ?) > 0 OR EXISTS (SELECT 1 FROM entity_name n WHERE n.entity_id = e.id AND strpos(n.name, ?) > 0))")
            arguments += [.text(text), .text(text)]
        }
        if let cursor {
            conditions.append("(\(sort) < ? OR (\(sort) = ? AND e.key > ?))")
            arguments += [.text(cursor.sortValue), .text(cursor.sortValue), .text(cursor.key.rawValue)]
        }
        return try read("read") { session in
            let rows = try session.fetch(
                "SELECT e.key, \(sort) FROM entity e WHERE \(conditions.joined(separator: " AND ")) ORDER BY 2 DESC, e.key LIMIT ?",
                arguments + [.int(limit + 1)])
            let keys = rows.prefix(limit).compactMap { EntityKey(storedRawValue: $0.string(0)) }
            let records = try keys.compactMap { try Self.collaboration($0, in: session) }
            let next = rows.count > limit ? keys.last.map { CollaborationCursor(sortValue: rows[limit - 1].string(1), key: $0) } : nil
            return CollaborationPage(records: records, next: next)
        }
    }

    package func collaboration(_ key: EntityKey) throws(StoreError) -> CollaborationRecord? {
        try read("read") { session in try Self.collaboration(key, in: session) }
    }

    private static func collaboration(_ key: EntityKey, in session: Session) throws -> CollaborationRecord? {
        guard let detail = try entity(key, in: session), [.agreement, .project].contains(detail.summary.kind),
            let id = try session.fetchOne("SELECT id FROM entity WHERE key = ?", [.text(key.rawValue)])?.int(0)
        else { return nil }
        let kind = detail.summary.kind
        var members: [CollaborationRecord.Member] = []
        var evidence: [CollaborationRecord.Evidence] = []
        var seen = Set<EntityKey>()
        for row in try session.fetch(
            """
            SELECT r.predicate, d.key, r.evidence_start, r.evidence_end, r.evidence, \(summaryColumns)
            FROM relation r JOIN entity e ON e.id = r.subject_id JOIN document d ON d.id = r.document_id
            WHERE r.object_id = ? AND r.predicate IN (\(memberPredicates(of: kind))) ORDER BY e.name, e.key, d.key
            """, [.int(id)])
        {
            guard let role = RelationPredicate(rawValue: row.string(0)), let entity = summary(row, offset: 5) else { continue }
            if seen.insert(entity.key).inserted { members.append(.init(entity: entity, role: role)) }
            evidence.append(
                .init(
                    predicate: role, entity: entity.key, document: row.string(1), start: row.optionalInt(2), end: row.optionalInt(3),
                    text: row.optionalString(4)))
        }
        let (mine, other) = kind == .agreement ? ("object_id", "subject_id") : ("subject_id", "object_id")
        var linked: [EntitySummary] = []
        seen.removeAll()
        for row in try session.fetch(
            """
            SELECT d.key, r.evidence_start, r.evidence_end, r.evidence, \(summaryColumns)
            FROM relation r JOIN entity e ON e.id = r.\(other) JOIN document d ON d.id = r.document_id
            WHERE r.\(mine) = ? AND r.predicate = 'under' ORDER BY e.name, e.key, d.key
            """, [.int(id)])
        {
            guard let entity = summary(row, offset: 4) else { continue }
            if seen.insert(entity.key).inserted { linked.append(entity) }
            evidence.append(
                .init(
                    predicate: .under, entity: entity.key, document: row.string(0), start: row.optionalInt(1), end: row.optionalInt(2),
                    text: row.optionalString(3)))
        }
        let documents = try session.fetch(
            "SELECT DISTINCT d.key FROM entity_name n JOIN document d ON d.id = n.document_id WHERE n.entity_id = ? ORDER BY d.key", [.int(id)]
        ).map { $0.string(0) }
        return CollaborationRecord(
            summary: detail.summary, aliases: detail.aliases, signed: detail.signed, topics: detail.topics, amountYen: detail.amountYen,
            fiscalYear: detail.fiscalYear, members: members, linked: linked, documents: documents, evidence: evidence)
    }

    package func partnerCounts(of key: EntityKey) throws(StoreError) -> PartnerCounts {
        let partnerships = """
            SELECT partner.id AS partner, partner.kind AS kind, \(Self.signingYear("a")) AS year
            FROM entity me
            JOIN relation mine ON mine.subject_id = me.id AND mine.predicate = 'party_to'
            JOIN entity a ON a.id = mine.object_id AND a.kind = 'agreement'
            JOIN relation theirs ON theirs.object_id = a.id AND theirs.predicate = 'party_to' AND theirs.subject_id <> me.id
            JOIN entity partner ON partner.id = theirs.subject_id
            WHERE me.key = ?
            """
        return try read("read") { session in
            let byYear = try session.fetch(
                """
                WITH p AS (\(partnerships)) SELECT kind, year, count(DISTINCT partner) FROM p
                GROUP BY kind, year ORDER BY year IS NULL, year, kind
                """, [.text(key.rawValue)]
            ).compactMap { row in EntityKind(rawValue: row.string(0)).map { PartnerCount(kind: $0, year: row.optionalInt(1), partners: row.int(2)) } }
            var totals: [EntityKind: Int] = [:]
            for row in try session.fetch(
                "WITH p AS (\(partnerships)) SELECT kind, count(DISTINCT partner) FROM p GROUP BY kind", [.text(key.rawValue)])
            {
                if let kind = EntityKind(rawValue: row.string(0)) { totals[kind] = row.int(1) }
            }
            return PartnerCounts(byYear: byYear, totals: totals)
        }
    }

    package func agreementCounts(groupedBy grouping: AgreementGrouping) throws(StoreError) -> [AgreementCount] {
        let sql: String
        switch grouping {
        case .year:
            sql = """
                SELECT substr(signed, 1, 4) AS value, substr(signed, 1, 4), count(*) FROM entity
                WHERE kind = 'agreement' GROUP BY value ORDER BY substr(signed, 1, 4) IS NULL, value
                """
        case .prefecture:
            sql = """
                SELECT substr(p.code, 1, 2) AS value, max(CASE WHEN p.kind = 'prefecture' THEN p.name ELSE p.prefecture END), count(DISTINCT a.id)
                FROM entity a JOIN relation r ON r.object_id = a.id AND r.predicate = 'party_to'
                JOIN entity p ON p.id = r.subject_id AND p.kind IN ('city', 'prefecture') AND p.code IS NOT NULL
                WHERE a.kind = 'agreement' GROUP BY value ORDER BY 3 DESC, value
                """
        case .partyKind:
            sql = """
                SELECT p.kind AS value, p.kind, count(DISTINCT a.id)
                FROM entity a JOIN relation r ON r.object_id = a.id AND r.predicate = 'party_to' JOIN entity p ON p.id = r.subject_id
                WHERE a.kind = 'agreement' GROUP BY value ORDER BY 3 DESC, value
                """
        }
        return try read("read") { session in
            try session.fetch(sql).map { AgreementCount(value: $0.optionalString(0), label: $0.optionalString(1), agreements: $0.int(2)) }
        }
    }
}
