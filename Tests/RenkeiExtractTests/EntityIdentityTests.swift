import RenkeiCore
import RenkeiExtract
import Testing

@Suite struct EntityIdentityTests {
    static func graph(_ id: String, _ body: String) -> DocumentGraph {
        let document = Document(
            id: DocumentID(rawValue: id), title: "お知らせ", body: body,
            contentHash: String(repeating: "0", count: 64), encoding: "UTF-8", byteCount: body.utf8.count)
        return Extractor().graph(of: document)
    }

    @Test func oneBodyAcrossDocumentsHasOneKey() {
        let first = Self.graph("a.txt", "日野市とイオン株式会社は「相互協力・連携に関する協定」を平成26年9月30日に締結しました。国立大学法人電気通信大学も参加します。")
        let second = Self.graph("b.txt", "日野市役所で、イオンと電気通信大学の担当者が説明しました。東京都日野市の取り組みです。")
        for kind in [EntityKind.city, .university] {
            let firstKeys = Set(first.entities.filter { $0.kind == kind }.map(\.key))
            let secondKeys = Set(second.entities.filter { $0.kind == kind }.map(\.key))
            #expect(!firstKeys.isEmpty && firstKeys == secondKeys, "\(kind): \(firstKeys) vs \(secondKeys)")
        }
        // イオン株式会社 is keyed by its name without the legal form, as イオン would be.
        let keys = Set((first.entities + second.entities).map(\.key.rawValue))
        #expect(keys.isSuperset(of: ["city:132128", "company:イオン", "university:電気通信大学"]))
    }

    @Test func agreementsWithOneNameButDifferentPartiesHaveDifferentKeys() throws {
        let first = Self.graph("a.txt", "日野市とイオン株式会社は「相互協力・連携に関する協定」を平成26年9月30日に締結しました。")
        let second = Self.graph("b.txt", "日野市と大塚製薬株式会社は「相互協力・連携に関する協定」を平成28年3月28日に締結しました。")
        let again = Self.graph("c.txt", "日野市とイオン株式会社は「相互協力・連携に関する協定」を平成26年9月30日に締結しました。")
        let keys = [first, second, again].map { $0.entities.filter { $0.kind == .agreement }.map(\.key) }
        #expect(keys.allSatisfy { $0.count == 1 })
        #expect(keys[0] != keys[1])
        #expect(keys[0] == keys[2])
        let key = try #require(keys[0].first)
        #expect(key.rawValue.hasPrefix("agreement:") && key.value.count == 16 && key.value.allSatisfy(\.isHexDigit))
    }

    @Test func keysParseAndRefuseWhatIsNotAKey() {
        #expect(EntityKey(rawValue: "city:132128")?.kind == .city)
        #expect(EntityKey(rawValue: "company:イオン")?.value == "イオン")
        for text in ["20", "city:", "town:132128", "company:a/b", "company:a b", ":x"] {
            #expect(EntityKey(rawValue: text) == nil, "\(text)")
        }
        // A name part never holds a URL delimiter or a blank.
        #expect(EntityKey.named(.company, "A/B?C#D%").rawValue == "company:A-B-C-D-")
        // FNV-1a 64 of the empty string: the hash is the same on every machine.
        #expect(StableHash.hex(of: "") == "cbf29ce484222325")
    }

    @Test func theSeedCorpusKeysHinoByItsCode() throws {
        let extractions = try SeedCorpus.extractions()
        let documents = extractions.filter { extraction in
            extraction.entities.contains { $0.kind == .city && $0.code == "132128" }
        }
        #expect(documents.count == 3) // 000, 002 and 003 name it
        for extraction in documents {
            let keys = EntityIdentity.keys(of: extraction.entities)
            let hino = extraction.entities.filter { $0.kind == .city && $0.code == "132128" }.compactMap { keys[$0.id] }
            #expect(hino == [EntityKey.place(.city, code: "132128")])
        }
    }
}
