internal import RenkeiCore

/// One place on a page that reports an agreement: a signing sentence, a labelled block, a table
/// row or a line of a list of counterparts. `AgreementCoreference` merges the mentions of one
/// agreement (the headline, the body, the block) into one entity.
struct AgreementMention {
    enum Source: Int, Comparable {
        /// A 協定 compound or title read from running text.
        case clause
        /// A 協定名 label, a table's name cell, a bracketed title.
        case label

        static func < (lhs: Source, rhs: Source) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    var designation: AgreementDesignation
    var source: Source
    /// Registry keys, the publisher included where the text implies it.
    var parties: [String]
    var signed: JapaneseDate?
    var topics: [String] = []
    var line: Int
    var evidence: String
    /// 「…とそれぞれ協定を締結」: one agreement per counterpart, not one for all of them.
    var separately = false
    /// The parties come from a list that names them all (締結者: …), so the publisher is not added.
    var completeParties = false
    /// The line of the numbered heading whose block this is (1.多摩信用金庫), for the projects listed under it.
    var section: Int?

    /// The strength of the name: a bracketed or labelled title over a descriptive one over a compound.
    var nameRank: Int {
        source == .label || designation.bracketed ? 2 : (designation.titled ? 1 : 0)
    }
}

extension JapaneseDate {
    /// Whether two dates can be the same day: equal where both are known.
    func isCompatible(with other: JapaneseDate) -> Bool {
        year == other.year && (month == nil || other.month == nil || month == other.month)
            && (day == nil || other.day == nil || day == other.day)
    }

    /// The more precise of two compatible dates.
    func moreSpecific(_ other: JapaneseDate) -> JapaneseDate {
        (day != nil ? 2 : month != nil ? 1 : 0) >= (other.day != nil ? 2 : other.month != nil ? 1 : 0) ? self : other
    }
}
