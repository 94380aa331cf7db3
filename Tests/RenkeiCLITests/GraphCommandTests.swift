import Foundation
import Testing

/// The knowledge graph as `renkei ingest` stores it and the graph commands read it, on a
/// copy of `Corpus/`.
@Suite(.serialized) struct GraphCommandTests {
    @Test func hinoHasSevenAgreementsWithPartnersDatesAndEvidence() throws {
        let renkei = try Renkei()
        defer { renkei.remove() }
        let result = try renkei.run("relations", "日野市", "--predicate", "party_to")
        #expect(result.status == 0, "\(result.errors)")
        let lines = result.output.split(separator: "\n")
        let agreements = lines.filter { $0.contains("party_to →") }
        #expect(agreements.count == 7)
        for partner in ["多摩信用金庫", "イオン株式会社", "GEヘルスケア・ジャパン株式会社", "大塚製薬株式会社", "株式会社リビタ", "あいおいニッセイ同和損害保険株式会社"] {
            #expect(agreements.contains { $0.contains("with \(partner)") || $0.contains("、\(partner)") }, "\(partner)")
        }
        #expect(agreements.allSatisfy { $0.contains("signed 20") && $0.contains("[000_a60bd5078816819e.txt]") })
        #expect(agreements.contains { $0.contains("産業活性化支援に関する包括協定") && $0.contains("signed 2012-03-13") })
        // Each relation is followed by its evidence.
        let evidence = lines.filter { $0.hasPrefix("      「") }
        #expect(evidence.count == 7)
        #expect(evidence.contains { $0.contains("平成24年3月13日") })
    }

    @Test func kddiReachesTamaShinkinThroughHino() throws {
        let renkei = try Renkei()
        defer { renkei.remove() }
        let result = try renkei.run("path", "KDDI株式会社", "多摩信用金庫", "--json")
        #expect(result.status == 0, "\(result.errors)")
        let hops = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]] ?? []
        #expect(!hops.isEmpty && hops.count <= 4)
        let names = hops.compactMap { ($0["from"] as? [String: Any])?["name"] as? String }
        #expect(names.first == "KDDI株式会社")
        #expect(names.contains("日野市"))
        let last = (hops.last?["edge"] as? [String: Any])?["other"] as? [String: Any]
        #expect(last?["name"] as? String == "多摩信用金庫")
        #expect(hops.allSatisfy { (($0["edge"] as? [String: Any])?["evidence"] as? String)?.isEmpty == false })
    }

    @Test func isogoWardShowsItsCode() throws {
        let renkei = try Renkei()
        defer { renkei.remove() }
        let result = try renkei.run("show", "磯子区")
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("全国地方公共団体コード: 141071"))
        #expect(result.output.contains("横浜市磯子区"))
        #expect(result.output.contains("法人番号: 9000020141071"))
    }

    @Test func ambiguousAndUnknownNamesAreExplained() throws {
        let renkei = try Renkei()
        defer { renkei.remove() }
        try renkei.run("ingest")
        let unknown = try renkei.run("show", "存在しない団体")
        #expect(unknown.status == 1)
        #expect(unknown.errors.hasPrefix("Error: No entity is named 存在しない団体"))
        let ambiguous = try renkei.run("show", "相互協力・連携に関する協定")
        #expect(ambiguous.status == 1)
        #expect(ambiguous.errors.contains("names 2 entities"))
    }

    /// Re-ingesting a page without one of its agreements removes that agreement and what
    /// only it held; entities other pages name keep their keys.
    @Test func reingestReplacesExactlyWhatAPageContributed() throws {
        let renkei = try Renkei()
        defer { renkei.remove() }
        try renkei.run("ingest")
        let before = try Self.entities(renkei)
        #expect(before.contains { $0.name == "地方創生に関する包括協定" })

        let page = renkei.folder.appendingPathComponent("Corpus/000_a60bd5078816819e.txt")
        var text = try String(contentsOf: page, encoding: .utf8)
        // Cut the last company's section (7.あいおいニッセイ同和損害保険株式会社 and its agreement).
        let cut = try #require(text.range(of: "7.あいおいニッセイ同和損害保険株式会社"))
        text = String(text[..<cut.lowerBound])
        try Data(text.utf8).write(to: page)
        let reingest = try renkei.run("ingest")
        #expect(reingest.output.contains("1 updated"))

        let after = try Self.entities(renkei)
        #expect(!after.contains { $0.name == "地方創生に関する包括協定" })
        #expect(!after.contains { $0.name == "あいおいニッセイ同和損害保険株式会社" })
        #expect(try renkei.run("relations", "日野市", "--predicate", "party_to").output.contains("6 relations"))
        // Entities named by other pages keep their keys.
        for name in ["KDDI株式会社", "磯子区", "調布市", "多摩信用金庫", "日野市"] {
            let old = before.first { $0.name == name }?.key
            #expect(old != nil && old == after.first { $0.name == name }?.key, "\(name)")
        }
        #expect(try renkei.run("check").status == 0)
    }

    /// A rebuild from nothing gives every entity the key it had: stored links stay valid.
    @Test func keysSurviveARebuild() throws {
        let renkei = try Renkei()
        defer { renkei.remove() }
        try renkei.run("ingest", "Corpus", "--index", "first.sqlite")
        try renkei.run("ingest", "Corpus", "--index", "second.sqlite")
        let first = try Self.entities(renkei, index: "first.sqlite"), second = try Self.entities(renkei, index: "second.sqlite")
        #expect(first.count > 100)
        #expect(Set(first.map(\.key)) == Set(second.map(\.key)))
        #expect(first.contains { $0.key == "city:132128" && $0.name == "日野市" })
        #expect(first.contains { $0.key == "company:イオン" })
        let shown = try renkei.run("show", "city:132128", "--index", "second.sqlite")
        #expect(shown.output.hasPrefix("日野市 (city, 東京都 132128)"))
        #expect(shown.output.contains("key: city:132128"))
    }

    struct Entity { var key: String; var name: String }

    static func entities(_ renkei: Renkei, index: String? = nil) throws -> [Entity] {
        let result = try renkei.run(["entities", "--limit", "1000", "--json"] + (index.map { ["--index", $0] } ?? []))
        let rows = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]] ?? []
        return rows.compactMap { row in
            guard let key = row["key"] as? String, let name = row["name"] as? String else { return nil }
            return Entity(key: key, name: name)
        }
    }
}
