import RenkeiCore
import RenkeiExtract
import Testing

/// Where the names of bodies begin and end, and which kind they are.
@Suite struct BodyNameTests {
    static func bodies(_ text: String) -> [String: EntityKind] {
        let document = Document(
            id: DocumentID(rawValue: "test.txt"), title: "お知らせ", body: text,
            contentHash: String(repeating: "0", count: 64), encoding: "UTF-8", byteCount: text.utf8.count)
        let entities = Extractor().extract(document).entities.filter { [.company, .university, .organization].contains($0.kind) }
        return Dictionary(entities.map { ($0.name, $0.kind) }, uniquingKeysWith: { first, _ in first })
    }

    @Test(arguments: [
        ("市と株式会社はるなフーズは協定を結びました。", "株式会社はるなフーズ", EntityKind.company),
        ("株式会社エフエムながおか\t2016/9/1", "株式会社エフエムながおか", .company),
        ("公益財団法人がまごおり海の文化財団（以下「丙」という。）", "公益財団法人がまごおり海の文化財団", .organization),
        ("、越中となみ信用金庫及び一般社団法人となみ起業塾と", "越中となみ信用金庫", .company),
        ("、越中となみ信用金庫及び一般社団法人となみ起業塾と", "一般社団法人となみ起業塾", .organization),
        ("丸亀市と学校法人尽誠学園は", "学校法人尽誠学園", .organization),
        ("学校法人酪農学園　酪農学園大学（江別市）", "酪農学園大学", .university),
        ("本学（あずみの短期大学）は", "あずみの短期大学", .university),
        ("四万十市、四万十みどり農業協同組合が", "四万十みどり農業協同組合", .organization),
        ("第1回は青森県立むつ湾岸高等学校で行います。", "青森県立むつ湾岸高等学校", .organization),
        ("相手方：国土交通省東北地方整備局", "国土交通省東北地方整備局", .organization),
        ("医療法人社団小丸川会", "医療法人社団小丸川会", .organization),
        ("明治安田生命保険相互会社と", "明治安田生命保険相互会社", .company),
        ("株式会社NTTドコモ北海道支社（札幌市）", "株式会社NTTドコモ", .company),
        ("四国電力株式会社丸亀支店、株式会社百十四銀行丸亀支店及び香川証券株式会社と", "株式会社百十四銀行", .company),
        ("四国電力株式会社丸亀支店、株式会社百十四銀行丸亀支店及び香川証券株式会社と", "香川証券株式会社", .company),
    ])
    func names(text: String, name: String, kind: EntityKind) {
        #expect(Self.bodies(text)[name] == kind, "\(Self.bodies(text))")
    }

    /// Generic words before a form name nothing.
    @Test(arguments: ["市内の小・中学校で授業を行います。", "県立高校の生徒が参加します。", "市や社会福祉協議会に知らせます。", "当行グループの取組です。"])
    func noBody(text: String) {
        #expect(Self.bodies(text).isEmpty, "\(Self.bodies(text))")
    }
}
