internal import Foundation
package import RenkeiHTML

/// The clean text of an HTML page: title, then headings, paragraphs, list items and table
/// rows (cells separated by tabs), one per line, with navigation, breadcrumbs, share
/// buttons, headers, footers, scripts and other page furniture removed.
///
/// The rules are general, not one site's strings: element names and ARIA roles; id and
/// class words that sites use for furniture; link density (a block that is mostly links is
/// a menu). `<main>`, `role=main` or a single `<article>` is preferred as the content root.
package enum HTMLReader {
    package struct Page: Sendable, Equatable {
        package var title: String
        package var lines: [String]
    }

    package static func read(_ tree: HTMLTree) -> Page {
        let root = contentRoot(tree)
        let lines = BlockCollector(tree: tree).lines(under: root)
        let title = pageTitle(tree) ?? firstHeading(tree) ?? lines.first ?? ""
        return Page(title: title, lines: lines)
    }

    /// Elements never read: code, styling, forms' chrome, and landmark furniture.
    static let droppedElements: Set<String> = [
        "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "head",
        "iframe", "object", "embed", "svg", "canvas", "button", "select", "option", "form", "map", "title",
    ]

    static let droppedRoles: Set<String> = ["navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "toolbar"]

    /// Words of `id`/`class` values that mark furniture (split at `-`, `_`, spaces and case changes).
    static let furnitureWords: Set<String> = [
        "nav", "navi", "navigation", "gnav", "gnavi", "lnav", "lnavi", "snav", "globalnav", "localnav", "menu", "megamenu",
        "breadcrumb", "breadcrumbs", "pankuzu", "topicpath", "share", "sns", "social", "twitter", "facebook",
        "footer", "header", "skip", "skiplink", "pagetop", "gotop", "totop", "backtotop", "accessibility", "a11y",
        "sidebar", "sidenav", "side", "banner", "utility", "toolbar", "tools", "fontsize", "textsize", "language",
        "recommend", "pager", "pagination", "cookie", "sitemap", "rss",
    ]

    /// Inside `<main>` or an `<article>`, a `<header>` (or a "header" class) is the
    /// article's own heading, so it is kept; elsewhere it is the site's banner.
    static func isFurniture(_ node: HTMLTree.Node, insideContent: Bool) -> Bool {
        guard let name = node.tagName else { return false }
        if name == "header", insideContent { return false }
        if droppedElements.contains(name) { return true }
        // In-page links (本文へ, ページの先頭へ) are navigation.
        if name == "a", node.attributes["href"]?.hasPrefix("#") == true { return true }
        if let role = node.attributes["role"]?.lowercased(), droppedRoles.contains(role) { return true }
        if node.attributes["aria-hidden"]?.lowercased() == "true" || node.attributes["hidden"] != nil { return true }
        for attribute in ["id", "class"] {
            guard let value = node.attributes[attribute] else { continue }
            for word in words(of: value) where furnitureWords.contains(word) && !(insideContent && word == "header") { return true }
        }
        return false
    }

    /// `gNavi pankuzu-list top_path` → gnavi, pankuzu, list, top, path (and the whole tokens).
    static func words(of value: String) -> Set<String> {
        var result: Set<String> = []
        for token in value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
            let lowered = token.lowercased()
            result.insert(lowered.filter { $0 != "-" && $0 != "_" })
            for part in lowered.split(whereSeparator: { $0 == "-" || $0 == "_" }) { result.insert(String(part)) }
            // camelCase parts: gNavi → g, navi; pageTop → page, top.
            var current = ""
            for character in token {
                if character.isUppercase, !current.isEmpty {
                    result.insert(current.lowercased())
                    current = ""
                }
                if character == "-" || character == "_" {
                    if !current.isEmpty { result.insert(current.lowercased()) }
                    current = ""
                } else {
                    current.append(character)
                }
            }
            if !current.isEmpty { result.insert(current.lowercased()) }
        }
        return result
    }

    /// `<main>`, `role=main`, or the only `<article>`; else the whole page.
    static func contentRoot(_ tree: HTMLTree) -> Int {
        if let main = tree.nodes.indices.first(where: {
            tree.nodes[$0].tagName == "main" || tree.nodes[$0].attributes["role"]?.lowercased() == "main"
        }) {
            return main
        }
        let articles = tree.elements(named: "article")
        if articles.count == 1 { return articles[0] }
        return 0
    }

    /// `<title>` without the site name: 「連携協定｜日野市公式ホームページ」 → 連携協定.
    static func pageTitle(_ tree: HTMLTree) -> String? {
        guard let title = tree.elements(named: "title").first else { return nil }
        let text = BlockCollector.collapse(tree.text(of: title))
        guard !text.isEmpty else { return nil }
        return TitleCleaner.withoutSiteName(text)
    }

    static func firstHeading(_ tree: HTMLTree) -> String? {
        for index in tree.elements(named: "h1") {
            let text = BlockCollector.collapse(tree.text(of: index))
            if !text.isEmpty { return text }
        }
        return nil
    }
}

/// Removes the site name that pages append (or prepend) to their `<title>`.
enum TitleCleaner {
    static let separators = ["｜", "|", "│", "‖", " - ", " – ", " — ", " / ", "／", " :: ", "：："]

    static func withoutSiteName(_ title: String) -> String {
        var parts = [title]
        for separator in separators {
            parts = parts.flatMap { $0.components(separatedBy: separator) }
        }
        parts = parts.map { BlockCollector.collapse($0) }.filter { !$0.isEmpty }
        guard parts.count > 1 else { return title }
        let content = parts.filter { !looksLikeSiteName($0) }
        return content.first ?? parts[0]
    }

    /// 日野市公式ホームページ, 横浜市, 〇〇町役場, Official Website …
    static func looksLikeSiteName(_ part: String) -> Bool {
        let markers = ["ホームページ", "公式", "サイト", "ウェブ", "web", "site", "official", "home"]
        if markers.contains(where: { part.lowercased().contains($0) }) { return true }
        let endings: [Character] = ["市", "町", "村", "区", "都", "道", "府", "県"]
        if part.count <= 8, let last = part.last, endings.contains(last) { return true }
        return part.hasSuffix("役所") || part.hasSuffix("役場")
    }
}
