import RenkeiCore
import RenkeiExtract
import Testing

/// The agreement readers on invented pages: signing clauses, blocks, lists, tables, and the
/// precision traps the extraction issue names.
@Suite struct AgreementReaderTests {
    struct Agreement: Equatable, CustomStringConvertible {
        var name: String
        var parties: Set<String>
        var signed: String?
        var description: String { "\(name) \(parties.sorted()) \(signed ?? "-")" }
    }

    static func agreements(_ body: String, title: String = "お知らせ", records: [Record] = []) -> [Agreement] {
        let document = Document(
            id: DocumentID(rawValue: "test.txt"), title: title, body: body,
            contentHash: String(repeating: "0", count: 64), encoding: "UTF-8", byteCount: body.utf8.count, records: records)
        let entities = Extractor().extract(document).entities
        let names = Dictionary(uniqueKeysWithValues: entities.map { ($0.id, $0.name) })
        return entities.filter { $0.kind == .agreement }.map {
            Agreement(name: $0.name, parties: Set($0.parties.compactMap { names[$0] }), signed: $0.signed)
        }
    }

    @Test func compoundUsedAsTheDesignation() {
        let found = Self.agreements(
            """
            遠野市からのお知らせ
            遠野市と株式会社北川フーズは、令和6年5月10日付けで、地域課題の解決を目的として包括連携協定を締結しました。
            """)
        #expect(found == [Agreement(name: "包括連携協定", parties: ["遠野市", "株式会社北川フーズ"], signed: "2024-05-10")])
    }

    @Test func unbracketedTitleAndThePublisherAsParty() {
        let found = Self.agreements(
            """
            遠野市からのお知らせ
            遠野市は、東湖大学と地域づくりに関する協定を締結しました。
            5月10日、株式会社北川フーズと包括連携協定を締結しました。
            掲載日：2024年6月1日
            遠野市役所
            """)
        #expect(found.contains(Agreement(name: "地域づくりに関する協定", parties: ["遠野市", "東湖大学"], signed: nil)))
        #expect(found.contains(Agreement(name: "包括連携協定", parties: ["遠野市", "株式会社北川フーズ"], signed: "2024-05-10")))
    }

    @Test func separateSigningsWithTheirOwnDates() {
        let found = Self.agreements("本学（あずみ野短期大学）は、令和7年2月7日に安曇野市と、同月10日に池田町と、それぞれ包括連携協定を締結しました。")
        #expect(
            Set(found.map(\.description)) == [
                Agreement(name: "包括連携協定", parties: ["あずみ野短期大学", "安曇野市"], signed: "2025-02-07").description,
                Agreement(name: "包括連携協定", parties: ["あずみ野短期大学", "池田町"], signed: "2025-02-10").description,
            ])
    }

    @Test func headlineBodyAndBlockAreOneAgreement() {
        let found = Self.agreements(
            """
            島田市と静岡ガス株式会社が包括連携協定締結
            島田市と静岡ガス株式会社は、包括連携に関する協定を締結しました。
            1　協定の名称
            島田市と静岡ガス株式会社との包括連携に関する協定
            2　締結式
            日時：令和6年6月14日（金曜日）午前10時
            """)
        #expect(found == [Agreement(name: "島田市と静岡ガス株式会社との包括連携に関する協定", parties: ["島田市", "静岡ガス株式会社"], signed: "2024-06-14")])
    }

    @Test func twoCompaniesEachSigningTheSameNameAreTwoAgreements() {
        let found = Self.agreements(
            """
            新ひだか町では包括連携協定の締結を進めています。
            新ひだか町と株式会社セコマは、令和5年10月2日付けで包括連携協定を締結しました。
            新ひだか町と株式会社北洋銀行は、令和6年2月28日付けで包括連携協定を締結しました。
            """)
        #expect(found.count == 2)
        #expect(Set(found.map(\.signed)) == ["2023-10-02", "2024-02-28"])
    }

    @Test func labelledBlockUnderAHeading() {
        let found = Self.agreements(
            """
            大田原市の連携協定一覧
            ■株式会社ライフケアドラッグ（本社：北海道札幌市）
            協定名：健康増進に関する連携協定
            締結日：R6.9.27
            連携事項：
            (1)市民の健康づくりの推進に関すること
            大田原市役所
            大田原市政策推進課
            """)
        #expect(found == [Agreement(name: "健康増進に関する連携協定", parties: ["大田原市", "株式会社ライフケアドラッグ"], signed: "2024-09-27")])
    }

    @Test func listOfCounterparts() {
        let found = Self.agreements(
            """
            株式会社みやぎ中央銀行（頭取　佐々木　修一、以下「当行」）は、本日、宮城県岩沼市と「地方創生に関する包括連携協定」を締結いたしました。
            5．当行の包括連携協定締結先（直近2件）
            名取市　2023年6月
            亘理町　2023年11月
            """)
        #expect(found.contains(Agreement(name: "包括連携協定", parties: ["株式会社みやぎ中央銀行", "名取市"], signed: "2023-06")))
        #expect(found.contains(Agreement(name: "包括連携協定", parties: ["株式会社みやぎ中央銀行", "亘理町"], signed: "2023-11")))
        #expect(found.contains(Agreement(name: "地方創生に関する包括連携協定", parties: ["株式会社みやぎ中央銀行", "岩沼市"], signed: nil)))
    }

    @Test func tableRowsWithoutAMemorandum() {
        let body = """
            筑西市が企業と締結している協定等の一覧です。筑西市役所
            No.\t締結日\t協定等の名称\t相手方
            1\tR6.5.10\t地域活性化に関する包括連携協定\t株式会社つくば北部銀行
            2\tR4.2.14\t観光振興に関する覚書\t一般社団法人ちくせい観光協会
            """
        let found = Self.agreements(body)
        #expect(found == [Agreement(name: "地域活性化に関する包括連携協定", parties: ["筑西市", "株式会社つくば北部銀行"], signed: "2024-05-10")])
    }

    /// Precision traps: no counterpart, a definition, a count, a negotiation, a bare 本協定.
    @Test(arguments: [
        "包括連携協定とは、町と民間企業等が連携して取り組むための協定です。",
        "新ひだか町では、民間企業等との包括連携協定の締結を進めています。",
        "本協定は3例目の包括協定となります。",
        "富田林市は、株式会社こんごうファームと、協定の締結に向けて協議を始めます。",
        "渋川市と吉岡町は「子育て支援の広域連携に関する協定」の締結に向けた協議を始めました。",
        "当社は本協定を締結いたしました。",
    ])
    func noAgreement(text: String) {
        #expect(Self.agreements(text).isEmpty)
    }
}
