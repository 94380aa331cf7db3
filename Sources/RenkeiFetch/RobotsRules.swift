/// A site's robots.txt as it applies to Renkei (RFC 9309): the group for the most specific
/// user agent that names us (`renkei`), else the `*` group; the longest matching rule
/// decides, `Allow` winning a tie; `*` and `$` in paths as wildcards; `Crawl-delay` read.
package struct RobotsRules: Sendable, Equatable {
    package struct Rule: Sendable, Equatable {
        package var allow: Bool
        package var pattern: String
    }

    package var rules: [Rule]
    /// Seconds between requests, if the group asks for it.
    package var crawlDelay: Double?
    /// Why robots.txt could not be read, when that is why nothing is allowed.
    package var unavailable: String?

    /// Everything allowed: no robots.txt (a 4xx answer).
    package static let allowAll = RobotsRules(rules: [], crawlDelay: nil)
    /// Nothing allowed: robots.txt could not be read (a 5xx answer or no answer), which
    /// RFC 9309 says to treat as a complete disallow.
    package static func unavailable(_ reason: String) -> RobotsRules {
        RobotsRules(rules: [Rule(allow: false, pattern: "/")], crawlDelay: nil, unavailable: reason)
    }

    package init(rules: [Rule], crawlDelay: Double?, unavailable: String? = nil) {
        self.rules = rules
        self.crawlDelay = crawlDelay
        self.unavailable = unavailable
    }

    /// The rules of `text` for the product token `agent` (lower case, such as `renkei`).
    package init(parsing text: String, agent: String) {
        struct Group {
            var agents: [String] = []
            var rules: [Rule] = []
            var crawlDelay: Double?
        }
        var groups: [Group] = []
        var current: Group?
        var lastWasAgent = false
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            guard let colon = line.firstIndex(of: ":") else { continue }
            let field = line[..<colon].trimmingBlanks().lowercased()
            let value = String(line[line.index(after: colon)...].trimmingBlanks())
            switch field {
            case "user-agent":
                if !lastWasAgent {
                    if let finished = current { groups.append(finished) }
                    current = Group()
                }
                current?.agents.append(value.lowercased())
                lastWasAgent = true
            case "allow", "disallow":
                lastWasAgent = false
                // An empty Disallow allows everything: it adds no rule.
                guard !value.isEmpty else { continue }
                current?.rules.append(Rule(allow: field == "allow", pattern: value))
            case "crawl-delay":
                lastWasAgent = false
                if let seconds = Double(value), seconds >= 0 { current?.crawlDelay = seconds }
            default:
                lastWasAgent = false
            }
        }
        if let finished = current { groups.append(finished) }
        // Groups naming us are merged, as are `*` groups when none does.
        let named = groups.filter { group in group.agents.contains { $0 != "*" && agent.hasPrefix($0) } }
        let chosen = named.isEmpty ? groups.filter { $0.agents.contains("*") } : named
        self.init(rules: chosen.flatMap(\.rules), crawlDelay: chosen.compactMap(\.crawlDelay).max())
    }

    /// Whether the path (with its query) may be fetched.
    package func allows(_ pathAndQuery: String) -> Bool {
        if pathAndQuery == "/robots.txt" { return true }
        var best: Rule?
        var bestLength = -1
        for rule in rules where Self.matches(rule.pattern, pathAndQuery) {
            let length = rule.pattern.count
            if length > bestLength || (length == bestLength && rule.allow) {
                best = rule
                bestLength = length
            }
        }
        return best?.allow ?? true
    }

    /// A robots.txt path pattern: a prefix, with `*` for any run of characters and a final
    /// `$` for the end of the path.
    static func matches(_ pattern: String, _ path: String) -> Bool {
        let anchored = pattern.hasSuffix("$")
        let pieces = (anchored ? String(pattern.dropLast()) : pattern).split(separator: "*", omittingEmptySubsequences: false)
        let path = Array(path.utf8)
        var position = 0
        for (index, piece) in pieces.enumerated() {
            let bytes = Array(piece.utf8)
            if index == 0 {
                guard path.starts(with: bytes) else { return false }
                position = bytes.count
                continue
            }
            if bytes.isEmpty { continue }
            if anchored, index == pieces.count - 1 {
                // The last piece must end the path, as late as it can start.
                guard path.count - bytes.count >= position, path.suffix(bytes.count).elementsEqual(bytes) else { return false }
                return true
            }
            guard let found = firstRange(of: bytes, in: path, from: position) else { return false }
            position = found
        }
        return !anchored || position == path.count || (pieces.last?.isEmpty ?? false)
    }

    /// The end of the first occurrence of `needle` in `haystack` at or after `start`.
    private static func firstRange(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard needle.count <= haystack.count - start else { return nil }
        for offset in start...(haystack.count - needle.count) where haystack[offset..<(offset + needle.count)].elementsEqual(needle) {
            return offset + needle.count
        }
        return nil
    }
}

extension Substring {
    fileprivate func trimmingBlanks() -> Substring {
        let start = firstIndex { $0 != " " && $0 != "\t" } ?? endIndex
        let end = self[start...].lastIndex { $0 != " " && $0 != "\t" }.map { index(after: $0) } ?? start
        return self[start..<end]
    }
}
