import Foundation
import RenkeiCore
import RenkeiIndexing
import RenkeiPostgres
import RenkeiQuery
import RenkeiStore
import RenkeiTestSupport
import Testing

/// The PostgreSQL store on a real server: `RENKEI_TEST_POSTGRES` is the URL of a primary
/// (each test makes a database of its own there) and `RENKEI_TEST_POSTGRES_STANDBY`, when
/// set, the URL of its hot standby. `.ci/run` starts both with scripts/pg-cluster.sh.
@Suite(.enabled(if: TestServer.primary != nil, "RENKEI_TEST_POSTGRES names no PostgreSQL server"), .serialized)
struct PostgresStoreTests {
    static let server = TestServer.primary
    static let standby = TestServer.standby

    /// The URL of a new, empty database `name` on the test server (and its standby's).
    static func freshDatabase(_ name: String) throws -> (primary: String, standby: String?) {
        let base = try #require(server)
        let url = base.replacingOccurrences(of: #"/[^/]*$"#, with: "/\(name)", options: .regularExpression)
        try PostgresStore.recreateDatabase(url)
        let standbyURL = standby.map { $0.replacingOccurrences(of: #"/[^/]*$"#, with: "/\(name)", options: .regularExpression) }
        return (url, standbyURL)
    }

    @Test func ingestsSkipsUpdatesAndRemovesAsOnSQLite() async throws {
        let url = try Self.freshDatabase("renkei_test_ingest").primary
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("renkei-pg-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in try Fixtures.corpusTexts() { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }

        let store = try PostgresStore(url: url)
        let first = try await IngestPipeline(store: store).run(roots: [folder.path])
        #expect(first.added == 5 && first.failed == 0)
        let index = RenkeiIndex(storage: store)
        let generation = try store.generation()
        #expect(try index.counts().documents == 5)
        #expect(try index.search("包括連携協定").total >= 1)

        let again = try await IngestPipeline(store: store).run(roots: [folder.path])
        #expect(again.added == 0 && again.updated == 0 && again.unchanged == 5)

        let changed = try #require(try Fixtures.corpusTexts().first)
        try Data((changed.text + "\n追記: 渡邉市長が挨拶しました。").utf8).write(to: folder.appendingPathComponent(changed.name))
        let removed = try #require(try Fixtures.corpusTexts().last)
        try FileManager.default.removeItem(at: folder.appendingPathComponent(removed.name))
        let third = try await IngestPipeline(store: store, configuration: IngestConfiguration(prune: true)).run(roots: [folder.path])
        #expect(third.updated == 1 && third.removed == 1 && third.unchanged == 3)
        #expect(try index.search("渡邉市長").hits.map(\.document) == [changed.name])
        // Loose matching finds the variant spelling 渡辺 of the new line too.
        #expect(try index.search("渡辺市長", match: .loose).hits.map(\.document) == [changed.name])
        #expect(try index.document(DocumentID(rawValue: removed.name)) == nil)
        #expect(try index.integrityProblems().isEmpty)

        // The change feed saw the rewrite and the removal, and nothing else of the documents.
        let feed = try index.changes(since: generation, limit: 500)
        let documents = feed.changes.filter { $0.subject == .document }
        #expect(Set(documents.map(\.key)) == [changed.name, removed.name])
        #expect(documents.first { $0.key == removed.name }?.change == .removed)
        #expect(documents.first { $0.key == changed.name }?.change == .updated)
    }

    @Test func answersAsTheSQLiteIndexDoes() throws {
        let url = try Self.freshDatabase("renkei_test_answers").primary
        let (sqlite, documents) = try Fixtures.corpusStore()
        let postgres = try PostgresStore(url: url)
        try postgres.write(documents.map { PreparedDocument($0) })
        let reference = RenkeiIndex(storage: sqlite), candidate = RenkeiIndex(storage: postgres)
        for query in ["協定", "包括連携協定", "市", "日野 協定", "協定 -日野", "\"連携 協定\"", "防災 OR 健康", "ｺｰﾃﾞｨﾈｰﾀｰ", "GE", "サ"] {
            for match in [MatchMode.exact, .loose] {
                let expected = try reference.search(query, limit: 20, facets: true, match: match)
                let answered = try candidate.search(query, limit: 20, facets: true, match: match)
                #expect(answered.total == expected.total, "\(query) \(match)")
                #expect(answered.hits.map(\.id) == expected.hits.map(\.id), "\(query) \(match)")
                #expect(answered.facets == expected.facets, "\(query) \(match)")
                for (a, b) in zip(answered.hits, expected.hits) { #expect(abs(a.score - b.score) <= 1e-9 * max(1, abs(b.score)), "\(query)") }
            }
            #expect(Set(try candidate.documents(containing: query)) == Set(try reference.documents(containing: query)))
        }
        #expect(try candidate.counts() == reference.counts())
    }

    @Test func saysWhatIsWrongWithTheServerOrTheURL() throws {
        #expect(Self.openingError("http://127.0.0.1/renkei")?.message.contains("is not a PostgreSQL URL") == true)
        let closed = try #require(Self.openingError("postgresql://renkei@127.0.0.1:1/renkei"))
        #expect(closed.code == .cannotOpen)
        #expect(closed.message.contains("Cannot reach PostgreSQL at postgresql://renkei@127.0.0.1:1/renkei"))
        let base = try #require(Self.server)
        let missing = base.replacingOccurrences(of: #"/[^/]*$"#, with: "/renkei_no_such_database", options: .regularExpression)
        #expect(Self.openingError(missing)?.message.contains("The database renkei_no_such_database does not exist") == true)
    }

    /// Why opening the store at `url` failed; nil when it opened.
    static func openingError(_ url: String, replicas: [String] = []) -> StoreError? {
        do {
            _ = try PostgresStore(url: url, replicas: replicas)
            return nil
        } catch {
            return error
        }
    }

    @Test func readsFromTheStandbyAndReportsItsLag() async throws {
        let (url, standby) = try Self.freshDatabase("renkei_test_replica")
        let standbyURL = try #require(standby, "RENKEI_TEST_POSTGRES_STANDBY names no standby")
        let (_, documents) = try Fixtures.corpusStore()
        try PostgresStore(url: url).write(documents.map { PreparedDocument($0) })
        let store = try await Self.waitForReplica(PostgresStore(url: url, replicas: [standbyURL]))
        let status = try #require(store.replicaStatus().first)
        #expect(status.problem == nil && status.lagGenerations == 0)
        #expect(try RenkeiIndex(storage: store).search("包括連携協定").total >= 1)
        // The standby is read-only: writing to it says so.
        let standbyStore = try PostgresStore(url: standbyURL)
        #expect(Self.writingError(standbyStore, documents.prefix(1).map { PreparedDocument($0) })?.message.contains("read-only replica") == true)
    }

    static func writingError(_ store: PostgresStore, _ documents: [PreparedDocument]) -> StoreError? {
        do {
            try store.write(documents)
            return nil
        } catch {
            return error
        }
    }

    /// The store once its replica has replayed the primary's writes (seconds at most).
    static func waitForReplica(_ store: PostgresStore) async throws -> PostgresStore {
        for _ in 0..<100 {
            if store.replicaStatus().allSatisfy({ $0.lagGenerations == 0 }) { return store }
            try await Task.sleep(for: .milliseconds(100))
        }
        return store
    }
}

/// The servers the environment names.
enum TestServer {
    static let primary = ProcessInfo.processInfo.environment["RENKEI_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    static let standby = ProcessInfo.processInfo.environment["RENKEI_TEST_POSTGRES_STANDBY"].flatMap { $0.isEmpty ? nil : $0 }
}
