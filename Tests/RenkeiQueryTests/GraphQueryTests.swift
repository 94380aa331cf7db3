import RenkeiCore
import RenkeiExtract
import RenkeiQuery
import RenkeiStore
import RenkeiTestSupport
import Testing

/// Graph questions through `RenkeiIndex`, on the seed pages.
@Suite struct GraphQueryTests {
    /// The seed pages with their graph, in memory.
    static let graph: RenkeiIndex = {
        let store = try! IndexStore.inMemory()
        let documents = try! Fixtures.corpusStore().documents
        try! store.write(documents.map { PreparedDocument($0, graph: Extractor().graph(of: $0)) })
        return RenkeiIndex(storage: store)
    }()

    @Test func agreementsPerCityByYear() throws {
        let rows = try Self.graph.agreementsPerCityByYear().filter { $0.city.name == "日野市" }
        #expect(rows.map(\.year) == [2012, 2014, 2016, 2017, 2018])
        #expect(rows.map(\.count) == [1, 2, 1, 1, 2])
    }

    @Test func neighbourhoodGrowsWithHops() throws {
        let hino = try Self.graph.resolve("日野市")
        let one = try Self.graph.neighbourhood(of: hino.key, hops: 1)
        let two = try Self.graph.neighbourhood(of: hino.key, hops: 2)
        #expect(one.allSatisfy { $0.distance == 1 })
        #expect(one.contains { $0.entity.name == "産業活性化支援に関する包括協定" })
        #expect(two.count > one.count)
        #expect(two.contains { $0.entity.name == "多摩信用金庫" && $0.distance == 2 })
    }

    @Test func citiesShareProjectPartners() throws {
        let hino = try Self.graph.resolve("日野市")
        let tama = try Self.graph.resolve("多摩市")
        let shared = try Self.graph.sharedPartners(hino.key, tama.key).map(\.name)
        #expect(shared.contains("八王子市")) // both run 002's 多摩川流域 project with it
        #expect(!shared.contains("日野市") && !shared.contains("多摩市"))
    }

    @Test func pathsRespectTheHopLimit() throws {
        let kddi = try Self.graph.resolve("KDDI株式会社")
        let shinkin = try Self.graph.resolve("多摩信用金庫")
        #expect(try Self.graph.path(from: kddi.key, to: shinkin.key, maxHops: 4)?.count == 4)
        #expect(try Self.graph.path(from: kddi.key, to: shinkin.key, maxHops: 3) == nil)
    }

    @Test func ambiguousNamesListCandidates() {
        do {
            _ = try Self.graph.resolve("相互協力・連携に関する協定")
            Issue.record("resolved an ambiguous name")
        } catch let error as GraphError {
            #expect(error.candidates.count == 2)
            #expect(error.message.contains("agreement"))
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test func entitiesAreFoundByTheirStableKeys() throws {
        let hino = try Self.graph.resolve("city:132128")
        #expect(hino.name == "日野市" && hino.key == EntityKey.place(.city, code: "132128"))
        #expect(try Self.graph.resolve("日野市").key == hino.key)
        let aeon = try Self.graph.resolve("company:イオン")
        #expect(aeon.kind == .company)
        // Every agreement's key is its kind and a 16-digit hash, and finds it again.
        for agreement in try Self.graph.entities(kind: .agreement, limit: 100) {
            #expect(agreement.key.value.count == 16)
            #expect(try Self.graph.entity(agreement.key)?.summary == agreement)
        }
    }

    @Test func aNumericIDSaysWhatChanged() {
        #expect {
            try Self.graph.resolve("20")
        } throws: { error in
            (error as? GraphError)?.message.contains("stable keys such as city:132128") == true
        }
    }
}
