/// Narrows a search to documents by what the knowledge graph knows of them. A record of a
/// table document passes when its document does.
package struct SearchFilter: Hashable, Sendable {
    /// Each set is one condition: the document names at least one of its entities (a city
    /// name such as 府中市 can stand for several). All sets must hold.
    package var entitySets: [[EntityKey]]
    /// The document names an entity of this kind.
    package var entityKind: EntityKind?
    /// The document writes about this fiscal year.
    package var fiscalYear: Int?

    package init(entitySets: [[EntityKey]] = [], entityKind: EntityKind? = nil, fiscalYear: Int? = nil) {
        self.entitySets = entitySets
        self.entityKind = entityKind
        self.fiscalYear = fiscalYear
    }

    package var isEmpty: Bool { entitySets.isEmpty && entityKind == nil && fiscalYear == nil }
}
