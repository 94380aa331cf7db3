import Foundation
import RenkeiCore
import RenkeiQuery
import RenkeiStore
import RenkeiTestSupport
import Testing

/// Search with `match: .loose`: exact hits first, then those found only through 表記ゆれ,
/// highlighted where the page wrote them.
@Suite struct LooseSearchTests {
    static let index: RenkeiIndex = {
        let store = try! IndexStore.inMemory()
        try! store.write(
            [
                ("exact.txt", "ふるさと納税の返礼品を紹介します"), ("katakana.txt", "フルサト納税のお知らせ"),
                ("spaced.txt", "ふるさと 納税 の申込み"), ("other.txt", "図書館の開館時間"),
            ].map { PreparedDocument(Fixtures.document(id: $0.0, body: $0.1, title: "お知らせ")) })
        return RenkeiIndex(storage: store)
    }()

    static func marked(_ snippet: Snippet) -> [String] {
        let scalars = Array(snippet.text.unicodeScalars)
        return snippet.highlights.map { String(String.UnicodeScalarView(scalars[$0[0]..<$0[1]])) }
    }

    @Test func exactHitsComeFirstThenLooseOnes() throws {
        let loose = try Self.index.search("ふるさと納税", match: .loose)
        #expect(loose.total == 3)
        #expect(loose.hits.map(\.document) == ["exact.txt", "katakana.txt", "spaced.txt"])
        #expect(loose.hits.map(\.match) == [.exact, .loose, .loose])
        #expect(loose.hits.map(\.rank) == [1, 2, 3])
        let exact = try Self.index.search("ふるさと納税", match: .exact)
        #expect(exact.hits.map(\.document) == ["exact.txt"])
        // Pages run on from the exact hits into the loose ones.
        #expect(try Self.index.search("ふるさと納税", limit: 1, offset: 1, match: .loose).hits.map(\.document) == ["katakana.txt"])
    }

    @Test func looseHitsAreHighlightedWhereThePageWroteThem() throws {
        let hits = try Self.index.search("ふるさと納税", match: .loose).hits
        #expect(hits[1].snippets.flatMap(Self.marked) == ["フルサト納税"])
        #expect(hits[2].snippets.flatMap(Self.marked) == ["ふるさと 納税"])
    }

    @Test func operatorsKeepTheirMeaning() throws {
        #expect(try Self.index.search("ふるさと納税 申込み", match: .loose).hits.map(\.document) == ["spaced.txt"])
        #expect(try Self.index.search("ふるさと納税 -返礼品", match: .loose).total == 2)
        #expect(try Self.index.search("図書館 OR フルサト", match: .loose).total == 4)
    }

    @Test func looseHitsAreRankedAmongThemselves() throws {
        let store = try IndexStore.inMemory()
        // Index order puts the passing mention first; ranking must not.
        try store.write(
            [
                ("passing.txt", "お知らせ", "図書館の開館時間と、催しの一覧です。ほかにフルサト納税の案内もあります。" + String(repeating: "館内の案内。", count: 40)),
                ("title.txt", "フルサト納税", "フルサト納税の申込み。フルサト納税の返礼品。"),
                ("exact.txt", "お知らせ", "ふるさと納税の返礼品"),
            ].map { PreparedDocument(Fixtures.document(id: $0.0, body: $0.2, title: $0.1)) })
        let hits = try RenkeiIndex(storage: store).search("ふるさと納税", match: .loose).hits
        #expect(hits.map(\.document) == ["exact.txt", "title.txt", "passing.txt"])
        #expect(hits[1].score < hits[2].score)
    }
}
