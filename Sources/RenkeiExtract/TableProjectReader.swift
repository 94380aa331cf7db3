internal import RenkeiCore

/// Projects from tables of joint projects and subsidies: a row's 事業名 is a project, its
/// 連携組織名 the organizing body, 構成自治体等 the participants, 申請額 the amount, and a
/// 年度 in the title or a column the fiscal year. Columns are known by words in their labels.
struct TableProjectReader {
    let title: [Unicode.Scalar]
    let records: [Record]
    let lines: [[Unicode.Scalar]]

    static let projectColumns = ["事業名", "プロジェクト名", "取組名", "事業の名称"]
    static let organizerColumns = ["連携組織名", "団体名", "組織名", "事業主体"]
    /// Columns of bodies that run the project with the others: 実施団体 and 協働団体 together.
    static let participantColumns = ["構成", "参加自治体", "連携自治体", "実施自治体", "実施団体", "協働団体", "実施主体"]
    static let amountColumns = ["申請額", "補助額", "交付額", "交付決定額", "助成額", "事業費", "金額"]

    func read(into registry: inout EntityRegistry) {
        let rows = PageTable.rows(records: records, lines: lines) { cells in
            cells.contains { cell in Self.projectColumns.contains(where: cell.contains) }
        }
        guard !rows.isEmpty else { return } // the title is read for the rows' fiscal year only
        let titleFiscalYear = Self.fiscalYear(in: String(title)) ?? lines.prefix(3).lazy.compactMap { Self.fiscalYear(in: String($0)) }.first
        for row in rows {
            guard let project = row.value(Self.projectColumns), !project.isEmpty else { continue }
            var entity = ExtractedEntity(id: "", kind: .project, name: Self.undecorated(project))
            let organizer = row.value(Self.organizerColumns).map(Self.undecorated).flatMap { $0.isEmpty ? nil : $0 }
            if let organizer { entity.organizer = registry.addOrganization(named: organizer) }
            entity.participants = row.values(Self.participantColumns).flatMap(Self.items).compactMap { item in
                registry.city(named: item) ?? registry.key(named: item) ?? registry.addOrganization(named: item)
            }.uniqued()
            if let amount = row.value(Self.amountColumns) { entity.amountYen = Self.yen(amount) }
            entity.fiscalYear = row.value(["年度"]).flatMap(Self.fiscalYear) ?? titleFiscalYear
            // The row as the text has it: the record's lines, or the table line.
            entity.evidenceText = row.line.map { String(lines[$0]) } ?? row.cells.map { "\($0.label): \($0.value)" }.joined(separator: "\n")
            registry.projects.append(entity)
        }
    }

    static func fiscalYear(in text: String) -> Int? {
        DateScanner.scan(text).compactMap { found -> Int? in
            if case .fiscalYear(let year) = found.kind { return year }
            return nil
        }.first
    }

    /// An amount in yen: `350,000`, `1,250千円`, `3.5百万円`; nil for 取下げ, 審査中.
    static func yen(_ cell: String) -> Int? {
        let number = cell.filter { $0.isNumber && $0.isASCII || $0 == "." }
        guard let value = Double(number), !number.isEmpty else { return nil }
        let unit: Double = cell.contains("百万円") ? 1_000_000 : cell.contains("千円") ? 1_000 : cell.contains("万円") ? 10_000 : 1
        return Int((value * unit).rounded())
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
