internal import GRDB
internal import RenkeiCore

/// A `SearchFilter` with its entity keys turned into the row ids the search catalog holds,
/// for one read.
struct CatalogFilter {
    var entitySets: [[Int64]]
    var entityKind: EntityKind?
    var fiscalYear: Int?

    var isEmpty: Bool { entitySets.isEmpty && entityKind == nil && fiscalYear == nil }

    init(_ filter: SearchFilter, in db: Database) throws {
        entitySets = try filter.entitySets.map { keys in
            guard !keys.isEmpty else { return [] }
            let marks = Array(repeating: "?", count: keys.count).joined(separator: ",")
            return try Int64.fetchAll(db, sql: "SELECT id FROM entity WHERE key IN (\(marks))", arguments: StatementArguments(keys.map(\.rawValue)))
        }
        entityKind = filter.entityKind
        fiscalYear = filter.fiscalYear
    }
}
