import RenkeiCore
import RenkeiExtract
import Testing

/// Named initiatives and who the text says runs them.
@Suite struct ProjectReaderTests {
    static func projects(_ body: String) -> [String: Set<String>] {
        let document = Document(
            id: DocumentID(rawValue: "test.txt"), title: "お知らせ", body: body,
            contentHash: String(repeating: "0", count: 64), encoding: "UTF-8", byteCount: body.utf8.count)
        let entities = Extractor().extract(document).entities
        let names = Dictionary(uniqueKeysWithValues: entities.map { ($0.id, $0.name) })
        return Dictionary(
            entities.filter { $0.kind == .project }.map { ($0.name, Set($0.participants.compactMap { names[$0] })) },
            uniquingKeysWith: { first, _ in first })
    }

    @Test func quotedNameRunByTheClause() {
        let found = Self.projects(
            """
            春日部市役所
            春日部市と株式会社赤ちゃん本舗は、子育て支援に関する連携協定を締結しました。
            市と同社が「かすかべ子育て応援フェア」を毎年秋に開催しています。
            """)
        #expect(found["かすかべ子育て応援フェア"] == ["春日部市", "株式会社赤ちゃん本舗"])
    }

    @Test func aCountedSetStandsForEverySeparateSigning() {
        let found = Self.projects(
            """
            高鍋町は、令和6年9月2日、3つの法人と、それぞれ「災害時における福祉避難所の設置運営に関する協定」を締結しました。
            ■協定の締結先
            （1）社会福祉法人たかなべ福寿会
            （2）医療法人社団小丸川会
            ■今後の取組
            町と2法人は、「たかなべ福祉避難所開設訓練」を行います。
            """)
        #expect(found["たかなべ福祉避難所開設訓練"] == ["高鍋町", "社会福祉法人たかなべ福寿会", "医療法人社団小丸川会"])
    }

    /// A venue, a product and a plan are not initiatives.
    @Test(arguments: [
        "「多摩平の森産業連携センター」では、創業相談を実施しています。",
        "新商品「信州うえだりんごの贅沢ジュレ」を10月に発売します。",
        "「地域福祉計画」に基づき事業を実施します。",
    ])
    func notAnInitiative(text: String) {
        #expect(Self.projects(text).isEmpty, "\(Self.projects(text))")
    }
}
