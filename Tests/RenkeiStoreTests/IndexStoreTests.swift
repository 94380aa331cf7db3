import Foundation
import RenkeiCore
import RenkeiStore
import RenkeiTestSupport
import Testing

@Suite struct IndexStoreTests {
    @Test func rewritingADocumentReplacesItsIndexEntries() throws {
        let store = try IndexStore.inMemory()
        try store.write([PreparedDocument(Fixtures.document(id: "a.txt", body: "日野市と多摩信用金庫の包括連携協定"))])
        let old = try SearchQuery(parsing: "多摩信用金庫")
        #expect(try store.matchingDocumentIDs(old).map(\.rawValue) == ["a.txt"])

        let outcome = try store.write([PreparedDocument(Fixtures.document(id: "a.txt", body: "日野市とイオン株式会社の協定"))])
        #expect(outcome == [.updated])
        #expect(try store.matchingDocumentIDs(old).isEmpty)
        #expect(try store.matchingDocumentIDs(SearchQuery(parsing: "イオン")).map(\.rawValue) == ["a.txt"])
        // The character index was given the distinct characters and told the whole text on delete.
        #expect(try store.matchingDocumentIDs(SearchQuery(parsing: "金")).isEmpty)
        #expect(try store.matchingDocumentIDs(SearchQuery(parsing: "オ")).map(\.rawValue) == ["a.txt"])
        #expect(try store.integrityProblems().isEmpty)
        #expect(try store.documentCount() == 1)

        #expect(try store.remove([DocumentID(rawValue: "a.txt")]) == 1)
        #expect(try store.matchingDocumentIDs(SearchQuery(parsing: "日野")).isEmpty)
        #expect(try store.matchingDocumentIDs(SearchQuery(parsing: "野")).isEmpty)
        #expect(try store.integrityProblems().isEmpty)
        #expect(try store.documentCount() == 0)
    }

    /// A read past its deadline stops with `timedOut`; the same read without one completes,
    /// and the connection is usable again afterwards.
    @Test func readsStopAtTheirDeadline() throws {
        var store = try IndexStore.inMemory()
        try store.write(
            (0..<400).map { number in
                PreparedDocument(Fixtures.document(id: "\(number).txt", body: String(repeating: "防災訓練と地域連携の協定 \(number) ", count: 40)))
            })
        let query = try SearchQuery(parsing: "協定")
        #expect(try store.search(query, limit: 10).total == 400)
        store.readTimeout = .zero
        #expect { try store.search(query, limit: 10) } throws: { ($0 as? StoreError)?.code == .timedOut }
        store.readTimeout = .seconds(30)
        #expect(try store.search(query, limit: 10).total == 400)
    }

    /// Filters narrow a search to documents by fiscal year, entity and entity kind.
    @Test func filtersNarrowToDocuments() throws {
        let store = try IndexStore.inMemory()
        let city = GraphEntity(key: EntityKey(rawValue: "city:132128")!, kind: .city, name: "日野市", code: "132128")
        let bank = GraphEntity(key: EntityKey(rawValue: "company:多摩信用金庫")!, kind: .company, name: "多摩信用金庫")
        try store.write([
            PreparedDocument(Fixtures.document(id: "a.txt", body: "日野市の協定"), graph: DocumentGraph(entities: [city], fiscalYears: [2019, 2020])),
            PreparedDocument(Fixtures.document(id: "b.txt", body: "多摩信用金庫の協定"), graph: DocumentGraph(entities: [bank], fiscalYears: [2020])),
            PreparedDocument(Fixtures.document(id: "c.txt", body: "ほかの協定")),
        ])
        let query = try SearchQuery(parsing: "協定")
        func ids(_ filter: SearchFilter) throws -> [String] { try store.matchingDocumentIDs(query, filter: filter).map(\.rawValue).sorted() }
        #expect(try ids(SearchFilter()) == ["a.txt", "b.txt", "c.txt"])
        #expect(try ids(SearchFilter(fiscalYear: 2020)) == ["a.txt", "b.txt"])
        #expect(try ids(SearchFilter(fiscalYear: 2019)) == ["a.txt"])
        #expect(try ids(SearchFilter(entityKind: .company)) == ["b.txt"])
        let hino = try #require(try store.entities(code: "132128").first)
        #expect(try ids(SearchFilter(entitySets: [[hino.key]], fiscalYear: 2020)) == ["a.txt"])
        #expect(try ids(SearchFilter(entitySets: [[hino.key]], entityKind: .company)) == [])
        let facets = try store.facets(query)
        #expect(facets.documents == 3)
        #expect(facets.fiscalYears.map(\.fiscalYear) == [2020, 2019])
        #expect(facets.fiscalYears.map(\.count) == [2, 1])
        #expect(facets.cities.map(\.name) == ["日野市"])
        // Each kind counts the documents that the kind filter keeps.
        for kind in facets.kinds {
            #expect(try ids(SearchFilter(entityKind: kind.kind)).count == kind.count, "\(kind.kind)")
        }
        #expect(facets.kinds.first { $0.kind == .company }?.count == 1)
    }

    /// Search keeps a catalog of the documents in memory; a write through another
    /// connection (another process, in the server's case) must reach it on the next search.
    @Test func searchSeesWritesFromAnotherConnection() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("index.sqlite").path
        let server = try IndexStore(path: path)
        let ingest = try IndexStore(path: path)
        try ingest.write([PreparedDocument(Fixtures.document(id: "a.txt", body: "日野市の協定"))])
        let query = try SearchQuery(parsing: "協定")
        #expect(try server.matchingDocumentIDs(query).map(\.rawValue) == ["a.txt"])

        let city = GraphEntity(key: EntityKey(rawValue: "city:132128")!, kind: .city, name: "日野市", code: "132128")
        try ingest.write([
            PreparedDocument(Fixtures.document(id: "b.txt", body: "日野市と大学の協定"), graph: DocumentGraph(entities: [city], fiscalYears: [2021]))
        ])
        #expect(try server.matchingDocumentIDs(query).map(\.rawValue).sorted() == ["a.txt", "b.txt"])
        let page = try server.search(query, filter: SearchFilter(fiscalYear: 2021), limit: 10, facets: true)
        #expect(page.units.map(\.id) == ["b.txt"])
        #expect(page.facets?.cities.map(\.name) == ["日野市"])

        try ingest.remove([DocumentID(rawValue: "a.txt")])
        #expect(try server.matchingDocumentIDs(query).map(\.rawValue) == ["b.txt"])
        #expect(try server.search(query, limit: 10).total == 1)
    }

    /// Pages come from a bounded heap of the best units; every page must be the matching
    /// slice of the whole ranking, ties in score broken by unit order.
    @Test func pagesAreSlicesOfTheWholeRanking() throws {
        let store = try IndexStore.inMemory()
        try store.write(
            (0..<60).map { number in
                // Three different scores, twenty documents each, so ties cross page borders.
                let body = String(repeating: "協定 ", count: number % 3 + 1) + String(repeating: "ほか ", count: 5)
                return PreparedDocument(Fixtures.document(id: String(format: "%02d.txt", number), body: body))
            })
        let query = try SearchQuery(parsing: "協定")
        let whole = try store.search(query, limit: 60)
        #expect(whole.total == 60)
        #expect(whole.units.map(\.score) == whole.units.map(\.score).sorted())
        var paged: [String] = []
        for offset in stride(from: 0, to: 60, by: 7) {
            paged += try store.search(query, limit: 7, offset: offset).units.map(\.id)
        }
        #expect(paged == whole.units.map(\.id))
        #expect(try store.search(query, limit: 7, offset: 60).units.isEmpty)
    }

    @Test func titleRanksAboveBody() throws {
        let store = try IndexStore.inMemory()
        try store.write([
            PreparedDocument(Fixtures.document(id: "body.txt", body: "お知らせ\n本市は防災訓練を実施します。", title: "お知らせ")),
            PreparedDocument(Fixtures.document(id: "title.txt", body: "防災訓練\n本市は防災訓練を実施します。", title: "防災訓練")),
        ])
        let page = try store.search(SearchQuery(parsing: "防災"), limit: 10)
        #expect(page.units.map(\.id) == ["title.txt", "body.txt"])
    }

    @Test func phraseWithBlankNeedsTheSameBlank() throws {
        let store = try IndexStore.inMemory()
        try store.write([
            PreparedDocument(Fixtures.document(id: "one.txt", body: "Hi Know を使う")),
            PreparedDocument(Fixtures.document(id: "two.txt", body: "Hi  Know を使う")),
            PreparedDocument(Fixtures.document(id: "line.txt", body: "Hi\nKnow を使う")),
        ])
        #expect(try store.matchingDocumentIDs(SearchQuery(phrase: "Hi Know")).map(\.rawValue) == ["one.txt"])
        #expect(try store.matchingDocumentIDs(SearchQuery(parsing: "Hi Know")).count == 3)
        #expect(try store.matchingDocumentIDs(SearchQuery(parsing: "Know -\"Hi Know\"")).map(\.rawValue).sorted() == ["line.txt", "two.txt"])
    }

    @Test func indexFileSurvivesReopening() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("index.sqlite").path
        do {
            let store = try IndexStore(path: path)
            try store.write([PreparedDocument(Fixtures.document(id: "a.txt", body: "調布スマートシティプロジェクト"))])
        }
        let reopened = try IndexStore(path: path)
        #expect(try reopened.matchingDocumentIDs(SearchQuery(parsing: "スマートシティ")).map(\.rawValue) == ["a.txt"])
        #expect(try reopened.contentHashes().count == 1)
    }

    @Test func refusesFilesThatAreNotAnIndex() throws {
        let folder = Self.temporaryFolder()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = folder.appendingPathComponent("notes.sqlite")
        try Data(String(repeating: "これはデータベースではありません。", count: 100).utf8).write(to: text)
        do {
            _ = try IndexStore(path: text.path)
            Issue.record("opened a text file as an index")
        } catch {
            #expect(error.code == .notAnIndex)
            #expect(!error.message.contains("SQLite error"))
        }
    }

    /// A new folder's address (not created) under the system's temporary folder.
    static func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("renkei-store-\(UUID().uuidString)")
    }
}
