internal import Foundation
internal import RenkeiCore

/// A Japanese local government from `municipalities.csv` (総務省's 全国地方公共団体コード).
package struct Municipality: Hashable, Sendable {
    package enum Kind: String, Sendable {
        case prefecture, designatedCity = "designated_city", city, town, village
        case specialWard = "special_ward", designatedWard = "designated_ward"
    }

    /// 6-digit 全国地方公共団体コード, check digit included.
    package var code: String
    package var prefecture: String
    /// Official name; a designated city's ward with its city: 横浜市磯子区.
    package var name: String
    package var kind: Kind

    /// The name written without its city, for wards of designated cities: 磯子区.
    package var shortName: String {
        guard kind == .designatedWard, let cityEnd = name.firstIndex(of: "市") else { return name }
        return String(name[name.index(after: cityEnd)...])
    }

    /// The designated city a ward belongs to: 横浜市 for 横浜市磯子区.
    package var parentCityName: String? {
        guard kind == .designatedWard, let cityEnd = name.firstIndex(of: "市") else { return nil }
        return String(name[...cityEnd])
    }

    /// 法人番号: a check digit, then `000020` and the 団体コード (国税庁's rule for local governments).
    package var corporateNumber: String {
        let base = "000020" + code
        let digits = base.compactMap(\.wholeNumberValue).reversed()
        let sum = digits.enumerated().reduce(0) { total, pair in total + pair.element * (pair.offset % 2 == 0 ? 1 : 2) }
        return String(9 - sum % 9) + base
    }
}

/// Every local government by the names texts use for it.
package struct Gazetteer: Sendable {
    package let municipalities: [Municipality]
    /// Name as written → candidates (several for 府中市, 伊達市, 南区 …).
    private let byName: [String: [Municipality]]
    /// The longest name, in characters, to bound the scan.
    package let longestName: Int

    /// The gazetteer shipped with Renkei.
    package static let shared: Gazetteer = {
        guard let url = Bundle.module.url(forResource: "municipalities", withExtension: "csv"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { fatalError("municipalities.csv is missing from the RenkeiExtract bundle") }
        return Gazetteer(csv: text)
    }()

    package init(csv: String) {
        var municipalities: [Municipality] = []
        for line in csv.split(whereSeparator: \.isNewline).dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 5, let kind = Municipality.Kind(rawValue: fields[4]) else { continue }
            municipalities.append(Municipality(code: fields[0], prefecture: fields[1], name: fields[2], kind: kind))
        }
        var byName: [String: [Municipality]] = [:]
        for municipality in municipalities {
            byName[municipality.name, default: []].append(municipality)
            if municipality.kind == .designatedWard {
                byName[municipality.shortName, default: []].append(municipality)
            }
        }
        self.municipalities = municipalities
        self.byName = byName
        self.longestName = byName.keys.map(\.count).max() ?? 0
    }

    package func candidates(named name: String) -> [Municipality] {
        byName[name] ?? []
    }

    /// Whether `text` begins with a municipality's name (調布市コミュニティバス).
    package func startsWithMunicipality(_ text: String) -> Bool {
        let characters = Array(text)
        for length in stride(from: min(longestName, characters.count), through: 2, by: -1)
        where !candidates(named: String(characters[0..<length])).filter({ $0.kind != .prefecture }).isEmpty {
            return true
        }
        return false
    }

    package func prefecture(named name: String) -> Municipality? {
        byName[name]?.first { $0.kind == .prefecture }
    }
}
