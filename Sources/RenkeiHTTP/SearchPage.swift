internal import Foundation
internal import Hummingbird
internal import RenkeiCore
internal import RenkeiQuery

/// The staff search page (`search.mustache`): works without JavaScript, keeps the query and
/// filters, shows highlighted snippets, facet links, pagination, and a no-results state
/// that says which word or filter emptied the list.
struct SearchPage: Sendable {
    let index: RenkeiIndex
    let templates: PageTemplates
    static let pageSize = 10

    struct Context {
        struct Hidden { var name: String; var value: String }
        struct ActiveFilter { var label: String; var removeHref: String }
        struct Summary { var total: Int; var first: Int; var last: Int }
        struct Snippet { var marked: MarkedText; var page: [Int] }
        struct Hit { var id: String; var url: [String]; var title: MarkedText; var snippets: [Snippet] }
        struct NoResults { var query: String; var reasons: [String]; var tips: [String] }
        struct FacetValue { var label: String; var count: Int; var href: String; var selected: Bool; var entityHref: [String] }
        struct FacetGroup { var heading: String; var values: [FacetValue] }
        struct MatchSwitch { var label: String; var href: String }

        var pageTitle: String
        var query: String
        var hiddenFilters: [Hidden] = []
        var hasFilters = false
        var activeFilters: [ActiveFilter] = []
        var notices: [String] = []
        var summary: [Summary] = []
        var hasHits = false
        var start = 1
        var hits: [Hit] = []
        /// Hits found only through 表記ゆれ, listed after the exact ones.
        var hasLooseHits = false
        var looseStart = 1
        var looseHits: [Hit] = []
        /// The link to the other match mode (exact only, or with 表記ゆれ).
        var matchSwitch: [MatchSwitch] = []
        var noResults: [NoResults] = []
        var previous: [String] = []
        var next: [String] = []
        var hasFacets = false
        var facetGroups: [FacetGroup] = []
    }

    func render(_ parameters: QueryParameters) async throws -> CachedResponse {
        let query = parameters.string("q") ?? ""
        var context = Context(pageTitle: (query.isEmpty ? "" : query + " - ") + "Renkei 文書検索", query: query)
        var status = HTTPResponse.Status.ok
        do {
            let filters = try parameters.searchFilters()
            let page = try parameters.integer("page", default: 1, in: 1...1_000)
            let match = try parameters.choice("match", as: MatchMode.self) ?? .loose
            context.hiddenFilters = Self.fields(filters).map { Context.Hidden(name: $0.name, value: $0.value) }
            if match == .exact { context.hiddenFilters.append(Context.Hidden(name: "match", value: "exact")) }
            context.activeFilters = Self.fields(filters).map { field in
                var rest = filters
                rest[keyPath: field.keyPath] = nil
                return Context.ActiveFilter(label: field.label, removeHref: Self.href(query: query, filters: rest, match: match))
            }
            context.hasFilters = !context.activeFilters.isEmpty
            if !query.trimmingCharacters(in: .whitespaces).isEmpty {
                let results = try index.search(
                    query, filters: filters, limit: Self.pageSize, offset: (page - 1) * Self.pageSize, facets: true, match: match)
                fill(&context, results: results, filters: filters, page: page)
            }
        } catch let error as QueryError {
            status = .badRequest
            context.notices.append(error.message)
        } catch let problem as Problem where problem.status == .badRequest {
            status = .badRequest
            context.notices.append(problem.detail)
        }
        return try templates.rendered("search", context, status: status)
    }

    private func fill(_ context: inout Context, results: SearchResults, filters: SearchFilters, page: Int) {
        let query = results.query
        let match = results.match
        context.notices += results.notices
        func hit(_ hit: SearchHit) -> Context.Hit {
            Context.Hit(
                id: hit.id, url: DocumentID.webURL(hit.document).map { [$0] } ?? [],
                title: MarkedText(hit.title, highlights: hit.titleHighlights),
                snippets: hit.snippets.map {
                    Context.Snippet(marked: MarkedText($0.text, highlights: $0.highlights), page: $0.page.map { [$0] } ?? [])
                })
        }
        context.hits = results.hits.filter { $0.match == .exact }.map(hit)
        context.looseHits = results.hits.filter { $0.match == .loose }.map(hit)
        context.hasLooseHits = !context.looseHits.isEmpty
        context.hasHits = !results.hits.isEmpty
        context.start = results.offset + 1
        context.looseStart = results.offset + context.hits.count + 1
        context.matchSwitch = [
            match == .loose
                ? .init(label: "完全一致のみ表示", href: Self.href(query: query, filters: filters, match: .exact))
                : .init(label: "表記ゆれを含めて検索", href: Self.href(query: query, filters: filters, match: .loose))
        ]
        if context.hasHits {
            context.summary = [.init(total: results.total, first: results.offset + 1, last: results.offset + results.hits.count)]
        } else if results.total > 0 {
            context.notices.append("このページには結果がありません(全 \(results.total) 件)。")
        } else {
            context.noResults = [
                .init(
                    query: query, reasons: reasons(query: query, filters: filters, match: match),
                    tips: [
                        "語を減らすか、短い語句で検索してください(2 文字以上の語がおすすめです)。",
                        "表記の違い(子ども/子供、まちづくり/街づくり など)を試してください。",
                        "語を OR でつなぐと、どれかを含む文書が見つかります(例: 防災 OR 減災)。",
                    ])
            ]
        }
        if page > 1 { context.previous = [Self.href(query: query, filters: filters, page: page - 1, match: match)] }
        if results.offset + results.hits.count < results.total {
            context.next = [Self.href(query: query, filters: filters, page: page + 1, match: match)]
        }
        guard let facets = results.facets, context.hasHits else { return }
        var groups: [Context.FacetGroup] = []
        func value(_ label: String, _ count: Int, _ change: (inout SearchFilters) -> Void, selected: Bool, entity: EntityKey? = nil)
            -> Context.FacetValue
        {
            var chosen = filters
            change(&chosen)
            return .init(
                label: label, count: count, href: Self.href(query: query, filters: chosen, match: match), selected: selected,
                entityHref: entity.map { [EntityLinks.page($0)] } ?? [])
        }
        groups.append(
            .init(
                heading: "市区町村",
                values: facets.cities.map { city in
                    value(
                        city.name + (city.prefecture.map { "(\($0))" } ?? ""), city.count, { $0.city = city.code ?? city.name },
                        selected: filters.city == city.code || filters.city == city.name, entity: city.key)
                }))
        groups.append(
            .init(
                heading: "種類",
                values: facets.kinds.map { kind in
                    value(Labels.kind(kind.kind.rawValue) + "を含む", kind.count, { $0.kind = kind.kind }, selected: filters.kind == kind.kind)
                }))
        groups.append(
            .init(
                heading: "年度",
                values: facets.fiscalYears.map { year in
                    value(
                        Self.fiscalYearLabel(year.fiscalYear), year.count, { $0.fiscalYear = year.fiscalYear },
                        selected: filters.fiscalYear == year.fiscalYear)
                }))
        context.facetGroups = groups.filter { !$0.values.isEmpty }
        context.hasFacets = !context.facetGroups.isEmpty
    }

    /// Why nothing matched: a word that no document contains, or filters that exclude the matches.
    private func reasons(query: String, filters: SearchFilters, match: MatchMode) -> [String] {
        var reasons: [String] = []
        guard let parsed = try? SearchQuery(parsing: query) else { return reasons }
        if parsed.includedTerms.count > 1 {
            for term in parsed.includedTerms {
                let alone = SearchQuery(clauses: [.anyOf([term])])
                if let results = try? index.search(alone, text: term.written, limit: 1, offset: 0, match: match), results.total == 0 {
                    reasons.append("「\(term.written)」を含む文書はありません。")
                }
            }
            if reasons.isEmpty { reasons.append("どの語も文書にありますが、すべてを含む文書はありません。") }
        }
        if !filters.isEmpty, let unfiltered = try? index.search(query, limit: 1, match: match), unfiltered.total > 0 {
            reasons.append("絞り込みを外すと \(unfiltered.total) 件あります。")
        }
        return reasons
    }

    static func fiscalYearLabel(_ year: Int) -> String {
        let era = year >= 2019 ? "令和\(year == 2019 ? "元" : String(year - 2018))" : year >= 1989 ? "平成\(year == 1989 ? "元" : String(year - 1988))" : ""
        return era.isEmpty ? "\(year) 年度" : "\(era)年度 (\(year))"
    }

    private struct Field {
        var name: String
        var value: String
        var label: String
        var keyPath: WritableKeyPath<SearchFilters, String?>
    }

    /// The filters that are set, as form fields and chips.
    private static func fields(_ filters: SearchFilters) -> [Field] {
        var fields: [Field] = []
        if let city = filters.city { fields.append(Field(name: "city", value: city, label: "市区町村: \(city)", keyPath: \.city)) }
        if let entity = filters.entity { fields.append(Field(name: "entity", value: entity, label: "エンティティ: \(entity)", keyPath: \.entity)) }
        if let kind = filters.kind {
            fields.append(Field(name: "kind", value: kind.rawValue, label: "種類: \(Labels.kind(kind.rawValue))", keyPath: \.kindText))
        }
        if let year = filters.fiscalYear {
            fields.append(Field(name: "fy", value: String(year), label: "年度: \(fiscalYearLabel(year))", keyPath: \.fiscalYearText))
        }
        return fields
    }

    /// The page's address for a query, filters and page number.
    static func href(query: String, filters: SearchFilters, page: Int = 1, match: MatchMode = .loose) -> String {
        var items = [("q", query)]
        for field in fields(filters) { items.append((field.name, field.value)) }
        if match == .exact { items.append(("match", "exact")) }
        if page > 1 { items.append(("page", String(page))) }
        return "/?" + items.map { "\($0)=\(percentEncoded($1))" }.joined(separator: "&")
    }

    static func percentEncoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    /// RFC 3986's unreserved characters: everything else, Japanese included, is percent-encoded.
    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}

extension SearchFilters {
    /// The kind and fiscal year as optional text, so every filter can be cleared the same way.
    fileprivate var kindText: String? {
        get { kind?.rawValue }
        set { kind = newValue.flatMap(EntityKind.init(rawValue:)) }
    }

    fileprivate var fiscalYearText: String? {
        get { fiscalYear.map(String.init) }
        set { fiscalYear = newValue.flatMap { Int($0) } }
    }
}
