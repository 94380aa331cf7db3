import Foundation
import RenkeiCore
import RenkeiIngest
import Testing

/// PDFs through poppler's pdftotext: pages kept apart, wrapped lines joined, no text layer
/// reported. The fixtures are made by scripts/make-pdf-fixtures.py.
@Suite struct PDFReaderTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func read(_ name: String) throws -> Result<DocumentReader.Output, IngestError> {
        let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
        return Result { () throws(IngestError) in
            try DocumentReader.read(bytes, id: DocumentID(rawValue: name), kind: .pdf, contentHash: "h")
        }
    }

    @Test func japanesePressReleaseBecomesThreePagesOfText() throws {
        let document = try Self.read("press-release.pdf").get().document
        #expect(document.title == "日野市と株式会社ひのでエネルギーとの包括連携協定について")
        #expect(document.encoding == "PDF")
        let pages = document.body.components(separatedBy: PDFTextReader.pageSeparator)
        #expect(pages.count == 3)
        // The sentence the right margin wrapped is one line again, so the phrase is found.
        #expect(pages[2].contains("令和6年4月1日、日野市と株式会社ひのでエネルギーは包括連携協定を締結しました。"))
        #expect(pages[1].contains("地域の脱炭素化と防災力の向上に向けて、双方の資源を活用して連携します。"))
        // A short heading line and the item after it stay lines of their own.
        #expect(pages[2].hasPrefix("2 締結日\n"))
        #expect(pages[2].contains("\n3 連携事項"))
    }

    @Test func pdfWithoutTextLayerIsReportedAsSuch() throws {
        guard case .failure(let error) = try Self.read("scanned.pdf") else {
            Issue.record("a PDF with only a drawing was read as text")
            return
        }
        #expect(error.code == .noText)
        #expect(error.reason.contains("without a text layer (1 page of images"))
    }

    @Test func brokenAndFakePDFsFailWithReasons() throws {
        let whole = [UInt8](try Data(contentsOf: Self.folder.appendingPathComponent("press-release.pdf")))
        #expect(throws: IngestError.self) {
            try DocumentReader.read(Array(whole.prefix(300)), id: DocumentID(rawValue: "cut.pdf"), kind: .pdf, contentHash: "h")
        }
        do {
            _ = try DocumentReader.read(Array("ただの文章".utf8), id: DocumentID(rawValue: "fake.pdf"), kind: .pdf, contentHash: "h")
            Issue.record("text named .pdf was read")
        } catch {
            #expect(error.code == .binary && error.reason.contains("not a PDF"))
        }
    }

    @Test func unwrapJoinsOnlyLinesCutByTheMargin() {
        let lines = [
            "令和6年4月1日、日野市と株式会社ひのでエネルギーは包括連携", "協定を締結しました。",
            "これは短い行", "次の段落", "・箇条書きの項目が長く続いて右端で折り返されたとしても", "・次の項目",
            "Smart City Council for the region of Tama and the islands", "project 2024",
        ]
        #expect(
            PDFTextReader.unwrap(lines) == [
                "令和6年4月1日、日野市と株式会社ひのでエネルギーは包括連携協定を締結しました。", "これは短い行", "次の段落",
                "・箇条書きの項目が長く続いて右端で折り返されたとしても", "・次の項目",
                "Smart City Council for the region of Tama and the islands project 2024",
            ])
    }
}
