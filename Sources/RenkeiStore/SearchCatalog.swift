internal import Foundation
internal import GRDB
internal import RenkeiCore

/// What search needs to know of every document besides its text, in memory: which document
/// each unit belongs to, the document's key, the entities it names and the fiscal years it
/// is about.
///
/// With it, one FTS5 pass answers a search whole — the total, the page, the facets and the
/// filters — where SQL needed a join to `unit` and `document` per match and a pass per
/// count. A query matching every document of the 11,464-document benchmark corpus spent
/// three quarters of its time in those joins. The catalog belongs to one generation of the
/// index (`IndexStore.generation`) and is reloaded when another write has committed.
final class SearchCatalog: Sendable {
    struct Document: Sendable {
        let id: Int64
        let key: String
        /// Every entity the document names, ascending.
        let entities: [Int64]
        /// The cities among them.
        let cities: [Int64]
        /// The kinds of entity it names, one bit per `EntityKind.allCases` position.
        let kinds: UInt16
        let fiscalYears: [Int]
    }

    struct City: Sendable {
        let key: EntityKey
        let name: String
        let prefecture: String?
        let code: String?
    }

    let generation: Int64
    let documents: [Document]
    let cities: [Int64: City]
    /// The position in `documents` of each unit's document, indexed by unit id; -1 for an
    /// id no unit has. Unit ids are dense (rowids), and an array lookup per match is what
    /// a query matching every unit can afford, where hashing showed in profiles.
    private let documentOfUnit: [Int32]
    /// How many units there are: the rows of the search index, bm25's N.
    let unitCount: Int
    /// Each unit's length in tokens of the bigram index (title and text), indexed by unit
    /// id: bm25's D, which FTS5 would look up in `unit_fts_docsize` for every match.
    let unitTokens: [Int32]
    /// The mean of `unitTokens` over the units: bm25's avgdl.
    let averageUnitTokens: Double

    /// Reads the catalog of the index as `db` sees it.
    init(generation: Int64, db: Database) throws {
        self.generation = generation
        var position: [Int64: Int] = [:]
        var rows: [(id: Int64, key: String)] = []
        for row in try Row.fetchAll(db, sql: "SELECT id, key FROM document ORDER BY id") {
            position[row[0]] = rows.count
            rows.append((row[0], row[1]))
        }
        var entities = Array(repeating: [Int64](), count: rows.count)
        var cities = Array(repeating: [Int64](), count: rows.count)
        var kinds = Array(repeating: UInt16(0), count: rows.count)
        var years = Array(repeating: [Int](), count: rows.count)
        let named = try Row.fetchCursor(
            db,
            sql: """
                SELECT DISTINCT n.document_id, n.entity_id, e.kind FROM entity_name n JOIN entity e ON e.id = n.entity_id
                ORDER BY n.document_id, n.entity_id
                """)
        while let row = try named.next() {
            guard let index = position[row[0]] else { continue }
            let entity: Int64 = row[1]
            let kind: String = row[2]
            entities[index].append(entity)
            if kind == EntityKind.city.rawValue { cities[index].append(entity) }
            kinds[index] |= EntityKind(rawValue: kind).map(Self.bit(of:)) ?? 0
        }
        for row in try Row.fetchAll(db, sql: "SELECT document_id, fiscal_year FROM document_year") {
            if let index = position[row[0]] { years[index].append(row[1]) }
        }
        self.documents = rows.indices.map {
            Document(id: rows[$0].id, key: rows[$0].key, entities: entities[$0], cities: cities[$0], kinds: kinds[$0], fiscalYears: years[$0])
        }
        var cityInfo: [Int64: City] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, key, name, prefecture, code FROM entity WHERE kind = 'city'") {
            guard let key = EntityKey(storedRawValue: row[1]) else { continue }
            cityInfo[row[0]] = City(key: key, name: row[2], prefecture: row[3], code: row[4])
        }
        self.cities = cityInfo
        let largestUnit = try Int.fetchOne(db, sql: "SELECT max(id) FROM unit") ?? 0
        var documentOfUnit = [Int32](repeating: -1, count: largestUnit + 1)
        let units = try Row.fetchCursor(db, sql: "SELECT id, document_id FROM unit")
        var unitCount = 0
        while let row = try units.next() {
            unitCount += 1
            if let index = position[row[1]] { documentOfUnit[row[0] as Int] = Int32(index) }
        }
        self.documentOfUnit = documentOfUnit
        self.unitCount = unitCount
        var unitTokens = [Int32](repeating: -1, count: largestUnit + 1)
        var totalTokens = 0, sizedUnits = 0
        let sizes = try Row.fetchCursor(db, sql: "SELECT id, sz FROM unit_fts_docsize")
        while let row = try sizes.next() {
            let unit: Int = row[0]
            guard unit >= 0, unit < unitTokens.count, let blob = row[1] as Data? else { continue }
            unitTokens[unit] = Self.sumOfVarints(blob)
            totalTokens += Int(unitTokens[unit])
            sizedUnits += 1
        }
        self.unitTokens = unitTokens
        averageUnitTokens = sizedUnits == 0 ? 1 : max(1, Double(totalTokens) / Double(sizedUnits))
    }

    /// Calls `body` with `unitTokens` as `renkei_bm25` reads it, valid for the call.
    func withUnitTokens<T>(_ body: (UnsafePointer<BM25Function.UnitTokens>) throws -> T) rethrows -> T {
        try unitTokens.withUnsafeBufferPointer { tokens in
            var lengths = BM25Function.UnitTokens(base: tokens.baseAddress ?? UnsafePointer(bitPattern: 8)!, count: tokens.count)
            return try withUnsafePointer(to: &lengths) { try body($0) }
        }
    }

    /// The sum of FTS5's varints (SQLite's format: big-endian groups of seven bits, a ninth
    /// byte of eight), one per column of a `docsize` row.
    static func sumOfVarints(_ blob: Data) -> Int32 {
        var total: Int64 = 0
        var value: Int64 = 0
        var length = 0
        for byte in blob {
            length += 1
            if length == 9 {
                value = (value << 8) | Int64(byte)
            } else {
                value = (value << 7) | Int64(byte & 0x7F)
                if byte & 0x80 != 0 { continue }
            }
            total += value
            value = 0
            length = 0
        }
        return Int32(clamping: total)
    }

    /// The position in `documents` of the unit's document.
    @inline(__always)
    func document(ofUnit unit: Int64) -> Int? {
        guard unit >= 0, unit < documentOfUnit.count else { return nil }
        let document = documentOfUnit[Int(unit)]
        return document < 0 ? nil : Int(document)
    }

    /// Whether the document passes `filter`.
    func passes(_ document: Int, _ filter: CatalogFilter) -> Bool {
        let entry = documents[document]
        if let kind = filter.entityKind, entry.kinds & Self.bit(of: kind) == 0 { return false }
        if let year = filter.fiscalYear, !entry.fiscalYears.contains(year) { return false }
        for set in filter.entitySets where !set.contains(where: { Self.contains(entry.entities, $0) }) {
            return false
        }
        return true
    }

    static func bit(of kind: EntityKind) -> UInt16 {
        UInt16(1) << EntityKind.allCases.firstIndex(of: kind)!
    }

    private static func contains(_ sorted: [Int64], _ value: Int64) -> Bool {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count && sorted[low] == value
    }
}

/// The catalog of the newest generation read so far, shared by every search on one store.
final class SearchCatalogCache: @unchecked Sendable {
    private let lock = NSLock()
    private var current: SearchCatalog?

    /// The catalog for `generation`, read with `db` when the cached one is older.
    func catalog(generation: Int64, db: Database) throws -> SearchCatalog {
        if let cached = lock.withLock({ current }), cached.generation == generation { return cached }
        let fresh = try SearchCatalog(generation: generation, db: db)
        lock.withLock {
            if (current?.generation ?? .min) < generation { current = fresh }
        }
        return fresh
    }
}
