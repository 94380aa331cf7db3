import Foundation
import Testing
import RenkeiTestSupport
import RenkeiCore
import RenkeiStore

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
        #expect(try store.documentCount() == 1)

        #expect(try store.remove([DocumentID(rawValue: "a.txt")]) == 1)
        #expect(try store.matchingDocumentIDs(SearchQuery(parsing: "日野")).isEmpty)
        #expect(try store.documentCount() == 0)
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
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("renkei-store-\(UUID().uuidString)")
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
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("renkei-store-\(UUID().uuidString)")
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
}
