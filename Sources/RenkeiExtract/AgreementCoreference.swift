internal import RenkeiCore

/// Merges the mentions of one agreement into one: the headline, the body, the labelled block
/// and a caption that report the same parties (and no other date) are one agreement; different
/// parties or dates stay apart, and a name alone never merges two (two companies each signing a
/// 包括連携協定 are two agreements).
///
/// | Mentions                                                             | Agreements     |
/// |----------------------------------------------------------------------|----------------|
/// | 包括連携協定 {A市, B社} ; 「…に関する協定」 {A市, B社} 2024-05-10       | one, titled    |
/// | 包括連携協定 {A市, B社} 2024-05-10 ; 包括連携協定 {A市, C社} 2024-06-01 | two            |
/// | 協定 {A市, B社, C社} ; それぞれ: {A市, B社} ; {A市, C社}                 | two (a summary) |
enum AgreementCoreference {
    static func merge(_ mentions: [AgreementMention], publisher: String?, publisherUnnamed: Bool) -> [AgreementMention] {
        // A mention needs a counterpart: someone besides the publisher (or a named party on a
        // page whose author is unnamed).
        func counterparts(_ mention: AgreementMention) -> Set<String> { Set(mention.parties.filter { $0 != publisher }) }
        var merged: [AgreementMention] = []
        var partyless: [AgreementMention] = []
        for mention in mentions {
            if counterparts(mention).isEmpty {
                partyless.append(mention)
                continue
            }
            if let index = merged.firstIndex(where: { sameAgreement($0, mention) }) {
                merged[index] = combine(merged[index], mention)
            } else {
                merged.append(mention)
            }
        }
        // A mention without counterparts (a headline, a block without its parties) adds to the
        // agreement of its name, when exactly one has it.
        for mention in partyless {
            let matching = merged.indices.filter { namesMatch(merged[$0], mention) && datesMatch(merged[$0], mention) }
            if matching.count == 1 {
                merged[matching[0]] = combine(merged[matching[0]], mention, keepParties: true)
            } else if matching.isEmpty, publisherUnnamed, !mention.parties.isEmpty || mention.source == .label {
                merged.append(mention)
            }
        }
        // A summary of separate signings: the union of two or more agreements with one date.
        let all = merged
        merged.removeAll { candidate in
            let parts = all.filter { other in
                other.separately && other.parties.count < candidate.parties.count
                    && Set(other.parties).isSubset(of: Set(candidate.parties)) && namesMatch(other, candidate)
            }
            return parts.count >= 2
        }
        return merged
    }

    static func sameAgreement(_ a: AgreementMention, _ b: AgreementMention) -> Bool {
        guard datesMatch(a, b) else { return false }
        let pa = Set(a.parties), pb = Set(b.parties)
        // The same parties: one agreement, whatever the headline calls it, unless two titles
        // of the page's own differ (two agreements between the same bodies).
        if pa == pb { return namesMatch(a, b) || min(a.nameRank, b.nameRank) < 2 }
        guard namesMatch(a, b) else { return false }
        // The same signing read once with and once without a party a list left out.
        if a.separately || b.separately { return false }
        return (pa.isSubset(of: pb) || pb.isSubset(of: pa)) && (a.signed != nil && b.signed != nil || a.designation.name == b.designation.name)
    }

    static func datesMatch(_ a: AgreementMention, _ b: AgreementMention) -> Bool {
        guard let da = a.signed, let db = b.signed else { return true }
        return da.isCompatible(with: db)
    }

    /// Two designations can name one agreement unless both are titles and differ: a compound
    /// (包括連携協定) or a title inside the other fits either.
    static func namesMatch(_ a: AgreementMention, _ b: AgreementMention) -> Bool {
        let na = names(a), nb = names(b)
        if !na.isDisjoint(with: nb) { return true }
        if a.nameRank == 0 || b.nameRank == 0 { return true }
        let stem = { (name: String) in name.hasSuffix("書") ? String(name.dropLast()) : name }
        return na.contains { x in nb.contains { y in stem(x).contains(stem(y)) || stem(y).contains(stem(x)) } }
    }

    static func names(_ mention: AgreementMention) -> Set<String> {
        Set([mention.designation.name] + mention.designation.aliases)
    }

    /// One mention from two: the stronger name (the others become aliases), every party, the
    /// more precise date, the topics of either.
    static func combine(_ a: AgreementMention, _ b: AgreementMention, keepParties: Bool = false) -> AgreementMention {
        var result = b.nameRank > a.nameRank ? b : a
        let other = b.nameRank > a.nameRank ? a : b
        result.parties = keepParties ? a.parties : (a.parties + b.parties).uniqued()
        result.signed = a.signed.map { date in b.signed.map(date.moreSpecific) ?? date } ?? b.signed
        result.topics = a.topics.isEmpty ? b.topics : a.topics
        result.line = min(a.line, b.line)
        result.section = a.section ?? b.section
        result.separately = a.separately || b.separately
        result.evidence = a.signed == nil && b.signed != nil ? b.evidence : a.evidence
        for name in [other.designation.name] + other.designation.aliases + result.designation.aliases
        where name != result.designation.name && !result.designation.aliases.contains(name) && name.count > 2 {
            result.designation.aliases.append(name)
        }
        return result
    }
}
