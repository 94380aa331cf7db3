internal import RenkeiCore

/// Projects from tables of joint projects and subsidies: a row's 事業名 is a project, its
/// 連携組織名 the organizing body, 構成自治体等 the participants, 申請額 the amount, and a
/// 年度 in the title or a column the fiscal year. Columns are known by words in their labels.
struct TableProjectReader {
    let title: [Unicode.Scalar]
    let records: [Record]

    func read(into registry: inout EntityRegistry) {
        guard !records.isEmpty else { return }   // the title is read for the records' fiscal year only
        let titleFiscalYear = DateScanner.scan(String(title)).compactMap { found -> Int? in
            if case .fiscalYear(let year) = found.kind { return year }
            return nil
        }.first
        for record in records {
            let project = value(record, labelled: ["事業名", "プロジェクト名", "取組名", "事業の名称"])
            guard let project, !project.isEmpty else { continue }
            var entity = ExtractedEntity(id: "", kind: .project, name: Self.undecorated(project))
            if let organizer = value(record, labelled: ["連携組織名", "団体名", "組織名", "実施主体", "事業主体"]) {
                entity.organizer = registry.addOrganization(named: Self.undecorated(organizer))
            }
            if let members = value(record, labelled: ["構成自治体", "構成団体", "参加自治体", "連携自治体", "実施自治体"]) {
                entity.participants = Self.items(of: members).compactMap { item in
                    registry.city(named: item) ?? registry.key(named: item)
                }
            }
            if let amount = value(record, labelled: ["申請額", "補助額", "交付額", "助成額", "事業費", "金額"]) {
                let digits = amount.filter(\.isNumber)
                entity.amountYen = Int(digits)
            }
            entity.fiscalYear = titleFiscalYear
            entity.evidenceText = record.text
            registry.projects.append(entity)
        }
    }

    private func value(_ record: Record, labelled words: [String]) -> String? {
        record.fields.first { field in words.contains { field.label.contains($0) } }?.value
            .precomposedStringWithCompatibilityMappingAndNFC()
    }

    /// A cell's name without table tags (【個別審査対象】), and without quote brackets that
    /// enclose the whole name (inner ones are part of it).
    static func undecorated(_ text: String) -> String {
        var result = ""
        var inTag = false
        for character in text {
            if character == "【" { inTag = true; continue }
            if character == "】" { inTag = false; continue }
            if !inTag { result.append(character) }
        }
        result = result.trimmingSpaces()
        if result.hasPrefix("「"), result.hasSuffix("」"), result.dropFirst().dropLast().firstIndex(of: "「") == nil {
            result = String(result.dropFirst().dropLast())
        }
        return result
    }

    /// Names listed in a cell: 「利島村、新島村、三宅村」.
    static func items(of cell: String) -> [String] {
        cell.split { "、,，・\n".contains($0) }.map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
    }
}

extension String {
    func precomposedStringWithCompatibilityMappingAndNFC() -> String {
        String(Extractor.prepare(self))
    }
}
