package import Foundation
package import RenkeiCore

/// The one way into an index for the HTTP server, the commands and the tests: search,
/// documents, entities, relations, paths, facets, exports and the index's health. Below it
/// is a storage backend (`IndexReading`), the only place that knows SQL; above it nobody
/// sees a backend's rows or ids, only keys and the result types here.
package struct RenkeiIndex: Sendable {
    package let storage: any IndexReading
    private var searchService: SearchService
    private let graph: GraphService

    package init(storage: any IndexReading) {
        self.storage = storage
        searchService = SearchService(store: storage)
        graph = GraphService(store: storage)
    }

    // MARK: Search

    /// Runs the query language (`SearchQuery`) on the index: a page of ranked hits with
    /// highlighted snippets, and the facets when asked for.
    package func search(
        _ text: String, filters: SearchFilters = SearchFilters(), limit: Int = 10, offset: Int = 0, facets: Bool = false,
        match: MatchMode = .exact
    ) throws -> SearchResults {
        try searchService.search(text, filters: filters, limit: limit, offset: offset, facets: facets, match: match)
    }

    /// Runs a query already parsed (`text` is what the person wrote, for the answer).
    package func search(
        _ query: SearchQuery, text: String, filters: SearchFilters = SearchFilters(), limit: Int, offset: Int = 0, facets: Bool = false,
        match: MatchMode = .exact
    ) throws -> SearchResults {
        try searchService.search(query, text: text, filters: filters, limit: limit, offset: offset, facets: facets, match: match)
    }

    /// Every document with a unit containing `phrase`, unranked: the peer benchmark's measure.
    /// With `loose`, also those whose fold holds the fold of the phrase or of a spelling
    /// variant of it (`LooseFold`).
    package func documents(containing phrase: String, loose: Bool = false) throws -> [DocumentID] {
        let query = try SearchQuery(phrase: phrase)
        guard loose else { return try storage.matchingDocumentIDs(query, filter: SearchFilter()) }
        return try storage.looseMatchingDocumentIDs(query, needles: LooseFold.needles(of: phrase))
    }

    /// The facets of the documents matching `text` under `filters`, at most `limit` values each.
    package func facets(_ text: String, filters: SearchFilters = SearchFilters(), limit: Int = 20) throws -> SearchFacets {
        let query = try SearchQuery(parsing: text, limits: searchService.limits)
        let (filter, _) = try filters.resolve(in: storage)
        guard let filter else { return SearchFacets() }
        return try storage.search(query, filter: filter, limit: 0, offset: 0, facets: true, facetLimit: limit, looseNeedles: nil).facets
            ?? SearchFacets()
    }

    // MARK: Documents

    /// A stored document with the text its mentions count in and the entities it names.
    package func document(_ id: DocumentID) throws -> DocumentView? {
        guard let document = try storage.document(id) else { return nil }
        return DocumentView(
            id: document.id, title: document.title, encoding: document.encoding,
            text: try storage.extractionText(of: id) ?? document.body, records: document.recordCount,
            entities: try storage.entities(inDocument: id))
    }

    /// A document's title; nil when the index has no such document.
    package func title(of id: DocumentID) throws -> String? {
        try storage.document(id)?.title
    }

    /// The text mention and evidence offsets of a document count in.
    package func extractionText(of id: DocumentID) throws -> String? {
        try storage.extractionText(of: id)
    }

    // MARK: Graph

    /// Entities by kind and name prefix (any written form), most documented first.
    package func entities(kind: EntityKind? = nil, namePrefix: String? = nil, limit: Int = 100) throws -> [EntitySummary] {
        try storage.entities(kind: kind, namePrefix: namePrefix, limit: limit)
    }

    package func entity(_ key: EntityKey) throws -> EntityDetail? {
        try storage.entity(key)
    }

    /// The entity with this key, or the one entity written as this name; a `GraphError`
    /// lists the candidates of an ambiguous name, or says what changed for a numeric id.
    package func resolve(_ keyOrName: String) throws -> EntitySummary {
        try graph.resolve(keyOrName)
    }

    /// The city or prefecture written as its 6-digit code, key or name.
    package func resolvePlace(_ text: String) throws -> EntitySummary {
        try graph.resolvePlace(text)
    }

    /// Typed neighbours of an entity, both directions, with their evidence.
    package func relations(of key: EntityKey, predicate: RelationPredicate? = nil) throws -> [RelationEdge] {
        try storage.relations(of: key, predicate: predicate)
    }

    /// A shortest path of at most `maxHops` relations, either direction; nil when none is that short.
    package func path(from: EntityKey, to: EntityKey, maxHops: Int) throws -> [PathHop]? {
        try graph.shortestPath(from: from, to: to, maxHops: maxHops)
    }

    /// Every entity within `hops` relations, with its distance.
    package func neighbourhood(of key: EntityKey, hops: Int) throws -> [(entity: EntitySummary, distance: Int)] {
        try graph.neighbourhood(of: key, hops: hops)
    }

    /// Bodies that share an agreement or project with both entities.
    package func sharedPartners(_ first: EntityKey, _ second: EntityKey) throws -> [EntitySummary] {
        try graph.sharedPartners(first, second)
    }

    /// The most items one page of a list may hold.
    package static let maximumListLimit = 500

    /// Agreements or projects with their members, newest first, one page after `cursor`
    /// (the `next` of the previous page).
    package func collaborations(_ query: CollaborationQuery, cursor: String? = nil, limit: Int = 100) throws -> CollaborationList {
        guard (1...Self.maximumListLimit).contains(limit) else {
            throw QueryError(.outOfRange, "The limit must be between 1 and \(Self.maximumListLimit); it was \(limit).")
        }
        let after = try cursor.map(PageCursor.decodeCollaboration)
        let (filter, notices) = try query.resolve(with: graph)
        guard let filter else { return CollaborationList(records: [], next: nil, notices: notices) }
        let page = try storage.collaborations(filter, after: after, limit: limit)
        return CollaborationList(records: page.records, next: page.next.map(PageCursor.encode), notices: [])
    }

    /// One agreement or project with its members, links and evidence; nil when the key
    /// names no agreement or project.
    package func collaboration(_ key: EntityKey) throws -> CollaborationRecord? {
        try storage.collaboration(key)
    }

    /// Agreements each city is party to, by signing year.
    package func agreementsPerCityByYear() throws -> [(city: EntitySummary, year: Int?, count: Int)] {
        try storage.agreementsPerCityByYear()
    }

    /// The bodies sharing an agreement with the entity, by kind and signing year.
    package func partnerCounts(of key: EntityKey) throws -> PartnerCounts {
        try storage.partnerCounts(of: key)
    }

    /// Agreements counted by year, prefecture or kind of party.
    package func agreementCounts(groupedBy grouping: AgreementGrouping) throws -> [AgreementCount] {
        try storage.agreementCounts(groupedBy: grouping)
    }

    /// The entity's neighbourhood laid out for drawing.
    package func picture(of entity: EntitySummary) throws -> NeighbourhoodPicture {
        try NeighbourhoodPicture(of: entity, store: storage)
    }

    /// Writes the whole graph in `format` to `output`, chunk by chunk, from one snapshot.
    @discardableResult
    package func export(_ format: GraphExport.Format, to output: (Data) throws -> Void) throws -> GraphExport.Counts {
        try GraphExport.write(format, from: storage, to: output)
    }

    // MARK: The index

    package func counts() throws -> IndexCounts {
        let graph = try storage.graphCounts()
        return IndexCounts(documents: try storage.documentCount(), entities: graph.entities, relations: graph.relations)
    }

    /// Changes with every committed write; answers kept in memory are valid for one generation.
    package func generation() throws -> Int64 {
        try storage.generation()
    }

    package func sizeInBytes() -> Int64 { storage.sizeInBytes() }

    /// What is wrong with the index; empty when it is sound.
    package func integrityProblems() throws -> [String] {
        try storage.integrityProblems()
    }

    /// How far each read replica of the backend is behind its primary.
    package func replicaStatus() -> [ReplicaStatus] {
        storage.replicaStatus()
    }

    /// What a numeric entity id means now: they were row ids, which changed with every rebuild.
    package static func numericIDNotice(_ text: String) -> String {
        "Entities are no longer identified by numbers such as \(text) (they changed with every rebuild of the index), "
            + "but by stable keys such as city:132128 or company:イオン. Find an entity's key with /api/entities?q=NAME "
            + "or `renkei entities --name NAME`."
    }

    /// `日野市 (city, 東京都 132128)`, `イオン株式会社 (company)`.
    package static func label(_ entity: EntitySummary) -> String {
        let place = [entity.prefecture, entity.code].compactMap { $0 }.joined(separator: " ")
        return "\(entity.name) (\(entity.kind.rawValue)\(place.isEmpty ? "" : ", " + place))"
    }
}

/// A document as the query layer shows it.
package struct DocumentView: Hashable, Sendable {
    package var id: DocumentID
    package var title: String
    package var encoding: String
    /// The document's text with its records' text after it, as mentions count offsets in.
    package var text: String
    package var records: Int
    package var entities: [EntitySummary]
}

/// How much the index holds.
package struct IndexCounts: Hashable, Sendable {
    package var documents: Int
    package var entities: Int
    package var relations: Int
}
