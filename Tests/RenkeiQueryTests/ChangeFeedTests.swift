import RenkeiCore
import RenkeiExtract
import RenkeiQuery
import RenkeiStore
import RenkeiTestSupport
import Testing

/// The change feed: a client that stores `until` and asks again gets exactly what was added,
/// updated and removed in between, on real pages and their graph.
@Suite struct ChangeFeedTests {
    static func prepared(_ id: String, _ body: String) -> PreparedDocument {
        let document = Fixtures.document(id: id, body: body)
        return PreparedDocument(document, graph: Extractor().graph(of: document))
    }

    /// Every change after `since`, following cursors page by page.
    static func all(_ index: RenkeiIndex, since: Int64, limit: Int) throws -> (changes: [ChangeRecord], until: Int64) {
        var feed = try index.changes(since: since, limit: limit)
        var changes = feed.changes
        while let next = feed.next {
            feed = try index.changes(since: since, cursor: next, limit: limit)
            changes += feed.changes
        }
        return (changes, feed.until)
    }

    @Test func aClientSyncsWhatChangedSinceItsLastVisit() throws {
        let store = try IndexStore.inMemory()
        let index = RenkeiIndex(storage: store)
        let seeds = try Fixtures.corpusStore().documents.prefix(2)
        try store.write(seeds.map { PreparedDocument($0, graph: Extractor().graph(of: $0)) })
        let first = try Self.all(index, since: 0, limit: 500)
        #expect(first.changes.allSatisfy { $0.change == .added })
        #expect(first.changes.filter { $0.subject == .document }.map(\.key) == seeds.map(\.id.rawValue))
        #expect(first.changes.contains { $0.key == "city:132128" })
        // Paging one by one gives the same list.
        #expect(try Self.all(index, since: 0, limit: 1).changes == first.changes)

        try store.write([Self.prepared("new.txt", "日野市と多摩信用金庫は連携協定を締結しました。")])
        _ = try store.remove([seeds[seeds.startIndex + 1].id])
        let second = try Self.all(index, since: first.until, limit: 3)
        let documents = second.changes.filter { $0.subject == .document }
        #expect(documents.map(\.key) == ["new.txt", seeds[seeds.startIndex + 1].id.rawValue])
        #expect(documents.map(\.change) == [.added, .removed])
        // 日野市 gained a written form in new.txt: updated, not added.
        #expect(second.changes.first { $0.key == "city:132128" }?.change == .updated)
        #expect(second.until > first.until)
        // Nothing since the last visit: an empty page.
        #expect(try index.changes(since: second.until).changes.isEmpty)
        #expect(throws: QueryError.self) { try index.changes(since: second.until + 5) }
        #expect(throws: QueryError.self) { try index.changes(since: 0, cursor: "nonsense") }
    }
}
