internal import RenkeiHTML
internal import RenkeiIngest

/// The links of an HTML page (`<a href>`), resolved against the page's address (or its
/// `<base href>`), decoded the way ingest decodes the page.
enum LinkExtractor {
    static func links(in bytes: [UInt8], of page: WebAddress, headerCharset: String?) -> [WebAddress] {
        let text = TextDecoder.decode(bytes, headerCharset: headerCharset).text
        guard let parsed = HTMLParser.parse(utf8: Array(text.utf8)) else { return [] }
        let tree = parsed.tree
        let base =
            tree.elements(named: "base").lazy.compactMap { tree.nodes[$0].attributes["href"] }.first
            .flatMap { WebAddress($0, relativeTo: page) } ?? page
        var seen = Set<WebAddress>()
        var links: [WebAddress] = []
        for index in tree.elements(named: "a") {
            guard let href = tree.nodes[index].attributes["href"], !href.hasPrefix("#"),
                let address = WebAddress(href, relativeTo: base), seen.insert(address).inserted
            else { continue }
            links.append(address)
        }
        return links
    }
}
