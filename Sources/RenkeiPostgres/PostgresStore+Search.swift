internal import Foundation
package import RenkeiCore

/// Search: the units matching a query, ranked by bm25 as the SQLite store ranks them.
///
/// Exact hits first, best first (score, then unit id); loose-only hits after them, ranked
/// among themselves by bm25 over their folds. A score is FTS5's bm25 (k1 1.2, b 0.75, a title
/// occurrence worth 10 of the text), computed by PostgreSQL from each unit's stored length in
/// the SQLite index's tokens, each term's occurrences and its IDF. Where the two backends can
/// order ties differently: a term that overlaps itself (ああ in あああ) counts its
/// non-overlapping occurrences here (FTS5 counts each position), and unit ids follow each
/// backend's own insertion order.
extension PostgresStore {
    private static let k1 = 1.2, b = 0.75, titleWeight = 10.0

    package func search(
        _ query: SearchQuery, filter: SearchFilter, limit: Int, offset: Int, facets: Bool, facetLimit: Int,
        looseNeedles: [String: [String]]?
    ) throws(StoreError) -> RankedPage {
        try readSearching { session in
            let corpus = try statistics.statistics(in: session)
            let exact = UnitConditions.matching(query), passes = UnitConditions.passing(filter)
            let phrases = Self.rankedPhrases(query)
            // A query of one term without a filter: its IDF follows from the match count the page
            // query gives, so the scores are computed with IDF 1 and scaled (as on SQLite).
            let scaled = phrases.count == 1 && query.clauses.count == 1 && filter.isEmpty && !BigramTokenizer.hasOuterBlank(phrases[0])
            var inverseFrequencies: [Double] = []
            for phrase in phrases where limit > 0 && !scaled {
                let matches =
                    try session.fetchOne(
                        "SELECT count(*) FROM unit u WHERE \(UnitConditions.exact(phrase).text)", UnitConditions.exact(phrase).arguments)?.int(0) ?? 0
                inverseFrequencies.append(Self.inverseFrequency(matches: matches, rows: corpus.units))
            }
            let score = Self.score(
                phrases.enumerated().map { index, phrase in
                    (
                        Self.occurrences(of: phrase, title: "u.normalized_title", body: "u.normalized_body"),
                        inverseFrequencies.isEmpty ? 1 : inverseFrequencies[index]
                    )
                },
                averageTokens: corpus.averageTokens)
            let matching = exact && passes
            var (total, page) = try Self.rankedPage(
                matching, score: score, limit: limit, offset: offset, in: session)
            if scaled {
                let scale = Self.inverseFrequency(matches: total, rows: corpus.units)
                page = page.map { ($0.unit, $0.score * scale) }
            }
            var units = try Self.units(page, in: session)
            var looseTotal = 0
            var looseMatching: UnitConditions?
            if let looseNeedles {
                let loose = UnitConditions.matching(query, needles: looseNeedles) && exact.negated && passes
                looseMatching = loose
                let looseStart = max(0, offset - total), looseEnd = max(0, offset + limit - total)
                let (count, loosePage) = try Self.rankedPage(
                    loose,
                    score: Self.looseScore(query, needles: looseNeedles, averageTokens: corpus.averageTokens, units: corpus.units, matching: loose),
                    limit: looseEnd - looseStart, offset: looseStart, in: session)
                looseTotal = count
                units += try Self.units(loosePage, in: session).map { unit in
                    var unit = unit
                    unit.isLoose = true
                    return unit
                }
            }
            let facetCounts =
                facets
                ? try Self.facets(of: looseMatching.map { UnitConditions.any([matching, $0]) } ?? matching, limit: facetLimit, in: session) : nil
            return RankedPage(total: total + looseTotal, units: units, facets: facetCounts)
        }
    }

    package func matchingDocumentIDs(_ query: SearchQuery, filter: SearchFilter) throws(StoreError) -> [DocumentID] {
        try readSearching { session in
            try Self.documents(of: UnitConditions.matching(query) && UnitConditions.passing(filter), in: session)
        }
    }

    package func looseMatchingDocumentIDs(_ query: SearchQuery, needles: [String]) throws(StoreError) -> [DocumentID] {
        try readSearching { session in
            try Self.documents(of: UnitConditions.any([UnitConditions.matching(query)] + needles.map(UnitConditions.folded)), in: session)
        }
    }

    /// A read for a search. The planner scans the whole unit table for a common term (の in
    /// most units), reading every unit's key array (thousands of keys) to test it: 500 ms on
    /// the big corpus where the GIN index, whose answer needs no test, takes 15 ms.
    private func readSearching<T>(_ body: (Session) throws -> T) throws(StoreError) -> T {
        try read("search") { session in
            try session.execute("SET LOCAL enable_seqscan = off")
            return try body(session)
        }
    }

    /// The documents with a matching unit, in the order of their first one.
    private static func documents(of matching: UnitConditions, in session: Session) throws -> [DocumentID] {
        try session.fetch(
            """
            SELECT d.key FROM unit u JOIN document d ON d.id = u.document_id WHERE \(matching.text)
            GROUP BY d.key ORDER BY min(u.id)
            """, matching.arguments
        ).map { DocumentID(rawValue: $0.string(0)) }
    }

    /// The terms bm25 scores, in query order: those of clauses with a term longer than one
    /// character (a clause of single characters filters without ranking, as on SQLite).
    private static func rankedPhrases(_ query: SearchQuery) -> [String] {
        query.clauses.flatMap { clause -> [String] in
            guard case .anyOf(let terms) = clause, !terms.allSatisfy({ $0.normalized.unicodeScalars.count == 1 }) else { return [] }
            return terms.map(\.normalized)
        }
    }

    /// How often `term` occurs in the two columns, a title occurrence weighing 10: SQL.
    private static func occurrences(of term: String, title: String, body: String) -> (sql: String, arguments: [SQLValue]) {
        // Bytes, not characters: octet_length reads a stored value's size without decompressing
        // it, where length counts the characters of the whole text (twice as slow in all).
        let count = { (column: String) in "((octet_length(\(column)) - octet_length(replace(\(column), ?, ''))) / octet_length(?))::float8" }
        return ("(\(titleWeight) * \(count(title)) + \(count(body)))", [.text(term), .text(term), .text(term), .text(term)])
    }

    /// bm25 (lower is better, as FTS5's) of the unit `u` from each term's weighted frequency and IDF.
    private static func score(_ terms: [(frequency: (sql: String, arguments: [SQLValue]), idf: Double)], averageTokens: Double)
        -> (sql: String, arguments: [SQLValue])
    {
        guard !terms.isEmpty else { return ("0.0::float8", []) }
        let lengthFactor = "(\(k1) * (1 - \(b) + \(b) * u.tokens / \(averageTokens)::float8))"
        let parts = terms.map { term in
            "(\(term.idf)::float8 * (\(term.frequency.sql) * \(k1 + 1)) / (\(term.frequency.sql) + \(lengthFactor)))"
        }
        return ("-(" + parts.joined(separator: " + ") + ")", terms.flatMap { $0.frequency.arguments + $0.frequency.arguments })
    }

    /// bm25 of the units that match only loosely, each term's frequency counted over the folds
    /// (every occurrence of any of its needles) and its IDF from the loose units holding it.
    private static func looseScore(
        _ query: SearchQuery, needles: [String: [String]], averageTokens: Double, units: Int, matching: UnitConditions
    ) -> (sql: String, arguments: [SQLValue]) {
        let terms = query.includedTerms.map { needles[$0.normalized] ?? [] }.filter { !$0.isEmpty }
        guard !terms.isEmpty else { return ("0.0::float8", []) }
        let frequencies = terms.map { needles in
            let parts = needles.map { occurrences(of: $0, title: "u.folded_title", body: "u.folded_body") }
            return (sql: "(" + parts.map(\.sql).joined(separator: " + ") + ")", arguments: parts.flatMap(\.arguments))
        }
        // The IDF of each term: how many loose units hold it, counted by the same query.
        let holders = frequencies.map { frequency in
            "(SELECT greatest(1e-6, ln((\(units) - count(*) + 0.5) / (count(*) + 0.5))) FROM unit u WHERE \(matching.text) AND \(frequency.sql) > 0)"
        }
        let lengthFactor = "(\(k1) * (1 - \(b) + \(b) * u.tokens / \(averageTokens)::float8))"
        var arguments: [SQLValue] = []
        let parts = zip(frequencies, holders).map { frequency, holder in
            arguments += matching.arguments + frequency.arguments + frequency.arguments + frequency.arguments
            return "(\(holder) * (\(frequency.sql) * \(k1 + 1)) / (\(frequency.sql) + \(lengthFactor)))"
        }
        return ("-(" + parts.joined(separator: " + ") + ")", arguments)
    }

    /// bm25's IDF of a term matching `matches` of `rows` units, as FTS5 computes it.
    private static func inverseFrequency(matches: Int, rows: Int) -> Double {
        let inverse = log((Double(rows - matches) + 0.5) / (Double(matches) + 0.5))
        return inverse <= 0 ? 1e-6 : inverse
    }

    /// How many units match, and the ids and scores of the page's, best first: one statement,
    /// so the matching units are found and scored once.
    private static func rankedPage(
        _ matching: UnitConditions, score: (sql: String, arguments: [SQLValue]), limit: Int, offset: Int, in session: Session
    ) throws -> (total: Int, page: [(unit: Int64, score: Double)]) {
        guard limit > 0 else {
            return (try session.fetchOne("SELECT count(*) FROM unit u WHERE \(matching.text)", matching.arguments)?.int(0) ?? 0, [])
        }
        // The total comes as the row without a unit; the page's rows may come in any order.
        let rows = try session.fetch(
            """
            WITH ranked AS MATERIALIZED (SELECT u.id, \(score.sql) AS score FROM unit u WHERE \(matching.text))
            SELECT NULL::bigint, count(*)::float8 FROM ranked
            UNION ALL (SELECT id, score FROM ranked ORDER BY score, id LIMIT ? OFFSET ?)
            """, score.arguments + matching.arguments + [.int(limit), .int(max(0, offset))])
        let total = rows.first { $0.optionalInt(0) == nil }.map { Int($0.double(1)) } ?? 0
        let page = rows.compactMap { row in row.optionalInt(0).map { (unit: Int64($0), score: row.double(1)) } }
        return (total, page.sorted { $0.score != $1.score ? $0.score < $1.score : $0.unit < $1.unit })
    }

    /// The units with these ids, in this order, with their scores.
    private static func units(_ page: [(unit: Int64, score: Double)], in session: Session) throws -> [RankedUnit] {
        guard !page.isEmpty else { return [] }
        var byID: [Int64: RankedUnit] = [:]
        for row in try session.fetch(
            """
            SELECT u.id, d.key, u.record_number, d.title, coalesce(u.text, d.body)
            FROM unit u JOIN document d ON d.id = u.document_id WHERE u.id = ANY(?::bigint[])
            """, [.ints(page.map { Int($0.unit) })])
        {
            byID[row.int64(0)] = RankedUnit(
                document: DocumentID(rawValue: row.string(1)), recordNumber: row.optionalInt(2), title: row.string(3), text: row.string(4), score: 0)
        }
        return page.compactMap { entry in
            byID[entry.unit].map {
                var unit = $0
                unit.score = entry.score
                return unit
            }
        }
    }

    /// How the matching documents spread over cities, kinds of entity and fiscal years: one
    /// statement over the matching documents, each part tagged.
    private static func facets(of matching: UnitConditions, limit: Int, in session: Session) throws -> SearchFacets {
        let rows = try session.fetch(
            """
            WITH m AS MATERIALIZED (SELECT DISTINCT u.document_id FROM unit u WHERE \(matching.text)),
            named AS MATERIALIZED (
                SELECT DISTINCT m.document_id, e.id, e.kind FROM m JOIN entity_name n ON n.document_id = m.document_id
                JOIN entity e ON e.id = n.entity_id
            )
            SELECT 'documents', NULL, NULL, NULL, NULL, count(*) FROM m
            UNION ALL
            SELECT 'city', e.key, e.name, e.prefecture, e.code, c.count
            FROM (SELECT id, count(*) AS count FROM named WHERE kind = 'city' GROUP BY id) c JOIN entity e ON e.id = c.id
            UNION ALL
            SELECT 'kind', kind, NULL, NULL, NULL, count(DISTINCT document_id) FROM named GROUP BY kind
            UNION ALL
            SELECT 'year', y.fiscal_year::text, NULL, NULL, NULL, count(*) FROM m JOIN document_year y ON y.document_id = m.document_id
            GROUP BY y.fiscal_year
            """, matching.arguments)
        var documents = 0
        var cities: [SearchFacets.City] = [], kinds: [SearchFacets.Kind] = [], years: [SearchFacets.FiscalYear] = []
        for row in rows {
            let count = row.int(5)
            switch row.string(0) {
            case "documents": documents = count
            case "city":
                if let key = EntityKey(storedRawValue: row.string(1)) {
                    cities.append(.init(key: key, name: row.string(2), prefecture: row.optionalString(3), code: row.optionalString(4), count: count))
                }
            case "kind": if let kind = EntityKind(rawValue: row.string(1)) { kinds.append(.init(kind: kind, count: count)) }
            default: if let year = Int(row.string(1)) { years.append(.init(fiscalYear: year, count: count)) }
            }
        }
        return SearchFacets(documents: documents, cities: cities, kinds: kinds, fiscalYears: years, limit: limit)
    }
}

/// The corpus figures bm25 needs (units, their mean length), read once per generation.
final class CorpusStatisticsCache: @unchecked Sendable {
    struct Statistics {
        let generation: Int64
        let units: Int
        let averageTokens: Double
    }

    private let lock = NSLock()
    private var current: Statistics?

    func statistics(in session: Session) throws -> Statistics {
        let generation = try PostgresStore.generation(session)
        if let cached = lock.withLock({ current }), cached.generation == generation { return cached }
        let row = try session.fetchOne("SELECT count(*), coalesce(avg(tokens), 1)::float8 FROM unit")
        let fresh = Statistics(generation: generation, units: row?.int(0) ?? 0, averageTokens: max(1, row?.double(1) ?? 1))
        lock.withLock {
            if (current?.generation ?? .min) < generation { current = fresh }
        }
        return fresh
    }
}
