import Foundation
import RenkeiCore
import Testing

/// `LooseFold` against the loose layer's reference (`../shared/bench/peers/loose_fold.py`),
/// on the cases `scripts/make-loose-fixtures.py` had the reference answer: every kana, dash,
/// blank, dot, variation selector and kanji variant alone and in context, random strings of
/// them, spelling variants inside words, and every line of the seed pages.
@Suite struct LooseFoldTests {
    struct Case: Decodable {
        var text: String
        var fold: String
        var needles: [String]?
    }

    static let cases: [Case] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/loose-fold.jsonl")
        let lines = (try? String(contentsOf: url, encoding: .utf8))?.split(separator: "\n") ?? []
        return lines.compactMap { try? JSONDecoder().decode(Case.self, from: Data($0.utf8)) }
    }()

    @Test func foldEqualsTheReferenceByteForByte() {
        #expect(Self.cases.count > 6_000)
        var failures: [String] = []
        for item in Self.cases where LooseFold.fold(item.text) != item.fold {
            failures.append("\(item.text.unicodeScalars.map { String($0.value, radix: 16) }) → \(LooseFold.fold(item.text)), not \(item.fold)")
        }
        #expect(failures.isEmpty, "\(failures.count) differ, e.g. \(failures.prefix(5))")
    }

    @Test func needlesEqualTheReference() {
        var failures: [String] = []
        for item in Self.cases {
            let expected = item.needles ?? (item.fold.isEmpty ? [] : [item.fold])
            if LooseFold.needles(of: item.text) != expected { failures.append(item.text) }
        }
        #expect(failures.isEmpty, "\(failures.count) differ, e.g. \(failures.prefix(5))")
    }

    @Test(arguments: [
        ("フルサト納税", "ふるさと納税"), ("髙島屋", "高島屋"), ("渡邊", "渡辺"), ("ケ", "け"), ("ヶ", "け"), ("ヴァイオリン", "ばいおりん"),
        ("佐々木", "佐佐木"), ("公共交通経 路検索", "公共交通経路検索"), ("コ－ヒ―", "こーひー"), ("埼玉", "埼玉"),
    ])
    func foldsWhatStaffMeanAlike(written: String, folded: String) {
        #expect(LooseFold.fold(written) == folded)
    }

    @Test func spellingVariantsWidenATermOneClassAtATime() {
        let needles = LooseFold.needles(of: "子供会")
        #expect(needles.contains("子ども会") && needles.contains("子供会"))
        #expect(!LooseFold.needles(of: "埼玉").contains("崎玉"))
        #expect(LooseFold.needles(of: " ・ ").isEmpty)
    }

    /// Every byte of the fold points back at the normalised characters it came from.
    @Test func theMapLeadsBackToWhatThePageWrote() {
        let normalized = Normalizer.normalize("渡邊さんのヴァイオリン 教室")
        let folded = LooseFold.foldWithMap(normalized: normalized)
        #expect(folded.text == LooseFold.fold(normalized: normalized))
        func original(_ needle: String) -> String {
            let range = ByteSearch.occurrences(of: needle, in: folded.text)[0]
            let source = folded.normalizedByteRange(of: range)
            return String(decoding: Array(normalized.utf8)[source], as: UTF8.self)
        }
        #expect(original("渡辺") == "渡邊")
        #expect(original("ばいおりん") == "ヴァイオリン")
        #expect(original("りん教室") == "リン 教室")
    }
}
