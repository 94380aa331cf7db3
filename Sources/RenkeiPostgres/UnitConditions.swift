internal import RenkeiCore

/// A search as SQL conditions on the unit `u`: a test on a GIN-indexed key array
/// (`SearchKeys`), which decides for a term of up to three characters, followed for a longer
/// one by the check that the term is in the unit's normalised title or text (exact), or a
/// needle of it in their fold (loose).
struct UnitConditions {
    private(set) var text: String
    private(set) var arguments: [SQLValue]

    private init(_ text: String, _ arguments: [SQLValue]) {
        self.text = text
        self.arguments = arguments
    }

    static let always = UnitConditions("true", [])

    /// The unit holds `term` (normalised) as written.
    static func exact(_ term: String) -> UnitConditions {
        holding(term, keys: "u.keys", title: "u.normalized_title", body: "u.normalized_body")
    }

    /// The unit's fold holds `needle` (a fold).
    static func folded(_ needle: String) -> UnitConditions {
        holding(needle, keys: "u.loose_keys", title: "u.folded_title", body: "u.folded_body")
    }

    private static func holding(_ term: String, keys: String, title: String, body: String) -> UnitConditions {
        guard !SearchKeys.decide(term) else { return UnitConditions("\(keys) @> ?::bigint[]", [.ints(SearchKeys.keys(of: term))]) }
        return UnitConditions(
            "(\(keys) @> ?::bigint[] AND (strpos(\(title), ?) > 0 OR strpos(\(body), ?) > 0))",
            [.ints(SearchKeys.keys(of: term)), .text(term), .text(term)])
    }

    /// The units matching `query` exactly, or, with `needles` (each term's loose needles by
    /// its normalised text), exactly or loosely; an excluded term excludes its exact matches.
    static func matching(_ query: SearchQuery, needles: [String: [String]]? = nil) -> UnitConditions {
        all(
            query.clauses.map { clause in
                switch clause {
                case .anyOf(let terms):
                    return any(
                        terms.map { term in
                            any([exact(term.normalized)] + (needles?[term.normalized] ?? []).map(folded))
                        })
                case .excluding(let term):
                    return exact(term.normalized).negated
                }
            })
    }

    /// The units that pass the search filter, by what their document names.
    static func passing(_ filter: SearchFilter) -> UnitConditions {
        var parts: [UnitConditions] = []
        for keys in filter.entitySets {
            parts.append(
                UnitConditions(
                    """
                    EXISTS (SELECT 1 FROM entity_name n JOIN entity e ON e.id = n.entity_id
                    WHERE n.document_id = u.document_id AND e.key = ANY(?::text[]))
                    """, [.texts(keys.map(\.rawValue))]))
        }
        if let kind = filter.entityKind {
            parts.append(
                UnitConditions(
                    """
                    EXISTS (SELECT 1 FROM entity_name n JOIN entity e ON e.id = n.entity_id
                    WHERE n.document_id = u.document_id AND e.kind = ?)
                    """, [.text(kind.rawValue)]))
        }
        if let year = filter.fiscalYear {
            parts.append(
                UnitConditions(
                    "EXISTS (SELECT 1 FROM document_year y WHERE y.document_id = u.document_id AND y.fiscal_year = ?)", [.int(year)]))
        }
        return all(parts)
    }

    static func all(_ parts: [UnitConditions]) -> UnitConditions {
        join(parts, with: " AND ", empty: always)
    }

    static func any(_ parts: [UnitConditions]) -> UnitConditions {
        join(parts, with: " OR ", empty: UnitConditions("false", []))
    }

    private static func join(_ parts: [UnitConditions], with separator: String, empty: UnitConditions) -> UnitConditions {
        guard parts.count > 1 else { return parts.first ?? empty }
        return UnitConditions("(" + parts.map(\.text).joined(separator: separator) + ")", parts.flatMap(\.arguments))
    }

    var negated: UnitConditions { UnitConditions("NOT " + text, arguments) }

    static func && (left: UnitConditions, right: UnitConditions) -> UnitConditions { all([left, right]) }
}
