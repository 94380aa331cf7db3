internal import Foundation
internal import RenkeiCore

/// Agreements listed in a table, one per row: the name column (協定名 / 協定名称 / 協定等の名称),
/// the counterpart column (締結先 / 相手方), the date column (締結日 / 締結年月日). The table is
/// a CSV/TSV's records, or the tab-separated rows of an HTML table in the page's lines. A table
/// without a name column (相手方 | 締結日) names its rows by the page's designation signed with
/// each counterpart 「それぞれ」.
///
/// | 締結日     | 協定名                    | 締結先                          | Mention                        |
/// |-----------|---------------------------|---------------------------------|--------------------------------|
/// | R6.5.10   | 包括連携協定               | 株式会社A銀行                    | 包括連携協定: publisher, A銀行   |
/// | R4.2.14   | 観光振興に関する覚書        | 一般社団法人B協会                 | nothing: a 覚書 is not a 協定    |
struct AgreementTableReader {
    let context: PageContext

    static let nameColumns = ["協定名", "協定等の名称", "協定の名称", "協定名称", "名称"]
    static let partyColumns = ["締結先", "相手方", "協定先", "締結団体", "締結者", "相手先"]
    static let dateColumns = ["締結日", "締結年月日", "締結年月", "年月日"]
    static let publisherColumns = ["地方公共団体名", "自治体名"]

    func mentions(records: [Record], registry: inout EntityRegistry, pageDate: JapaneseDate?, templates: [AgreementMention]) -> [AgreementMention] {
        let rows = PageTable.rows(records: records, lines: context.lines) { cells in
            cells.contains { cell in Self.partyColumns.contains(where: cell.contains) }
                && cells.contains { cell in Self.dateColumns.contains(where: cell.contains) }
        }
        var result: [AgreementMention] = []
        for row in rows {
            let cell = row.value
            guard let partyCell = cell(Self.partyColumns), let dateCell = cell(Self.dateColumns) else { continue }
            var designation: AgreementDesignation
            if let nameCell = cell(Self.nameColumns) {
                guard let bracketed = AgreementDesignation.bracketed(TableProjectReader.undecorated(nameCell), range: 0..<0) else { continue }
                designation = bracketed
            } else if let template = templates.last(where: { $0.separately }) ?? templates.first {
                designation = template.designation
            } else {
                continue
            }
            let dateScalars = Array(dateCell.unicodeScalars)
            let signed = SigningClauseReader.dates(in: dateScalars, range: 0..<dateScalars.count, pageDate: pageDate).first?.date
            var parties: [String] = []
            if let publisherCell = cell(Self.publisherColumns), let key = registry.city(named: publisherCell.trimmingSpaces()) {
                parties.append(key)
            } else if let publisher = context.publisher {
                parties.append(publisher)
            }
            parties += counterparts(in: partyCell, registry: &registry).filter { !parties.contains($0) }
            guard parties.count >= 2 || (context.publisherUnnamed && !parties.isEmpty) else { continue }
            var mention = AgreementMention(
                designation: designation, source: .label, parties: parties, signed: signed, line: row.line ?? 0,
                evidence: row.cells.map(\.value).joined(separator: " "))
            mention.completeParties = true
            mention.separately = true
            result.append(mention)
        }
        return result
    }

    /// The bodies and cities of a counterpart cell (「A株式会社、生活協同組合B」); a cell the
    /// recognisers do not read is one body named as written.
    private func counterparts(in cell: String, registry: inout EntityRegistry) -> [String] {
        var keys: [String] = []
        for item in cell.split(whereSeparator: { "、,，\n".contains($0) }).flatMap({ $0.components(separatedBy: "及び") }) {
            let text = String(item).trimmingSpaces()
            guard !text.isEmpty else { continue }
            let found = registry.parties(in: Array(text.unicodeScalars))
            if !found.isEmpty {
                keys += found
            } else if let key = registry.city(named: text) {
                keys.append(key)
            } else if text.count <= 30, !text.unicodeScalars.contains(where: { $0.properties.numericType != nil }),
                let key = registry.addOrganization(named: text)
            {
                keys.append(key)
            }
        }
        return keys.uniqued()
    }
}
