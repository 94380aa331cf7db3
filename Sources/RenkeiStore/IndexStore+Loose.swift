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
            let checker = LooseChecker(db: db, cache: looseFolds, generation: catalog.generation)
            for needle in needles { units.formUnion(try Self.looseUnits(of: needle, known: units, checker: checker)) }
            var seen = Set<Int>()
            return units.compactMap { unit in
                guard let document = catalog.document(ofUnit: unit), seen.insert(document).inserted else { return nil }
                return DocumentID(rawValue: catalog.documents[document].key)
            }
        }
    }

    /// The units that match `query` loosely but not exactly, ascending: each included term
    /// stands for its exact units and the units whose fold holds one of its needles; an
    /// excluded term excludes what it matches exactly.
    static func looseOnlyUnits(_ query: SearchQuery, needles: [String: [String]], exactPlan: MatchPlan, checker: LooseChecker) throws -> [Int64] {
        let db = checker.db
        var matching: Set<Int64>?
        var excluded = Set<Int64>()
        for clause in query.clauses {
            switch clause {
            case .anyOf(let terms):
                var clauseUnits = Set<Int64>()
                for term in terms {
                    let exact = try units(matching: MatchPlan(SearchQuery(clauses: [.anyOf([term])])), in: db)
                    clauseUnits.formUnion(exact)
                    for needle in needles[term.normalized] ?? [] {
                        clauseUnits.formUnion(try looseUnits(of: needle, known: clauseUnits, checker: checker))
                    }
                }
                matching = matching.map { $0.intersection(clauseUnits) } ?? clauseUnits
            case .excluding(let term):
                excluded.formUnion(try units(matching: MatchPlan(SearchQuery(clauses: [.anyOf([term])])), in: db))
            }
        }
        guard let matching, !matching.isEmpty else { return [] }
        return matching.subtracting(excluded).subtracting(try units(matching: exactPlan, in: db)).sorted()
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

    /// The units, besides `known`, whose fold holds `needle`.
    ///
    /// A unit holds it either as written (every pair of the needle written side by side:
    /// the exact index finds the needle as a phrase) or with at least one of its pairs
    /// changed (`unit_loose`). Units of the first kind match outright when the needle
    /// folds to itself; only those of the second kind, which are few, are checked against
    /// their fold, after the other pairs have narrowed them when there are many.
    static func looseUnits(of needle: String, known: Set<Int64>, checker: LooseChecker) throws -> Set<Int64> {
        let db = checker.db
        let scalars = Array(needle.unicodeScalars)
        // A needle of characters that fold to themselves is in the fold wherever it is written.
        let stable = LooseFold.fold(normalized: needle) == needle && !needle.unicodeScalars.contains("々")
        var matches = Set<Int64>()
        var candidates = Set<Int64>()
        if scalars.count == 1 {
            let literal = MatchPlan.literal(needle)
            let written = try rowIDs("unit_chars", literal, in: db).subtracting(known)
            if stable { matches = written } else { candidates = written }
            // A character recorded as changed is in the fold by construction.
            matches.formUnion(try rowIDs("unit_loose_chars", literal, in: db).subtracting(known))
        } else {
            let written = try rowIDs("unit_fts", MatchPlan.phrase(needle), in: db).subtracting(known)
            if stable { matches = written } else { candidates = written }
            let pairs = (0..<(scalars.count - 1)).map { String(String.UnicodeScalarView([scalars[$0], scalars[$0 + 1]])) }
            var changed = Set<Int64>()
            for pair in Set(pairs) { changed.formUnion(try rowIDs("unit_loose", MatchPlan.literal(pair), in: db)) }
            changed.subtract(known)
            changed.subtract(matches)
            // Every pair must be in the unit, as written or changed: cheap to ask when few
            // candidates are left, and it spares checking many folds when they are not.
            if changed.count > 64 {
                for pair in Set(pairs) where !changed.isEmpty {
                    changed.formIntersection(
                        try rowIDs("unit_fts", MatchPlan.phrase(pair), in: db).union(rowIDs("unit_loose", MatchPlan.literal(pair), in: db)))
                }
            }
            candidates.formUnion(changed)
        }
        for candidate in candidates.subtracting(matches) where try checker.foldContains(needle, unit: candidate) {
            matches.insert(candidate)
        }
        return matches
    }

    private static func rowIDs(_ table: String, _ expression: String, in db: Database) throws -> Set<Int64> {
        var rows = Set<Int64>()
        let statement = try db.cachedStatement(sql: "SELECT rowid FROM \(table) WHERE \(table) MATCH ?")
        try MatchRows.forEach(statement, arguments: [expression], in: db) { row in rows.insert(sqlite3_column_int64(row, 0)) }
        return rows
    }
}
