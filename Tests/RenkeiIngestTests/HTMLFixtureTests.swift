import Foundation
import RenkeiCore
import RenkeiIngest
import RenkeiTestSupport
import Testing

/// One real page (Corpus/001) inside the furniture of a municipal site, in every encoding
/// and declaration style: the text must come out whole and the furniture must not.
@Suite struct HTMLFixtureTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static let title = "磯子事業会と磯子区役所が「地域活性化に関する包括連携協定」を締結"
    static let bodyPhrases = [
        "「共創」の取組を進めています。",
        "日興テクノス株式会社 代表取締役",
        "昭和 48 年に設立されました。",
        "まちの美化・緑化の推進に関すること",
        "地域活性化に関する包括連携協定の対象分野",
        "協定名\t地域活性化に関する包括連携協定",
        "締結日\t令和5年10月1日",
    ]
    static let furniturePhrases = [
        "くらし・手続き", "トップページ", "区政情報", "ツイートする", "シェアする", "LINEで送る", "〒235-0016",
        "045-750-2323", "Copyright", "スクリプトの文字列", "スタイル定義", "dataLayer", "本文へ移動", "ページの先頭へ戻る",
        "文字サイズ変更", "Foreign Language", "区民活動支援センター", "こんなページも見ています", "リンク集", "ホームページ",
    ]

    @Test(arguments: [
        ("cp932-shift_jis-label.html", "CP932", true),
        ("cp932-http-equiv.html", "CP932", true),
        ("cp932-undeclared.html", "CP932", true),
        ("euc-jp-label.html", "EUC-JP", false),
        ("euc-jp-undeclared.html", "EUC-JP", false),
        ("utf-8-label.html", "UTF-8", true),
        ("utf-8-undeclared.html", "UTF-8", true),
        ("utf-8-bom.html", "UTF-8", true),
    ])
    func readsThePageWithoutItsFurniture(file: String, encoding: String, hasWindowsCharacters: Bool) throws {
        let bytes = [UInt8](try Data(contentsOf: Self.folder.appendingPathComponent(file)))
        let output = try DocumentReader.read(bytes, id: DocumentID(rawValue: file), kind: .html, contentHash: SHA256.hexDigest(bytes))
        let document = output.document
        #expect(document.title == Self.title)
        #expect(document.encoding == encoding)
        #expect(output.warnings.isEmpty)
        for phrase in Self.bodyPhrases {
            #expect(document.body.contains(phrase), "\(file): missing \(phrase)")
        }
        for phrase in Self.furniturePhrases {
            #expect(!document.body.contains(phrase), "\(file): kept \(phrase)")
        }
        if hasWindowsCharacters {
            // A Shift_JIS label must not cut the page at the first CP932-only character.
            #expect(document.body.contains("問い合わせ：① 地域振興課 髙橋、㈱磯子テクノ（Ⅲ期）"), "\(file)")
        }
        #expect(!document.body.contains("\u{FFFD}"))
    }
}
