import Foundation
import RenkeiCore
import RenkeiTestSupport
import Testing

@testable import RenkeiIngest

@Suite struct TableReaderTests {
    static func table002() throws -> Document {
        let bytes = [UInt8](try Data(contentsOf: Fixtures.corpusFolder.appendingPathComponent("002_0b168d8097b10a9a.txt")))
        return try DocumentReader.read(bytes, id: DocumentID(rawValue: "002.txt"), kind: .text, contentHash: SHA256.hexDigest(bytes)).document
    }

    @Test func tabSeparatedTextBecomesFourteenRecords() throws {
        let document = try Self.table002()
        #expect(document.records.count == 14)
        #expect(document.records.map(\.number) == Array(1...14))
        let labels = ["NO", "年数", "連携組織名", "事業名", "構成自治体等", "申請額", "事業内容"]
        for record in document.records {
            #expect(record.fields.map(\.label) == labels)
            #expect(!record.text.contains("<p>") && !record.text.contains("</p>"))
        }
        #expect(document.records[0].fields[3].value == "島しょ町村における事務事業の共同化")
        #expect(document.records[0].fields[5].value == "5,000,000")
        #expect(document.records[13].fields[0].value == "14")
        // The repeated title line is the document's own text, once.
        #expect(document.body == "令和5年度多摩・島しょ広域連携活動助成金事業計画一覧表(一般連携活動)")
        #expect(document.title == document.body)
    }

    @Test func csvWithQuotedFields() {
        let csv = "事業名,構成自治体,金額\n\"防災訓練, 合同\",\"日野市、多摩市\",\"1,000\"\n\"説明に\"\"引用\"\"あり\",調布市,200\n"
        let table = TableReader.read(csv, delimiter: ",")
        #expect(table.records.count == 2)
        #expect(table.records[0].fields.map(\.value) == ["防災訓練, 合同", "日野市、多摩市", "1,000"])
        #expect(table.records[1].fields[0].value == "説明に\"引用\"あり")
        #expect(table.records[1].text == "事業名: 説明に\"引用\"あり\n構成自治体: 調布市\n金額: 200")
    }

    @Test func proseWithAFewTabsIsNotATable() {
        #expect(!TableReader.looksTabular("日野市の取り組み\n\t字下げした段落\n本文です。\n"))
        #expect(TableReader.looksTabular("NO\t名前\t金額\n1\tA\t100\n2\tB\t200\n"))
        // A manual page whose few tabbed lines agree with each other is still prose.
        let manual = "名前\nabort - 異常終了\n書式\n#include <stdlib.h>\n\ta\tb\tc\n\td\te\tf\n説明\n本文。\n本文。\n"
        #expect(!TableReader.looksTabular(manual))
    }

    /// Angle brackets are HTML only with a closing tag or a line break; a C header is text.
    @Test func angleBracketsWithoutTagsStayText() {
        #expect(TableReader.cleanCell("#include <stdlib.h>") == "#include <stdlib.h>")
        #expect(TableReader.cleanCell("<p>日野市</p><p>多摩市</p>") == "日野市\n多摩市")
    }
}
