import RenkeiCore
import RenkeiExtract
import RenkeiIngest
import Testing

@Suite struct ExtractorTests {
    static func extract(_ body: String, title: String = "お知らせ") -> [ExtractedEntity] {
        let document = Document(
            id: DocumentID(rawValue: "test.txt"), title: title, body: body,
            contentHash: String(repeating: "0", count: 64), encoding: "UTF-8", byteCount: body.utf8.count)
        return Extractor().extract(document).entities
    }

    static func names(_ entities: [ExtractedEntity], _ kind: EntityKind) -> [String] {
        entities.filter { $0.kind == kind }.map(\.name)
    }

    @Test func kyotoCityIsNotInsideTokyoMunicipalities() {
        let entities = Self.extract("東京都市町村ポッチャ大会実行委員会が主催します。")
        #expect(Self.names(entities, .city).isEmpty)
        #expect(Self.names(entities, .prefecture).isEmpty)
        #expect(Self.names(entities, .organization) == ["東京都市町村ポッチャ大会実行委員会"])
    }

    @Test func aPlaceInsideAnOrganizationIsNotAMention() {
        let entities = Self.extract("日野市社会福祉協議会と連携します。")
        #expect(Self.names(entities, .city).isEmpty)
        #expect(Self.names(entities, .organization) == ["日野市社会福祉協議会"])
    }

    @Test(arguments: [
        ("東京都府中市と協定を結びました。", "132063"),
        ("広島県府中市と協定を結びました。", "342084"),
        ("府中市と協定を結びました。", nil),
    ])
    func sharedNamesAreResolvedFromContextOrLeftAlone(text: String, code: String?) {
        let cities = Self.extract(text).filter { $0.kind == .city }
        #expect(cities.map(\.name) == ["府中市"])
        #expect(cities.first?.code == code)
    }

    @Test func aWardNeedsItsCity() {
        #expect(Self.names(Self.extract("南区の地区センターで開催します。"), .city).isEmpty)
        let ward = Self.extract("横浜市南区と横浜市が協力します。").filter { $0.kind == .city }
        #expect(Set(ward.compactMap(\.code)) == ["141003", "141054"])
    }

    @Test func officesAndPrefixedFormsAreAliases() {
        let cities = Self.extract("東京都日野市では、日野市役所で受け付けます。").filter { $0.kind == .city }
        #expect(cities.count == 1)
        #expect(cities[0].name == "日野市")
        #expect(Set(cities[0].aliases) == ["東京都日野市", "日野市役所"])
        #expect(cities[0].code == "132128")
        #expect(cities[0].corporateNumber == "1000020132128")
    }

    @Test(arguments: [
        ("日野市とイオン株式会社は協定を締結しました。", ["イオン株式会社"], ["イオン"]),
        ("株式会社富士通研究所、日野市社会福祉協議会、日野市の諸力融合", ["株式会社富士通研究所"], ["富士通研究所"]),
        ("日野市とあいおいニッセイ同和損害保険株式会社は", ["あいおいニッセイ同和損害保険株式会社"], ["あいおいニッセイ同和損害保険"]),
        ("提供しているヘルシーフード株式会社・株式会社ヘルシーネットワーク", ["ヘルシーフード株式会社", "株式会社ヘルシーネットワーク"], ["ヘルシーフード", "ヘルシーネットワーク"]),
        ("㈱リビタと連携", ["(株)リビタ"], ["リビタ"]),
    ])
    func companiesByLegalForm(text: String, names: [String], cores: [String]) {
        let companies = Self.extract(text).filter { $0.kind == .company }
        #expect(companies.map(\.name) == names)
        #expect(companies.map { $0.aliases.first ?? "" } == cores)
    }

    @Test func twoBodiesSeparatedByAComma() {
        let entities = Self.extract("国立大学法人電気通信大学、特定非営利活動法人市民サポートセンター日野と協力")
        #expect(Self.names(entities, .university) == ["電気通信大学"])
        #expect(entities.first { $0.kind == .university }?.aliases == ["国立大学法人電気通信大学"])
        #expect(Self.names(entities, .organization) == ["特定非営利活動法人市民サポートセンター日野"])
    }

    @Test func agreementBlock() {
        let body = """
            1.多摩信用金庫
            協定名
            産業活性化支援に関する包括協定
            締結日
            平成24年3月13日
            協定内容
              • 工業活性化支援
              • 創業支援
            日野市の産業振興課が担当します。
            """
        let entities = Self.extract(body)
        let agreement = entities.first { $0.kind == .agreement }
        #expect(agreement?.name == "産業活性化支援に関する包括協定")
        #expect(agreement?.signed == "2012-03-13")
        #expect(agreement?.topics == ["工業活性化支援", "創業支援"])
        let partyNames = agreement?.parties.compactMap { id in entities.first { $0.id == id }?.name }
        #expect(Set(partyNames ?? []) == ["日野市", "多摩信用金庫"])
    }

    @Test func signingSentence() {
        let entities = Self.extract("2019年8月には、調布市と株式会社サンプル（代表 山田太郎：株式会社ほかの会社 取締役）は「包括的パートナーシップ協定」を締結しました。")
        let agreement = entities.first { $0.kind == .agreement }
        #expect(agreement?.name == "包括的パートナーシップ協定")
        #expect(agreement?.signed == "2019-08")
        let partyNames = agreement?.parties.compactMap { id in entities.first { $0.id == id }?.name }
        #expect(partyNames == ["調布市", "株式会社サンプル"])
    }
}

@Suite struct ProvenanceTests {
    /// Mentions and evidence are spans of the document's text as written (full-width and all).
    @Test func spansPointAtTheWrittenText() {
        let body = "お知らせ\n２０１９年８月には、調布市と株式会社サンプルは「包括的パートナーシップ協定」を締結しました。\n"
        let document = Document(
            id: DocumentID(rawValue: "p.txt"), title: "お知らせ", body: body,
            contentHash: String(repeating: "0", count: 64), encoding: "UTF-8", byteCount: body.utf8.count)
        let entities = Extractor().extract(document).entities
        let scalars = Array((body + "\n").unicodeScalars)
        func text(_ range: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[range])) }
        let city = entities.first { $0.kind == .city }
        #expect(city?.mentions.map(text) == ["調布市"])
        let agreement = entities.first { $0.kind == .agreement }
        #expect(agreement.flatMap { $0.evidence.map(text) } == "２０１９年８月には、調布市と株式会社サンプルは「包括的パートナーシップ協定」を締結しました。")
    }
}
