internal import RenkeiCore

/// The entities of one document while it is read: one per real body, however it is written.
struct EntityRegistry {
    let gazetteer: Gazetteer
    private let bodyRecognizer = BodyRecognizer()
    private var placeRecognizer: PlaceRecognizer { PlaceRecognizer(gazetteer: gazetteer) }

    /// A named body or place, before it gets its document-local id.
    struct Entry {
        var kind: EntityKind
        var names: [String]
        var municipality: Municipality?
        var order: Int
    }

    private(set) var entries: [String: Entry] = [:]
    private var nextOrder = 0
    private var placeMentions: [PlaceRecognizer.Candidate] = []
    /// How each ambiguous place name was resolved (nil: left unresolved).
    private var resolved: [String: Municipality?] = [:]
    private var placeCounts: [String: Int] = [:]
    var agreements: [ExtractedEntity] = []
    var projects: [ExtractedEntity] = []
    /// For each line, the nearest numbered heading at or above it that names bodies
    /// (「2.イオン株式会社」), with those bodies' keys; filled by `indexSections`.
    private(set) var headingAtOrBefore: [(line: Int, bodies: [String])?] = []

    /// Finds the numbered headings that name bodies, once per document.
    mutating func indexSections(_ lines: [[Unicode.Scalar]]) {
        var current: (line: Int, bodies: [String])? = nil
        headingAtOrBefore = lines.enumerated().map { index, line in
            // A heading that names bodies has a Japanese character (manuals number thousands of English lines).
            if line.count <= 60, let first = line.first(where: { !$0.isWhitespace }), ("0"..."9").contains(first),
                line.contains(where: { !$0.isASCII }),
                line.contains(".") || line.contains("．")
            {
                let bodies = parties(in: line).filter { $0.hasPrefix("body:") }
                if !bodies.isEmpty { current = (index, bodies) }
            }
            return current
        }
    }

    /// The section heading above line `index`, if any.
    func sectionHeading(before index: Int) -> (line: Int, bodies: [String])? {
        index > 0 && index - 1 < headingAtOrBefore.count ? headingAtOrBefore[index - 1] : nil
    }

    /// Agreement blocks by line: the block's line, its section heading's line, its index in `agreements`.
    var agreementBlocks: [(line: Int, section: Int?, agreement: Int)] = []

    init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
    }

    // MARK: Reading

    mutating func read(_ line: [Unicode.Scalar]) {
        // Every legal form, list label and place name has a Japanese character, so a line
        // of ASCII alone (most lines of English documentation) names nothing.
        guard line.contains(where: { !$0.isASCII }) else { return }
        let bodies = bodyRecognizer.candidates(in: line)
        for body in bodies { add(body) }
        for company in Self.listedCompanies(in: line) { add(company) }
        let covered = bodies.map(\.range)
        placeMentions += placeRecognizer.candidates(in: line, skipping: covered)
    }

    /// Adds a body by its candidate; returns its key.
    @discardableResult
    mutating func add(_ body: BodyRecognizer.Candidate) -> String {
        let key = "body:\(body.kind.rawValue):\(Self.squeeze(body.core))"
        var entry = entries[key] ?? Entry(kind: body.kind, names: [], order: takeOrder())
        for name in [body.name] + body.aliases + (body.core != body.name && body.kind != .university ? [body.core] : [])
        where !entry.names.contains(name) {
            entry.names.append(name)
        }
        entries[key] = entry
        return key
    }

    /// Labels of lists whose items are companies: 「参加企業: 京王電鉄、京王バス、JR東日本」.
    static let companyListLabels = ["参加企業", "協力企業", "協賛企業", "連携企業"]

    /// The items of a labelled company list, as company candidates. A municipality's own
    /// service (調布市コミュニティバス) is not a company.
    static func listedCompanies(in line: [Unicode.Scalar]) -> [BodyRecognizer.Candidate] {
        var result: [BodyRecognizer.Candidate] = []
        guard line.contains("企") else { return result } // every label ends in 企業
        for label in companyListLabels.map({ Array($0.unicodeScalars) }) {
            var index = 0
            while index < line.count {
                guard line[index] == label[0], BodyRecognizer.matches(line, label, at: index) else {
                    index += 1
                    continue
                }
                var start = index + label.count
                guard start < line.count, line[start] == ":" || line[start] == "：" else {
                    index += 1
                    continue
                }
                start += 1
                var end = start
                while end < line.count, !")）。\n".unicodeScalars.contains(line[end]) { end += 1 }
                var itemStart = start
                for position in start...end where position == end || line[position] == "、" || line[position] == "," {
                    var item = String(line[itemStart..<position]).trimmingSpaces()
                    for tail in ["など", "等"] where item.hasSuffix(tail) { item = String(item.dropLast(tail.count)) }
                    if BodyRecognizer.isName(item), !Gazetteer.shared.startsWithMunicipality(item) {
                        result.append(BodyRecognizer.Candidate(kind: .company, name: item, core: item, range: itemStart..<position))
                    }
                    itemStart = position + 1
                }
                index = end
            }
        }
        return result
    }

    /// Adds an organization written as a whole (a table's 連携組織名 cell).
    @discardableResult
    mutating func addOrganization(named name: String) -> String? {
        guard name.count >= 2 else { return nil }
        let recognized = bodyRecognizer.candidates(in: Array(name.unicodeScalars))
        if let whole = recognized.first(where: { $0.range == 0..<name.unicodeScalars.count }) { return add(whole) }
        return add(BodyRecognizer.Candidate(kind: .organization, name: name, core: name, range: 0..<name.unicodeScalars.count))
    }

    private mutating func takeOrder() -> Int {
        nextOrder += 1
        return nextOrder
    }

    // MARK: Places

    /// Decides each place mention's municipality: the prefecture written before it, else the
    /// designated city the page names, else the page's prevailing prefecture; otherwise a
    /// name shared by several municipalities stays unresolved (never guessed).
    mutating func resolvePlaces() {
        var prefectureVotes: [String: Int] = [:]
        for mention in placeMentions where mention.candidates.count == 1 {
            prefectureVotes[mention.candidates[0].prefecture, default: 0] += 1
        }
        let prevailing = prefectureVotes.max { $0.value < $1.value }?.key
        let writtenCities = Set(placeMentions.filter { $0.candidates.count == 1 }.map(\.name))
        for mention in placeMentions {
            let municipality = choose(mention, prevailing: prevailing, writtenCities: writtenCities)
            if mention.candidates.count > 1, municipality == nil, mention.candidates.allSatisfy({ $0.kind == .designatedWard }) {
                continue // 南区 with no city to belong to: not a ward we can name
            }
            let key = placeKey(mention.name, municipality)
            let isPrefecture = municipality?.kind == .prefecture
            var entry = entries[key] ?? Entry(kind: isPrefecture ? .prefecture : .city, names: [], municipality: municipality, order: takeOrder())
            let primary = municipality.map { $0.kind == .designatedWard ? $0.shortName : $0.name } ?? mention.name
            var names = [primary, mention.name]
            if let office = mention.office { names.append(office) }
            if let prefecture = mention.writtenPrefecture { names.append(prefecture + mention.name) }
            for name in names where !entry.names.contains(name) { entry.names.append(name) }
            entries[key] = entry
            placeCounts[key, default: 0] += 1
            resolved[mention.name] = municipality
        }
    }

    private func choose(_ mention: PlaceRecognizer.Candidate, prevailing: String?, writtenCities: Set<String>) -> Municipality? {
        let candidates = mention.candidates
        if candidates.count == 1 { return candidates[0] }
        if let written = mention.writtenPrefecture {
            let matching = candidates.filter { $0.prefecture == written }
            if matching.count == 1 { return matching[0] }
        }
        let inNamedCity = candidates.filter { $0.parentCityName.map(writtenCities.contains) ?? false }
        if inNamedCity.count == 1 { return inNamedCity[0] }
        if let prevailing {
            let inPrefecture = candidates.filter { $0.prefecture == prevailing }
            if inPrefecture.count == 1 { return inPrefecture[0] }
        }
        return nil
    }

    private func placeKey(_ name: String, _ municipality: Municipality?) -> String {
        "place:" + (municipality?.code ?? name)
    }

    /// The city the page is about: the most often named one.
    func pageCity() -> String? {
        placeCounts.filter { entries[$0.key]?.kind == .city }
            .max { ($0.value, -(entries[$0.key]?.order ?? 0)) < ($1.value, -(entries[$1.key]?.order ?? 0)) }?.key
    }

    // MARK: Lookups for relations

    /// Keys of the bodies and cities named in `line[range]`, in text order; with
    /// `outsideParentheses`, those written inside （…） are left out (a chairman's company).
    func parties(in line: [Unicode.Scalar], range: Range<Int>? = nil, outsideParentheses: Bool = true) -> [String] {
        var seen: Set<String> = []
        return partyMentions(in: line, range: range, outsideParentheses: outsideParentheses).map(\.key).filter { seen.insert($0).inserted }
    }

    /// The bodies, cities and prefectures named in `line[range]` with where each starts, in
    /// text order. A prefecture written before a city (東京都日野市) is part of the city's name.
    func partyMentions(in line: [Unicode.Scalar], range: Range<Int>? = nil, outsideParentheses: Bool = true) -> [(position: Int, key: String)] {
        let bounds = range ?? 0..<line.count
        let depth = Self.parenthesisDepth(line)
        let bodies = bodyRecognizer.candidates(in: line)
        var found: [(position: Int, key: String)] = []
        for body in bodies where bounds.contains(body.range.lowerBound) && (!outsideParentheses || depth[body.range.lowerBound] == 0) {
            let key = "body:\(body.kind.rawValue):\(Self.squeeze(body.core))"
            if entries[key] != nil { found.append((body.range.lowerBound, key)) }
        }
        let places = placeRecognizer.candidates(in: line, skipping: bodies.map(\.range))
        for (index, place) in places.enumerated()
        where bounds.contains(place.range.lowerBound) && (!outsideParentheses || depth[place.range.lowerBound] == 0) {
            guard let municipality = resolved[place.name] ?? nil else { continue }
            if municipality.kind == .prefecture, index + 1 < places.count, places[index + 1].range.lowerBound == place.range.upperBound { continue }
            // A prefecture is a party where it is listed (山形県と, 福岡県及び), not where it
            // describes others (山梨県・長野県の5市町) or places them (県内の).
            if municipality.kind == .prefecture, place.range.upperBound < line.count,
                !"と及並、はが(（,".unicodeScalars.contains(line[place.range.upperBound])
            {
                continue
            }
            found.append((place.range.lowerBound, placeKey(place.name, municipality)))
        }
        return found.sorted { $0.position < $1.position }
    }

    /// Every name of a body (three characters or more), longest first, with its key.
    func writtenForms() -> [(name: [Unicode.Scalar], key: String)] {
        entries.filter { $0.value.kind == .company || $0.value.kind == .university || $0.value.kind == .organization }
            .flatMap { entry in entry.value.names.filter { $0.count >= 3 }.map { (Array($0.unicodeScalars), entry.key) } }
            .sorted { ($0.name.count, $0.key) > ($1.name.count, $1.key) }
    }

    /// The keys of every city the page names.
    func cityKeys() -> Set<String> {
        Set(entries.filter { $0.value.kind == .city }.map(\.key))
    }

    /// The kind of the entity under `key`.
    func kind(of key: String) -> EntityKind? { entries[key]?.kind }

    /// The names of the entity under `key`.
    func names(of key: String) -> [String] { entries[key]?.names ?? [] }

    /// The key of the body or city written exactly as `name`, if any.
    func key(named name: String) -> String? {
        let squeezed = Self.squeeze(name)
        if let resolvedPlace = resolved[name], let municipality = resolvedPlace { return placeKey(name, municipality) }
        return entries.first { $0.value.names.contains { Self.squeeze($0) == squeezed } }?.key
    }

    /// Adds a city by the name a table cell gives, if the gazetteer knows it.
    mutating func city(named name: String) -> String? {
        if let key = key(named: name) { return key }
        let candidates = gazetteer.candidates(named: name).filter { $0.kind != .prefecture }
        guard candidates.count == 1, let municipality = candidates.first else { return nil }
        let key = placeKey(name, municipality)
        var entry = entries[key] ?? Entry(kind: .city, names: [], municipality: municipality, order: takeOrder())
        if !entry.names.contains(name) { entry.names.append(name) }
        entries[key] = entry
        resolved[name] = municipality
        return key
    }

    static func squeeze(_ text: String) -> String {
        text.filter { !$0.isWhitespace }
    }

    /// For each character, how many （ or ( are open before it.
    static func parenthesisDepth(_ line: [Unicode.Scalar]) -> [Int] {
        var depth = 0
        var result: [Int] = []
        for character in line {
            if character == "(" || character == "（" { depth += 1 }
            result.append(depth)
            if character == ")" || character == "）" { depth = max(0, depth - 1) }
        }
        return result
    }

    // MARK: Output

    /// Every entity with its document-local id: bodies and places `e…` in order of first
    /// mention, agreements `a…`, projects `p…`; relation keys replaced by those ids.
    func entities() -> [ExtractedEntity] {
        var idOfKey: [String: String] = [:]
        var result: [ExtractedEntity] = []
        let (merged, mergedInto) = mergingShortForms()
        for (key, entry) in merged.sorted(by: { $0.value.order < $1.value.order }) {
            let id = "e\(result.count + 1)"
            idOfKey[key] = id
            var entity = ExtractedEntity(id: id, kind: entry.kind, name: Self.fullest(entry.names, kind: entry.kind))
            entity.aliases = entry.names.filter { $0 != entity.name }
            if let municipality = entry.municipality {
                entity.code = municipality.code
                entity.prefecture = municipality.prefecture
                entity.corporateNumber = municipality.corporateNumber
                if municipality.kind == .designatedWard, !entity.aliases.contains(municipality.name), entity.name != municipality.name {
                    entity.aliases.append(municipality.name)
                }
            }
            result.append(entity)
        }
        for (short, long) in mergedInto { idOfKey[short] = idOfKey[long] }
        let mapKeys = { (keys: [String]) in keys.compactMap { idOfKey[$0] }.uniqued() }
        for (index, var agreement) in agreements.enumerated() {
            agreement.id = "a\(index + 1)"
            agreement.parties = mapKeys(agreement.parties)
            idOfKey["agreement:\(index)"] = agreement.id
            result.append(agreement)
        }
        for (index, var project) in projects.enumerated() {
            project.id = "p\(index + 1)"
            project.participants = mapKeys(project.participants)
            project.organizer = project.organizer.flatMap { idOfKey[$0] }
            project.agreement = project.agreement.flatMap { idOfKey[$0] }
            result.append(project)
        }
        return result
    }

    /// Bodies written as the end of a longer body's name (日野市広域連携事業協議会 within
    /// 多摩市・日野市広域連携事業協議会) are that body: their names become its aliases.
    private func mergingShortForms() -> ([String: Entry], [String: String]) {
        var merged = entries
        var mergedInto: [String: String] = [:]
        let bodies = entries.filter { $0.value.kind == .organization || $0.value.kind == .company || $0.value.kind == .university }
        for (key, entry) in bodies {
            let longer = bodies.filter { other in
                other.key != key && other.value.kind == entry.kind
                    && other.value.names.contains { long in entry.names.contains { long.count > $0.count && long.hasSuffix($0) } }
            }
            guard longer.count == 1, let target = longer.first else { continue }
            guard var targetEntry = merged[target.key] else { continue }
            targetEntry.names += entry.names.filter { !targetEntry.names.contains($0) }
            merged[target.key] = targetEntry
            merged[key] = nil
            mergedInto[key] = target.key
        }
        return (merged, mergedInto)
    }

    /// The fullest form written: the longest, preferring one with its legal form.
    private static func fullest(_ names: [String], kind: EntityKind) -> String {
        if kind == .city || kind == .prefecture { return names[0] }
        if kind == .university { return names[0] }
        // A branch form (…丸亀支店) names the company only when nothing else does.
        let companyForms = names.filter { name in !BodyRecognizer.branchWords.contains(where: name.hasSuffix) }
        let candidates = companyForms.isEmpty ? names : companyForms
        return candidates.max { ($0.count, -(names.firstIndex(of: $0) ?? 0)) < ($1.count, -(names.firstIndex(of: $1) ?? 0)) } ?? names[0]
    }
}
