import Foundation
import RenkeiCore
import RenkeiStore
import RenkeiTestSupport
import Testing

/// The loose indexes against the loose layer's definition: a unit matches a term loosely iff
/// the fold of the term, or of a spelling variant of it, is in the fold of the unit's title
/// or text; loose hits add to the exact ones.
@Suite struct LooseIndexTests {
    static func loose(_ store: IndexStore, _ term: String) throws -> [String] {
        try store.looseMatchingDocumentIDs(SearchQuery(phrase: term), needles: LooseFold.needles(of: term)).map(\.rawValue).sorted()
    }

    @Test func looseHitsAddToExactOnesAndFollowRewritesAndRemovals() throws {
        let store = try IndexStore.inMemory()
        try store.write(
            [
                ("a.txt", "フルサト納税のご案内"), ("b.txt", "髙島屋と包括連携協定を締結"), ("c.txt", "公共交通経 路検索のサービス"),
                ("d.txt", "子ども会の夏まつり"), ("e.txt", "ふるさと納税の返礼品"), ("f.txt", "ヴァイオリン教室・渡邊"),
            ].map { PreparedDocument(Fixtures.document(id: $0.0, body: $0.1, title: "お知らせ")) })
        #expect(try Self.loose(store, "ふるさと納税") == ["a.txt", "e.txt"])
        #expect(try Self.loose(store, "高島屋") == ["b.txt"])
        #expect(try Self.loose(store, "公共交通経路検索") == ["c.txt"])
        #expect(try Self.loose(store, "子供会") == ["d.txt"])
        #expect(try Self.loose(store, "ばいおりん") == ["f.txt"])
        #expect(try Self.loose(store, "渡辺") == ["f.txt"])
        #expect(try Self.loose(store, "埼玉") == [])
        // Exact search does not change: ふるさと納税 is written as such once.
        #expect(try store.matchingDocumentIDs(SearchQuery(phrase: "ふるさと納税")).map(\.rawValue) == ["e.txt"])

        try store.write([PreparedDocument(Fixtures.document(id: "a.txt", body: "別の内容になりました", title: "お知らせ"))])
        #expect(try Self.loose(store, "ふるさと納税") == ["e.txt"])
        try store.remove([DocumentID(rawValue: "e.txt"), DocumentID(rawValue: "b.txt")])
        #expect(try Self.loose(store, "ふるさと納税") == [])
        #expect(try Self.loose(store, "高島屋") == [])
        #expect(try store.integrityProblems().isEmpty)
    }

    /// Random texts over the characters the fold changes (kana of every kind, small kana,
    /// dashes, blanks, dots, 々, ゔ, kanji variants), and random queries over the same
    /// characters and cut from the texts, each compared with a scan of every text's fold.
    @Test func looseHitsEqualAFoldScan() throws {
        let alphabet = Array("かカｶがガｶﾞーｰ-—  ・々ゔヴぁァｧあア佐木髙高邊辺けケヶヵ子ども供会ヷわ")
        var random = SplitMix64(state: 20261207)
        func text(_ length: Int) -> String { String((0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &random)] }) }
        let documents = (0..<300).map { Fixtures.document(id: "d\($0).txt", body: text(Int.random(in: 5...40, using: &random)), title: "t") }
        let store = try IndexStore.inMemory()
        try store.write(documents.map { PreparedDocument($0) })
        let folded = documents.map { (id: $0.id.rawValue, fold: LooseFold.fold($0.body), exact: Normalizer.normalize($0.body)) }
        var checked = 0, withHits = 0
        for round in 0..<400 {
            var query: String
            if round % 2 == 0 {
                let source = Array(documents[Int.random(in: 0..<documents.count, using: &random)].body)
                let length = Int.random(in: 1...min(6, source.count), using: &random)
                let start = Int.random(in: 0...(source.count - length), using: &random)
                query = String(source[start..<(start + length)])
            } else {
                query = text(Int.random(in: 1...4, using: &random))
            }
            guard let parsed = try? SearchQuery(phrase: query) else { continue }
            let needles = LooseFold.needles(of: query)
            let exact = parsed.includedTerms[0].normalized
            // Substrings of code points, as the reference has them (わ is in わ゙, which Swift's
            // String.contains, comparing characters, would deny).
            let expected = folded.filter { document in
                ByteSearch.contains(exact, in: document.exact) || needles.contains { ByteSearch.contains($0, in: document.fold) }
            }.map(\.id).sorted()
            #expect(try Self.loose(store, query) == expected, "query \(query.debugDescription)")
            checked += 1
            if !expected.isEmpty { withHits += 1 }
        }
        #expect(checked > 300 && withHits > 150)
    }
}
