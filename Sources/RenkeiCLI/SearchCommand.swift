internal import ArgumentParser
internal import Foundation
internal import RenkeiCore
internal import RenkeiHTTP
internal import RenkeiQuery

extension MatchMode: ExpressibleByArgument {}

/// `renkei search`: ranked results with highlighted keyword-in-context snippets.
struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the index.",
        discussion: """
            Words separated by spaces must all occur; OR between words means either; -word excludes; \
            "quoted words" form one phrase, spaces included. Matching is exact on normalised text \
            (full/half width and case folded): ＷＡＯＮ finds WAON.
            """)

    // `.allUnrecognized`, so an exclusion such as -廃止 reaches the query instead of being
    // taken for an unknown option.
    @Argument(parsing: .allUnrecognized, help: "The query, e.g. 包括連携協定, 防災 OR 減災, 協定 -廃止, \"Hi Know\".")
    var query: [String] = []

    @OptionGroup var options: IndexOptions

    @Option(help: "How many results to show (1–1000).")
    var limit = 10

    @Option(help: "How many results to skip (for the next page).")
    var offset = 0

    @Flag(help: "Print JSON: hits with snippet text and highlight offsets in Unicode scalars.")
    var json = false

    @Option(help: ArgumentHelp(Self.matchHelp))
    var match: MatchMode = .loose

    static let matchHelp =
        "exact: as written (after width and case folding); loose: also through 表記ゆれ "
        + "(kana, ー, 々, blanks, kanji and spelling variants), after the exact hits."

    func run() async throws {
        let results = try await options.open().search(query.joined(separator: " "), limit: limit, offset: offset, match: match)
        if json {
            print(String(decoding: try APIModels.encode(APIModels.SearchAnswer(results, limit: nil)), as: UTF8.self))
        } else {
            print(SnippetRenderer(style: Terminal.standardOutputIsTerminal ? .bold : .brackets).render(results), terminator: "")
        }
    }
}

/// Renders results for people: rank, id, title, then snippets with the matches marked.
struct SnippetRenderer {
    enum Style { case bold, brackets }
    var style: Style

    func render(_ results: SearchResults) -> String {
        guard !results.hits.isEmpty else {
            return results.total > 0
                ? "No results on this page: \(results.total) in all, the page starts after \(results.offset).\n"
                : "No documents contain \(results.query). Check the spelling, use fewer words, or a shorter phrase.\n"
        }
        let last = results.offset + results.hits.count
        let count = results.total == 1 ? "1 result" : "\(results.total) results"
        var output = "\(count); showing \(results.offset + 1)–\(last).\n\n"
        for (index, hit) in results.hits.enumerated() {
            if hit.match == .loose, index == 0 || results.hits[index - 1].match == .exact {
                output += "表記ゆれを含む結果 (loose matches):\n\n"
            }
            output += "\(hit.rank). \(mark(hit.title, hit.titleHighlights).trimmingCharacters(in: .whitespaces))  [\(hit.id)]\n"
            let lines = hit.snippets.map { snippet in
                let text = mark(snippet.text, snippet.highlights).trimmingCharacters(in: .whitespaces)
                return "   " + (snippet.page.map { "(p. \($0)) " } ?? "") + (snippet.start > 0 ? "…" : "") + text + "…"
            }
            output += lines.joined(separator: "\n") + "\n\n"
        }
        return output
    }

    /// The text with highlighted ranges marked and runs of white space shown as one space.
    func mark(_ text: String, _ highlights: [[Int]]) -> String {
        let scalars = Array(text.unicodeScalars)
        var output = ""
        var position = 0
        for pair in highlights where pair.count == 2 && pair[0] >= position && pair[1] <= scalars.count {
            output += Self.flatten(scalars[position..<pair[0]])
            let matched = Self.flatten(scalars[pair[0]..<pair[1]])
            output += style == .bold ? "\u{1B}[1m\(matched)\u{1B}[0m" : "【\(matched)】"
            position = pair[1]
        }
        return output + Self.flatten(scalars[position...])
    }

    private static func flatten(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        var previousBlank = false
        for scalar in scalars {
            let blank = scalar.properties.isWhitespace
            if blank {
                if !previousBlank { view.append(" ") }
            } else {
                view.append(scalar)
            }
            previousBlank = blank
        }
        return String(view)
    }
}
