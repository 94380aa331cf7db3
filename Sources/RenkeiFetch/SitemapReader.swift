internal import Foundation

/// The `<loc>` entries of a sitemap (sitemaps.org): the pages of a `<urlset>`, or the
/// sitemaps of a `<sitemapindex>`. Read by scanning for the elements rather than by an XML
/// parser: sitemaps in the wild have stray bytes that a strict parser rejects, and the
/// format needs nothing more than `<loc>`, its entities and CDATA.
package enum SitemapReader {
    package struct Entries: Equatable, Sendable {
        package var pages: [String] = []
        package var sitemaps: [String] = []
    }

    package static func read(_ text: String) -> Entries {
        var entries = Entries()
        let isIndex = text.range(of: "<sitemapindex") != nil
        var rest = text[...]
        while let open = rest.range(of: "<loc>") {
            guard let close = rest[open.upperBound...].range(of: "</loc>") else { break }
            let location = unescape(String(rest[open.upperBound..<close.lowerBound]).trimmingCharacters(in: .whitespacesAndNewlines))
            if !location.isEmpty {
                if isIndex { entries.sitemaps.append(location) } else { entries.pages.append(location) }
            }
            rest = rest[close.upperBound...]
        }
        return entries
    }

    /// CDATA unwrapped, the five XML entities and numeric references replaced.
    static func unescape(_ text: String) -> String {
        var text = text
        if text.hasPrefix("<![CDATA["), text.hasSuffix("]]>") { return String(text.dropFirst(9).dropLast(3)) }
        guard text.contains("&") else { return text }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&apos;", "'")] {
            text = text.replacing(entity, with: character)
        }
        var output = ""
        var rest = text[...]
        while let ampersand = rest.firstIndex(of: "&") {
            output += rest[..<ampersand]
            rest = rest[ampersand...]
            if rest.hasPrefix("&#"), let semicolon = rest.firstIndex(of: ";") {
                let digits = rest[rest.index(rest.startIndex, offsetBy: 2)..<semicolon]
                let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
                if let value, let scalar = Unicode.Scalar(value) {
                    output.unicodeScalars.append(scalar)
                    rest = rest[rest.index(after: semicolon)...]
                    continue
                }
            }
            if rest.hasPrefix("&amp;") {
                output += "&"
                rest = rest.dropFirst(5)
            } else {
                output += "&"
                rest = rest.dropFirst()
            }
        }
        return output + rest
    }
}
