internal import Foundation
internal import RenkeiCore

/// Writes a batch's contribution to the graph in its transaction, a few statements per table.
/// Its old rows were deleted with its units (`PostgresStore.write`).
enum PostgresGraphWriter {
    static func write(_ documents: [PreparedDocument], ids: [String: Int64], in session: Session) throws {
        // One upsert row per key: an entity named by several pages of the batch is merged here
        // by the rules the upsert applies against the stored row (the SQLite store's
        // `GraphWriter`), which give the same row as upserting the pages one by one.
        var merged: [EntityKey: GraphEntity] = [:]
        var order: [EntityKey] = []
        for prepared in documents {
            for entity in prepared.graph.entities {
                if let known = merged[entity.key] {
                    merged[entity.key] = merge(known, entity)
                } else {
                    merged[entity.key] = entity
                    order.append(entity.key)
                }
            }
        }
        var idOfKey: [EntityKey: Int] = [:]
        if !order.isEmpty {
            let entities = order.compactMap { merged[$0] }
            let encoder = JSONEncoder()
            let topics = try entities.map { String(decoding: try encoder.encode($0.topics), as: UTF8.self) }
            let rows = try session.fetch(
                """
                INSERT INTO entity AS e (key, kind, name, code, prefecture, corporate_number, signed, topics, amount_yen, fiscal_year)
                SELECT n.key, n.kind, n.name, nullif(n.code, ''), nullif(n.prefecture, ''), nullif(n.corporate_number, ''),
                    nullif(n.signed, ''), n.topics, nullif(n.amount_yen, '')::bigint, nullif(n.fiscal_year, '')::integer
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                    AS n(key, kind, name, code, prefecture, corporate_number, signed, topics, amount_yen, fiscal_year)
                ON CONFLICT (key) DO UPDATE SET
                    name = CASE WHEN e.kind IN ('company', 'organization', 'agreement', 'project') AND length(excluded.name) > length(e.name)
                                THEN excluded.name ELSE e.name END,
                    code = coalesce(e.code, excluded.code),
                    prefecture = coalesce(e.prefecture, excluded.prefecture),
                    corporate_number = coalesce(e.corporate_number, excluded.corporate_number),
                    signed = coalesce(e.signed, excluded.signed),
                    topics = CASE WHEN e.topics = '[]' THEN excluded.topics ELSE e.topics END,
                    amount_yen = coalesce(e.amount_yen, excluded.amount_yen),
                    fiscal_year = coalesce(e.fiscal_year, excluded.fiscal_year)
                RETURNING key, id
                """,
                [
                    .texts(entities.map(\.key.rawValue)), .texts(entities.map(\.kind.rawValue)), .texts(entities.map(\.name)),
                    .texts(entities.map { $0.code ?? "" }), .texts(entities.map { $0.prefecture ?? "" }),
                    .texts(entities.map { $0.corporateNumber ?? "" }), .texts(entities.map { $0.signed ?? "" }), .texts(topics),
                    .texts(entities.map { $0.amountYen.map(String.init) ?? "" }), .texts(entities.map { $0.fiscalYear.map(String.init) ?? "" }),
                ])
            for row in rows {
                if let key = EntityKey(storedRawValue: row.string(0)) { idOfKey[key] = row.int(1) }
            }
        }
        var names = Rows(3), mentions = Rows(4), relations = Rows(7), years = Rows(2)
        for prepared in documents {
            guard let document = ids[prepared.document.id.rawValue].map(Int.init) else { continue }
            for year in Set(prepared.graph.fiscalYears) { years.append([.int(document), .int(year)]) }
            for entity in prepared.graph.entities {
                guard let id = idOfKey[entity.key] else { continue }
                for name in Set([entity.name] + entity.aliases) { names.append([.int(id), .int(document), .text(name)]) }
                for mention in entity.mentions {
                    mentions.append([.int(id), .int(document), .int(mention.lowerBound), .int(mention.upperBound)])
                }
            }
            for relation in prepared.graph.relations {
                guard let subject = idOfKey[relation.subject], let object = idOfKey[relation.object] else { continue }
                relations.append([
                    .int(subject), .text(relation.predicate.rawValue), .int(object), .int(document),
                    .int(relation.evidence?.lowerBound), .int(relation.evidence?.upperBound), .text(relation.evidenceText),
                ])
            }
        }
        try years.insert("document_year (document_id, fiscal_year)", types: ["bigint", "integer"], in: session)
        try names.insert("entity_name (entity_id, document_id, name)", types: ["bigint", "bigint", "text"], in: session)
        try mentions.insert("mention (entity_id, document_id, start, \"end\")", types: ["bigint", "bigint", "integer", "integer"], in: session)
        try relations.insert(
            "relation (subject_id, predicate, object_id, document_id, evidence_start, evidence_end, evidence)",
            types: ["bigint", "text", "bigint", "bigint", "integer", "integer", "text"], in: session)
        try removeOrphans(in: session)
    }

    /// `later` folded into `earlier` by the upsert's rules: the longer name of a body whose
    /// name varies, the first value of every other field.
    private static func merge(_ earlier: GraphEntity, _ later: GraphEntity) -> GraphEntity {
        var entity = earlier
        if [.company, .organization, .agreement, .project].contains(entity.kind), later.name.count > entity.name.count {
            entity.name = later.name
        }
        entity.code = entity.code ?? later.code
        entity.prefecture = entity.prefecture ?? later.prefecture
        entity.corporateNumber = entity.corporateNumber ?? later.corporateNumber
        entity.signed = entity.signed ?? later.signed
        if entity.topics.isEmpty { entity.topics = later.topics }
        entity.amountYen = entity.amountYen ?? later.amountYen
        entity.fiscalYear = entity.fiscalYear ?? later.fiscalYear
        return entity
    }

    /// An entity that no document names any more disappears.
    static func removeOrphans(in session: Session) throws {
        try session.execute("DELETE FROM entity e WHERE NOT EXISTS (SELECT 1 FROM entity_name n WHERE n.entity_id = e.id)")
    }
}

/// Rows for one table, inserted as one array per column (`unnest`), repeats ignored.
private struct Rows {
    private var columns: [[SQLValue]]

    init(_ width: Int) { columns = Array(repeating: [], count: width) }

    mutating func append(_ row: [SQLValue]) {
        for (index, value) in row.enumerated() { columns[index].append(value) }
    }

    /// NULL in a text column: U+FFFF, a noncharacter no page keeps (the normaliser drops it).
    private static let nullText = "\u{FFFF}"

    /// Inserts the rows into `target` (`table (columns…)`); values travel as text arrays, each
    /// cast to its column's type, with '' standing for NULL where the type is not text
    /// and `nullText` where it is.
    func insert(_ target: String, types: [String], in session: Session) throws {
        guard let count = columns.first?.count, count > 0 else { return }
        let arrays: [SQLValue] = columns.map { column in
            .texts(
                column.map { value in
                    switch value {
                    case .text(let text): text ?? Self.nullText
                    case .int(let number): number.map(String.init) ?? ""
                    default: ""
                    }
                })
        }
        let names = (0..<types.count).map { "c\($0)" }
        let selected = zip(names, types).map { name, type in
            type == "text" ? "nullif(\(name), chr(65535))" : "nullif(\(name), '')::\(type)"
        }
        try session.execute(
            """
            INSERT INTO \(target) SELECT \(selected.joined(separator: ", "))
            FROM unnest(\(types.map { _ in "?::text[]" }.joined(separator: ", "))) AS n(\(names.joined(separator: ", ")))
            ON CONFLICT DO NOTHING
            """, arrays)
    }
}
