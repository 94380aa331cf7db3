internal import GRDB
internal import GRDBSQLite
package import RenkeiCore

/// Loose matching (表記ゆれ): a unit matches a term loosely when the fold of the term, or of
/// one of its spelling variants (`LooseFold.needles`), is in the fold of the unit's title or
/// text. Loose hits add to the exact ones.
///
/// Candidates come from the indexes, checked against the unit's folded text:
/// - a needle of one character: the units holding it as written (`unit_chars`) or in their
///   fold only (`unit_loose_chars`);
/// - a longer needle: the units that hold each of its character pairs, as written
///   (`unit_fts`, the exact bigram index) or in their fold only (`unit_loose`).
/// Every unit whose fold holds the needle is a candidate (a pair of the fold is either
/// written as such or recorded as a change), so checking the candidates that are not
/// already exact hits gives the loose hits exactly.
extension IndexStore {
    /// Every document with a unit that matches `query` (one phrase) exactly or holds one of
    /// `needles` in its fold, unranked: the loose benchmark's measure (`renkei bench-queries --loose`).
    package func looseMatchingDocumentIDs(_ query: SearchQuery, needles: [String]) throws(StoreError) -> [DocumentID] {
        let exactPlan = MatchPlan(query)
        return try readWithCatalog("search") { db, catalog in
            var units = try Self.units(matching: exactPlan, in: db)
            let exact = units
            for needle in needles {
                for candidate in try Self.looseCandidates(of: needle, in: db) where !exact.contains(candidate) && !units.contains(candidate) {
                    if try Self.foldContains(needle, unit: candidate, in: db) { units.insert(candidate) }
                }
            }
            var seen = Set<Int>()
            return units.compactMap { unit in
                guard let document = catalog.document(ofUnit: unit), seen.insert(document).inserted else { return nil }
                return DocumentID(rawValue: catalog.documents[document].key)
            }
        }
    }

    /// The units an exact plan matches.
    static func units(matching plan: MatchPlan, in db: Database) throws -> Set<Int64> {
        var units = Set<Int64>()
        let (sql, arguments) = plan.statement(scoring: nil)
        try MatchRows.forEach(db.cachedStatement(sql: sql), arguments: arguments, in: db) { row in
            units.insert(sqlite3_column_int64(row, 0))
        }
        return units
    }

    /// Units whose fold may hold `needle` (a superset of those that do).
    static func looseCandidates(of needle: String, in db: Database) throws -> Set<Int64> {
        let scalars = Array(needle.unicodeScalars)
        if scalars.count == 1 {
            let literal = MatchPlan.literal(needle)
            return try rowIDs("unit_chars", literal, in: db).union(rowIDs("unit_loose_chars", literal, in: db))
        }
        var candidates: Set<Int64>?
        var seen = Set<String>()
        for index in 0..<(scalars.count - 1) {
            var window = String.UnicodeScalarView()
            window.append(scalars[index])
            window.append(scalars[index + 1])
            let pair = String(window)
            guard seen.insert(pair).inserted else { continue }
            let holding = try rowIDs("unit_fts", MatchPlan.phrase(pair), in: db).union(rowIDs("unit_loose", MatchPlan.literal(pair), in: db))
            candidates = candidates.map { $0.intersection(holding) } ?? holding
            if candidates?.isEmpty == true { break }
        }
        return candidates ?? []
    }

    private static func rowIDs(_ table: String, _ expression: String, in db: Database) throws -> Set<Int64> {
        var rows = Set<Int64>()
        let statement = try db.cachedStatement(sql: "SELECT rowid FROM \(table) WHERE \(table) MATCH ?")
        try MatchRows.forEach(statement, arguments: [expression], in: db) { row in rows.insert(sqlite3_column_int64(row, 0)) }
        return rows
    }

    /// Whether the fold of the unit's title or text holds `needle`.
    static func foldContains(_ needle: String, unit: Int64, in db: Database) throws -> Bool {
        let fold = LooseFunctions.fold
        let title = normalizedTitle(unit: "u", document: "d"), body = normalizedBody(unit: "u", document: "d")
        let statement = try db.cachedStatement(
            sql: """
                SELECT instr(\(fold)(\(title)), ?1) > 0 OR instr(\(fold)(\(body)), ?1) > 0
                FROM unit u JOIN document d ON d.id = u.document_id WHERE u.id = ?2
                """)
        return try Bool.fetchOne(statement, arguments: [needle, unit]) ?? false
    }
}
