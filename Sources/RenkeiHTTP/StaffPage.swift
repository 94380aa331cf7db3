internal import Foundation
internal import Hummingbird
internal import RenkeiCore
internal import RenkeiQuery

/// The staff search page: server-rendered HTML that works without JavaScript, with the
/// query kept in the box, highlighted snippets, pagination and a no-results state that says
/// what to try. Every piece of user or page text is escaped.
struct StaffPage: Sendable {
    let search: SearchService
    static let pageSize = 10

    func render(_ parameters: QueryParameters) async throws -> Response {
        let query = parameters.string("q") ?? ""
        let page = (try? parameters.integer("page", default: 1, in: 1...1_000)) ?? 1
        var body = ""
        var status = HTTPResponse.Status.ok
        if !query.trimmingCharacters(in: .whitespaces).isEmpty {
            do {
                let results = try search.search(query, limit: Self.pageSize, offset: (page - 1) * Self.pageSize)
                body = Self.results(results, query: query, page: page)
            } catch let error as QueryError {
                status = .badRequest
                body = "<p class=\"notice\">\(Self.escape(error.message))</p>"
            }
        }
        let html = Self.layout(query: query, content: body)
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    static func results(_ results: SearchResults, query: String, page: Int) -> String {
        guard !results.hits.isEmpty else {
            return """
                <p class="notice">「\(escape(query))」を含む文書は見つかりませんでした。</p>
                <ul class="tips"><li>語を減らすか、短い語句で検索してください。</li><li>表記の違い(子ども/子供など)を試してください。</li></ul>
                """
        }
        var html = "<p class=\"count\">\(results.total) 件中 \(results.offset + 1)–\(results.offset + results.hits.count) 件</p>\n<ol class=\"hits\" start=\"\(results.offset + 1)\">\n"
        for hit in results.hits {
            html += "<li class=\"hit\"><h2>\(marked(hit.title, hit.titleHighlights))</h2><p class=\"id\">\(escape(hit.id))</p>"
            for snippet in hit.snippets {
                html += "<p class=\"snippet\">…\(marked(snippet.text, snippet.highlights))…</p>"
            }
            html += "</li>\n"
        }
        html += "</ol>\n<nav class=\"pages\">"
        let encoded = query.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&+="))) ?? ""
        if page > 1 { html += "<a rel=\"prev\" href=\"/?q=\(encoded)&amp;page=\(page - 1)\">前へ</a> " }
        if results.offset + results.hits.count < results.total { html += "<a rel=\"next\" href=\"/?q=\(encoded)&amp;page=\(page + 1)\">次へ</a>" }
        return html + "</nav>\n"
    }

    /// Text with `<mark>` around highlighted scalar ranges, white space runs shown as one space.
    static func marked(_ text: String, _ highlights: [[Int]]) -> String {
        let scalars = Array(text.unicodeScalars)
        var html = ""
        var position = 0
        func plain(_ range: Range<Int>) -> String {
            escape(String(String.UnicodeScalarView(scalars[range]))).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        for pair in highlights where pair.count == 2 && pair[0] >= position && pair[1] <= scalars.count {
            html += plain(position..<pair[0]) + "<mark>" + plain(pair[0]..<pair[1]) + "</mark>"
            position = pair[1]
        }
        return html + plain(position..<scalars.count)
    }

    static func escape(_ text: String) -> String { MarkupEscaping.escape(text) }

    static func layout(query: String, content: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="ja">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(query.isEmpty ? "" : escape(query) + " - ")Renkei 文書検索</title>
        <style>
        body { font-family: sans-serif; max-width: 52rem; margin: 0 auto; padding: 1rem; line-height: 1.6; }
        form { display: flex; gap: .5rem; } input[type=search] { flex: 1; font-size: 1.1rem; padding: .4rem; }
        mark { background: #ffe066; } .id { color: #666; font-size: .85rem; margin: 0; } .hit h2 { font-size: 1.1rem; margin: .2rem 0; }
        .snippet { margin: .2rem 0; } .notice { font-weight: bold; }
        </style>
        </head>
        <body>
        <h1>Renkei 文書検索</h1>
        <form action="/" method="get" role="search">
        <input type="search" name="q" value="\(escape(query))" placeholder="例: 包括連携協定" aria-label="検索語" autofocus>
        <button type="submit">検索</button>
        </form>
        <main>
        \(content)
        </main>
        </body>
        </html>
        """
    }
}
