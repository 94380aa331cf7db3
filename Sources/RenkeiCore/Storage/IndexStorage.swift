/// What the query layer asks of an index, whatever holds it: the SQLite file
/// (`IndexStore`) today, a server database later. Everything a backend returns speaks
/// entity keys and document ids; its own row ids never leave it. Errors are `StoreError`s
/// in people's words.
package protocol IndexReading: Sendable {
    /// Where the index lives, for messages.
    var location: String { get }
    /// Changes with every committed write, in any process: what answers cached in memory
    /// are valid for.
    func generation() throws(StoreError) -> Int64
    /// Bytes the index takes on disk.
    func sizeInBytes() -> Int64

    // Search
    /// Units matching `query` under `filter`, best first; with `looseNeedles` (each included
    /// term's `LooseFold.needles`, by its normalised text), the units that match only loosely
    /// after the exact ones.
    func search(
        _ query: SearchQuery, filter: SearchFilter, limit: Int, offset: Int, facets: Bool, facetLimit: Int,
        looseNeedles: [String: [String]]?
    ) throws(StoreError) -> RankedPage
    func matchingDocumentIDs(_ query: SearchQuery, filter: SearchFilter) throws(StoreError) -> [DocumentID]
    /// The documents matching a one-phrase `query` exactly, or holding one of `needles`
    /// (`LooseFold.needles` of the phrase) in the fold of a unit.
    func looseMatchingDocumentIDs(_ query: SearchQuery, needles: [String]) throws(StoreError) -> [DocumentID]

    // Documents
    func documentCount() throws(StoreError) -> Int
    func document(_ id: DocumentID) throws(StoreError) -> StoredDocument?
    /// The text mention and evidence offsets count in.
    func extractionText(of id: DocumentID) throws(StoreError) -> String?
    func entities(inDocument id: DocumentID) throws(StoreError) -> [EntitySummary]

    // Graph
    func entities(kind: EntityKind?, namePrefix: String?, limit: Int) throws(StoreError) -> [EntitySummary]
    func entities(code: String) throws(StoreError) -> [EntitySummary]
    func entities(named name: String) throws(StoreError) -> [EntitySummary]
    func entity(_ key: EntityKey) throws(StoreError) -> EntityDetail?
    func relations(of key: EntityKey, predicate: RelationPredicate?) throws(StoreError) -> [RelationEdge]
    func neighbours(of keys: [EntityKey]) throws(StoreError) -> [(from: EntityKey, to: EntityKey)]
    func edge(from: EntityKey, to: EntityKey) throws(StoreError) -> (from: EntitySummary, edge: RelationEdge)?
    /// The entities along a shortest chain of relations (either direction) from `from` to
    /// `to`, both included, at most `maxHops` relations long; nil when none is that short.
    func shortestChain(from: EntityKey, to: EntityKey, maxHops: Int) throws(StoreError) -> [EntityKey]?
    func partners(of key: EntityKey) throws(StoreError) -> Set<EntityKey>
    /// Agreements or projects under `filter`, newest first (signing date or fiscal year; those
    /// without one last), then by key: at most `limit`, after `cursor`.
    func collaborations(_ filter: CollaborationFilter, after cursor: CollaborationCursor?, limit: Int) throws(StoreError) -> CollaborationPage
    /// One agreement or project with its members, links and evidence.
    func collaboration(_ key: EntityKey) throws(StoreError) -> CollaborationRecord?
    func agreementsPerCityByYear() throws(StoreError) -> [(city: EntitySummary, year: Int?, count: Int)]
    /// The bodies that share an agreement with the entity, counted by their kind and the year it was signed.
    func partnerCounts(of key: EntityKey) throws(StoreError) -> PartnerCounts
    /// Agreements counted by year, prefecture or kind of party, in SQL.
    func agreementCounts(groupedBy grouping: AgreementGrouping) throws(StoreError) -> [AgreementCount]
    func graphCounts() throws(StoreError) -> (entities: Int, relations: Int)
    /// Calls `body` with the whole graph as one consistent read, for exports that stream it.
    func withGraphSnapshot(_ body: (any GraphSnapshot) throws -> Void) throws

    // Changes
    /// What changed after generation `since` up to `until` (both generations of this index),
    /// in order of generation, subject and key, at most `limit` after `cursor`: `added` when
    /// it appeared after `since`, `removed` when it is gone (left out when it also appeared
    /// after `since`: the client never saw it), `updated` otherwise.
    func changes(since: Int64, until: Int64, after cursor: ChangeCursor?, limit: Int) throws(StoreError) -> [ChangeRecord]

    /// What is wrong with the index, in words; empty when it is sound.
    func integrityProblems() throws(StoreError) -> [String]

    /// How far each read replica is behind (none for a backend without replicas).
    func replicaStatus() -> [ReplicaStatus]
}

/// The whole graph as one read sees it, visited in key order without holding it in memory.
package protocol GraphSnapshot {
    /// Every entity by key, with its aliases (no mentions) and the relations it is the subject of.
    func forEachEntity(_ body: (EntityDetail, _ outgoing: [GraphEdgeRecord]) throws -> Void) throws
    /// Every relation, by subject key, predicate, object key and document.
    func forEachRelation(_ body: (GraphEdgeRecord) throws -> Void) throws
}

/// What ingest asks of an index: which documents it holds, and whole-document writes.
package protocol IndexWriting: Sendable {
    /// The content hash of every stored document, to decide what a re-ingest must rewrite.
    func contentHashes() throws(StoreError) -> [DocumentID: String]
    /// Writes whole documents in one transaction, each added or replacing its namesake
    /// with everything derived from it; the caller is suspended, not blocked, meanwhile.
    func commit(_ documents: [PreparedDocument]) async throws(StoreError) -> [WriteOutcome]
    /// Removes documents and what they contributed; returns how many existed.
    func remove(_ ids: [DocumentID]) throws(StoreError) -> Int
    /// Called before a bulk write (`true`) and after it (`false`): a backend may defer its
    /// housekeeping in between.
    func bulkWrite(started: Bool) throws(StoreError)
    /// Housekeeping after an ingest that changed something (free pages, logs).
    func finishIngest() throws(StoreError)
}

/// An index that can be both searched and written.
package typealias IndexStorage = IndexReading & IndexWriting
