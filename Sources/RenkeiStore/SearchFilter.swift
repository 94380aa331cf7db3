internal import GRDB
package import RenkeiCore

/// Narrows a search to documents by what the knowledge graph knows of them. A record of a
/// table document passes when its document does.
package struct SearchFilter: Hashable, Sendable {
    /// Each set is one condition: the document names at least one of its entities (a city
    /// name such as 府中市 can stand for several). All sets must hold.
    package var entitySets: [[Int64]]
    /// The document names an entity of this kind.
    package var entityKind: EntityKind?
    /// The document writes about this fiscal year.
    package var fiscalYear: Int?

    package init(entitySets: [[Int64]] = [], entityKind: EntityKind? = nil, fiscalYear: Int? = nil) {
        self.entitySets = entitySets
        self.entityKind = entityKind
        self.fiscalYear = fiscalYear
    }

    package var isEmpty: Bool { entitySets.isEmpty && entityKind == nil && fiscalYear == nil }

    /// Conditions on a row of an FTS5 table whose rowid is the unit id, each starting with ` AND `.
    func sql(table: String) -> (text: String, arguments: [any DatabaseValueConvertible]) {
        var text = ""
        var arguments: [any DatabaseValueConvertible] = []
        let document = "(SELECT u.document_id FROM unit u WHERE u.id = \(table).rowid)"
        for set in entitySets {
            let marks = Array(repeating: "?", count: set.count).joined(separator: ", ")
            text += " AND EXISTS (SELECT 1 FROM entity_name n WHERE n.entity_id IN (\(marks)) AND n.document_id = \(document))"
            arguments += set.map { $0 as any DatabaseValueConvertible }
        }
        if let entityKind {
            text += """
                 AND EXISTS (SELECT 1 FROM entity_name n JOIN entity e ON e.id = n.entity_id \
                WHERE n.document_id = \(document) AND e.kind = ?)
                """
            arguments.append(entityKind.rawValue)
        }
        if let fiscalYear {
            text += " AND EXISTS (SELECT 1 FROM document_year y WHERE y.document_id = \(document) AND y.fiscal_year = ?)"
            arguments.append(fiscalYear)
        }
        return (text, arguments)
    }
}
