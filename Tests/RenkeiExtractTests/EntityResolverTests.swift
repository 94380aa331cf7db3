import Testing
import RenkeiCore
import RenkeiExtract

@Suite struct EntityResolverTests {
    static func extraction(_ id: String, _ body: String) -> Extraction {
        let document = Document(
            id: DocumentID(rawValue: id), title: "お知らせ", body: body,
            contentHash: String(repeating: "0", count: 64), encoding: "UTF-8", byteCount: body.utf8.count)
        return Extractor().extract(document)
    }

    @Test func oneBodyAcrossDocuments() {
        let first = Self.extraction("a.txt", "日野市とイオン株式会社は「相互協力・連携に関する協定」を平成26年9月30日に締結しました。国立大学法人電気通信大学も参加します。")
        let second = Self.extraction("b.txt", "日野市役所で、イオンと電気通信大学の担当者が説明しました。東京都日野市の取り組みです。")
        let resolved = EntityResolver.resolve([first, second])
        let city = resolved.filter { $0.kind == .city }
        #expect(city.count == 1)
        #expect(city.first?.code == "132128")
        #expect(Set((city.first?.occurrences.keys).map { $0.map(\.rawValue) } ?? []) == ["a.txt", "b.txt"])
        let aliases = Set(city.first?.aliases ?? [])
        #expect(aliases.isSuperset(of: ["日野市役所", "東京都日野市"]))
        let universities = resolved.filter { $0.kind == .university }
        #expect(universities.map(\.name) == ["電気通信大学"])
        #expect(universities.first?.occurrences.count == 2)
        #expect(universities.first?.aliases.contains("国立大学法人電気通信大学") == true)
    }

    @Test func agreementsWithOneNameButDifferentPartiesStayApart() {
        let first = Self.extraction("a.txt", "日野市とイオン株式会社は「相互協力・連携に関する協定」を平成26年9月30日に締結しました。")
        let second = Self.extraction("b.txt", "日野市と大塚製薬株式会社は「相互協力・連携に関する協定」を平成28年3月28日に締結しました。")
        let agreements = EntityResolver.resolve([first, second]).filter { $0.kind == .agreement }
        #expect(agreements.count == 2)
        #expect(Set(agreements.compactMap(\.signed)) == ["2014-09-30", "2016-03-28"])
    }

    @Test func theSeedCorpusNamesHinoOnce() throws {
        let extractions = try SeedCorpus.extractions()
        let hino = EntityResolver.resolve(extractions).filter { $0.kind == .city && $0.code == "132128" }
        #expect(hino.count == 1)
        #expect(hino.first?.occurrences.count == 3)   // 000, 002 and 003 name it
    }
}
