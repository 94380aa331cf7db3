internal import Foundation
internal import RenkeiCore

/// The order of the units that match a query only loosely (they follow every exact hit): the
/// bm25 of exact hits (k1 1.2, b 0.75, a title occurrence worth `IndexStore.rankWeights`), with
/// each term's frequency counted in the unit's fold — every occurrence of any of its needles —
/// and its IDF from the loose units that hold it. Scores are negative, better first, as
/// FTS5's are; ties keep index order.
///
/// Counting needs each unit's fold; past `rankedAtMost` loose units (a query of one common
/// kana, say), folding them all would cost more than the page is worth, so they keep index
/// order and score 0.
struct LooseRanking {
    static let rankedAtMost = 2_000
    private static let k1 = 1.2, b = 0.75

    /// The needles of each included term of the query, one list per term.
    let termNeedles: [[String]]

    /// `units` (ascending ids) best first, with their scores.
    func ranked(_ units: [Int64], checker: LooseChecker, catalog: SearchCatalog) throws -> [(unit: Int64, score: Double)] {
        guard units.count <= Self.rankedAtMost, !termNeedles.isEmpty else { return units.map { ($0, 0) } }
        var frequencies = [[Double]](repeating: [], count: units.count)
        var holders = [Int](repeating: 0, count: termNeedles.count)
        for (index, unit) in units.enumerated() {
            guard let folds = try checker.folds(of: unit) else {
                frequencies[index] = termNeedles.map { _ in 0 }
                continue
            }
            frequencies[index] = termNeedles.enumerated().map { term, needles in
                let frequency = needles.reduce(0.0) { sum, needle in
                    sum + IndexStore.rankWeights.title * Double(ByteSearch.count(of: needle, in: folds.title))
                        + IndexStore.rankWeights.body * Double(ByteSearch.count(of: needle, in: folds.body))
                }
                if frequency > 0 { holders[term] += 1 }
                return frequency
            }
        }
        let rows = Double(catalog.unitCount)
        let inverseFrequencies = holders.map { held in max(1e-6, log((rows - Double(held) + 0.5) / (Double(held) + 0.5))) }
        let averageLength = catalog.averageUnitTokens
        let scored = units.enumerated().map { index, unit in
            let length = Int(unit) < catalog.unitTokens.count ? Double(max(0, catalog.unitTokens[Int(unit)])) : averageLength
            let lengthFactor = Self.k1 * (1 - Self.b + Self.b * length / averageLength)
            var score = 0.0
            for (term, frequency) in frequencies[index].enumerated() {
                score += inverseFrequencies[term] * (frequency * (Self.k1 + 1)) / (frequency + lengthFactor)
            }
            return (unit: unit, score: -score)
        }
        // Sorting is stable on equal scores only with the index as a second key.
        return scored.enumerated().sorted { $0.element.score != $1.element.score ? $0.element.score < $1.element.score : $0.offset < $1.offset }
            .map(\.element)
    }
}
