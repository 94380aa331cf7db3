internal import RenkeiCore

/// Cities, wards and prefectures named in a line, by leftmost-longest lookup in the gazetteer.
///
/// Leftmost-longest is what keeps 京都市 out of 東京都市町村 (東京都 is read first). Places
/// inside a recognised body (日野市 in 日野市社会福祉協議会) are skipped by the caller.
struct PlaceRecognizer {
    let gazetteer: Gazetteer

    /// Every name in the gazetteer ends with one of these; other lengths need no lookup.
    static let placeEndings: ScalarSet = ["市", "区", "町", "村", "都", "道", "府", "県"]

    private func startsAMunicipality(_ line: [Unicode.Scalar], at index: Int) -> Bool {
        for length in stride(from: min(gazetteer.longestName, line.count - index), through: 2, by: -1)
        where Self.placeEndings.contains(line[index + length - 1]) && !gazetteer.candidates(named: String(line[index..<(index + length)])).isEmpty {
            return true
        }
        return false
    }

    /// Words after a prefecture that leave it a place of its own: 〜県内, 〜県全域, 京都府北部, and
    /// a county before the town (秋田県仙北郡美郷町).
    static let prefectureContinuations = ["内", "全域", "全体", "全県", "北部", "南部", "東部", "西部", "中部", "外", "知事", "庁"]

    static func standsAlone(_ line: [Unicode.Scalar], after index: Int) -> Bool {
        if prefectureContinuations.contains(where: { BodyRecognizer.matches(line, $0, at: index) }) {
            // 県内企業 is still the prefecture; 県立 and 県民 are not among the words.
            return true
        }
        var probe = index
        while probe < line.count, probe - index <= 5, TextClasses.isKanji(line[probe]) || TextClasses.isHiragana(line[probe]) {
            if line[probe] == "郡", probe > index { return true }
            probe += 1
        }
        return false
    }

    struct Candidate: Hashable {
        var name: String
        var candidates: [Municipality]
        var range: Range<Int>
        /// 役所 / 役場 written after the name.
        var office: String?
        /// The prefecture written right before, as in 東京都日野市.
        var writtenPrefecture: String?
    }

    func candidates(in line: [Unicode.Scalar], skipping covered: [Range<Int>]) -> [Candidate] {
        var found: [Candidate] = []
        // No name starts after the last character that can end one (most lines have none).
        let endings = Self.placeEndings
        guard let lastEnding = line.lastIndex(where: { endings.contains($0) }) else { return found }
        var index = 0
        while index < lastEnding {
            if covered.contains(where: { $0.contains(index) }) {
                index += 1
                continue
            }
            var matched: Candidate?
            for length in stride(from: min(gazetteer.longestName, line.count - index), through: 2, by: -1)
            where endings.contains(line[index + length - 1]) {
                let name = String(line[index..<(index + length)])
                let municipalities = gazetteer.candidates(named: name)
                guard !municipalities.isEmpty else { continue }
                let end = index + length
                if covered.contains(where: { $0.overlaps(index..<end) }) { continue }
                var office: String?
                for suffix in ["役所", "役場"] where BodyRecognizer.matches(line, suffix, at: end) { office = name + suffix }
                matched = Candidate(name: name, candidates: municipalities, range: index..<end, office: office)
                break
            }
            guard var match = matched else {
                index += 1
                continue
            }
            // A prefecture running on into a longer word is part of a name (東京都市町村ポッチャ大会),
            // unless a city follows it (東京都日野市).
            if match.candidates.contains(where: { $0.kind == .prefecture }), match.range.upperBound < line.count,
                TextClasses.isKanji(line[match.range.upperBound]) || TextClasses.isKatakana(line[match.range.upperBound]),
                !startsAMunicipality(line, at: match.range.upperBound), !Self.standsAlone(line, after: match.range.upperBound)
            {
                index = match.range.upperBound
                continue
            }
            if let previous = found.last, previous.range.upperBound == match.range.lowerBound,
                previous.candidates.contains(where: { $0.kind == .prefecture })
            {
                match.writtenPrefecture = previous.name
            }
            found.append(match)
            index = match.range.upperBound
        }
        return found
    }
}
