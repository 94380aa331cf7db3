internal import Foundation
internal import GRDB
internal import GRDBSQLite
package import RenkeiCore

extension IndexStore {
    /// bm25 column weights: title, body.
    static let rankWeights = (title: 10.0, body: 1.0)

    /// Units matching `query` under `filter`, best first, with their total and, when
    /// `facets` is set, the facets of the matching documents (at most `facetLimit` values each).
    ///
    /// One FTS5 pass yields every matching unit with its score; the catalog maps units to
    /// documents, applies the filter and counts the facets, and only the page's units are
    /// read from the tables.
    ///
    /// With `looseNeedles` (`LooseFold.needles` of each included term, by the term's
    /// normalised text), the units that match only loosely follow the exact ones, ranked
    /// among themselves by `LooseRanking` (`IndexStore+Loose.swift`).
    package func search(
        _ query: SearchQuery, filter: SearchFilter = SearchFilter(), limit: Int, offset: Int = 0,
        facets: Bool = false, facetLimit: Int = 20, looseNeedles: [String: [String]]? = nil
    ) throws(StoreError) -> RankedPage {
        let plan = MatchPlan(query)
        let scored = limit > 0 && plan.table == "unit_fts"
        return try readWithCatalog("search") { db, catalog in
            let filter = try CatalogFilter(filter, in: db)
            var looseOnly: [Int64] = []
            var looseChecker: LooseChecker?
            if let looseNeedles {
                let checker = LooseChecker(db: db, cache: looseFolds, generation: catalog.generation)
                looseChecker = checker
                looseOnly = try Self.looseOnlyUnits(query, needles: looseNeedles, exactPlan: plan, checker: checker).filter { unit in
                    guard let document = catalog.document(ofUnit: unit) else { return false }
                    return filter.isEmpty || catalog.passes(document, filter)
                }
            }
            // A one-phrase query is scored with IDF 1 and its page scaled by the phrase's IDF,
            // which the match count gives: the same order and scores, without a pass to count.
            let inverseFrequencies =
                scored && !plan.isSingleTerm
                ? try plan.phrases.map { Self.inverseFrequency(matches: try Self.count($0, in: db), rows: catalog.unitCount) }
                : plan.phrases.map { _ in 1.0 }
            let scoring =
                scored
                ? "\(Self.rankWeights.title),\(Self.rankWeights.body);" + inverseFrequencies.map { "\($0)" }.joined(separator: ",")
                : nil
            let (sql, arguments) = plan.statement(scoring: scoring)
            var counter = facets ? FacetCounter(catalog: catalog) : nil
            var best = BestUnits(capacity: max(0, offset) + max(0, limit))
            var total = 0
            var matched = 0
            // Unit lengths come from the catalog, not a docsize lookup per match.
            try catalog.withUnitTokens { lengths in
                let bind = { (handle: SQLiteStatement) in
                    if scored { BM25Function.bind(lengths, to: handle, at: MatchPlan.lengthsParameter) }
                }
                try MatchRows.forEach(db.cachedStatement(sql: sql), arguments: arguments, in: db, binding: bind) { row in
                    matched += 1
                    let unit = sqlite3_column_int64(row, 0)
                    guard let document = catalog.document(ofUnit: unit), filter.isEmpty || catalog.passes(document, filter) else { return }
                    total += 1
                    best.offer(unit: unit, score: sqlite3_column_double(row, 1))
                    counter?.count(document)
                }
            }
            let scale = scored && plan.isSingleTerm ? Self.inverseFrequency(matches: matched, rows: catalog.unitCount) : 1
            let page = best.ranked().dropFirst(offset)
            var units = try Self.units(page.map(\.unit), scores: page.map { $0.score * scale }, in: db)
            // Loose hits after the exact ones: those of this page, ranked among themselves.
            let looseStart = max(0, offset - total), looseEnd = max(0, offset + limit - total)
            if looseStart < looseEnd, looseStart < looseOnly.count, let looseNeedles, let looseChecker {
                let ranking = LooseRanking(termNeedles: query.includedTerms.map { looseNeedles[$0.normalized] ?? [] })
                let page = try ranking.ranked(looseOnly, checker: looseChecker, catalog: catalog)[looseStart..<min(looseEnd, looseOnly.count)]
                units += try Self.units(page.map(\.unit), scores: page.map(\.score), in: db).map { unit in
                    var unit = unit
                    unit.isLoose = true
                    return unit
                }
            }
            if counter != nil {
                for unit in looseOnly { if let document = catalog.document(ofUnit: unit) { counter?.count(document) } }
            }
            return RankedPage(total: total + looseOnly.count, units: units, facets: counter?.facets(limit: facetLimit))
        }
    }

    /// The facets of the documents matching `query` under `filter`, at most `limit` values each.
    package func facets(_ query: SearchQuery, filter: SearchFilter = SearchFilter(), limit: Int = 20) throws(StoreError) -> SearchFacets {
        try search(query, filter: filter, limit: 0, facets: true, facetLimit: limit).facets ?? SearchFacets()
    }

    /// Every document with a unit matching `query`, unranked: the benchmark's measure of the index itself.
    package func matchingDocumentIDs(_ query: SearchQuery, filter: SearchFilter = SearchFilter()) throws(StoreError) -> [DocumentID] {
        let plan = MatchPlan(query)
        return try readWithCatalog("search") { db, catalog in
            let filter = try CatalogFilter(filter, in: db)
            var matched: [Int] = []
            let (sql, arguments) = plan.statement(scoring: nil)
            var seen = [Bool](repeating: false, count: catalog.documents.count)
            try MatchRows.forEach(db.cachedStatement(sql: sql), arguments: arguments, in: db) { row in
                guard let document = catalog.document(ofUnit: sqlite3_column_int64(row, 0)), !seen[document] else { return }
                seen[document] = true
                matched.append(document)
            }
            return matched.compactMap { document in
                filter.isEmpty || catalog.passes(document, filter) ? DocumentID(rawValue: catalog.documents[document].key) : nil
            }
        }
    }

    /// How many units match one phrase alone: the document frequency bm25's IDF needs.
    private static func count(_ phrase: String, in db: Database) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM unit_fts WHERE unit_fts MATCH ?"), arguments: [phrase]) ?? 0
    }

    /// bm25's IDF of a term matching `matches` of `rows` units, as FTS5 computes it.
    private static func inverseFrequency(matches: Int, rows: Int) -> Double {
        let inverse = log((Double(rows - matches) + 0.5) / (Double(matches) + 0.5))
        return inverse <= 0 ? 1e-6 : inverse
    }

    /// The units with these ids, in this order, with their scores.
    private static func units(_ ids: [Int64], scores: [Double], in db: Database) throws -> [RankedUnit] {
        guard !ids.isEmpty else { return [] }
        let marks = Array(repeating: "?", count: ids.count).joined(separator: ", ")
        var byID: [Int64: RankedUnit] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT u.id, d.key, u.record_number, d.title, ifnull(u.text, d.body)
                FROM unit AS u JOIN document AS d ON d.id = u.document_id WHERE u.id IN (\(marks))
                """, arguments: StatementArguments(ids))
        {
            byID[row[0]] = RankedUnit(document: DocumentID(rawValue: row[1]), recordNumber: row[2], title: row[3], text: row[4], score: 0)
        }
        return zip(ids, scores).compactMap { id, score in
            byID[id].map {
                var unit = $0; unit.score = score; return unit
            }
        }
    }
}

/// The `capacity` best units seen, by score, then unit id (earlier first): a bounded
/// max-heap, so a query matching every unit keeps only the page it needs.
struct BestUnits {
    struct Entry { var unit: Int64; var score: Double }
    private let capacity: Int
    private var heap: [Entry] = []

    init(capacity: Int) {
        self.capacity = capacity
        heap.reserveCapacity(min(capacity, 1_024))
    }

    /// Whether `a` ranks after `b`.
    private static func worse(_ a: Entry, _ b: Entry) -> Bool {
        a.score != b.score ? a.score > b.score : a.unit > b.unit
    }

    mutating func offer(unit: Int64, score: Double) {
        guard capacity > 0 else { return }
        let entry = Entry(unit: unit, score: score)
        if heap.count < capacity {
            heap.append(entry)
            var child = heap.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard Self.worse(heap[child], heap[parent]) else { break }
                heap.swapAt(child, parent)
                child = parent
            }
        } else if Self.worse(heap[0], entry) {
            heap[0] = entry
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var worst = parent
                if left < heap.count, Self.worse(heap[left], heap[worst]) { worst = left }
                if right < heap.count, Self.worse(heap[right], heap[worst]) { worst = right }
                if worst == parent { break }
                heap.swapAt(parent, worst)
                parent = worst
            }
        }
    }

    /// Best first.
    func ranked() -> [Entry] {
        heap.sorted { Self.worse($1, $0) }
    }
}
