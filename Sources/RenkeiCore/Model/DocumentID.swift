/// A document's stable identity: its path relative to the corpus root (or, later, its URL).
package struct DocumentID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    package let rawValue: String

    package init(rawValue: String) {
        self.rawValue = rawValue
    }

    package var description: String { rawValue }

    /// The page's address when the id is one (a page `renkei fetch` stored), else nil.
    package var webURL: String? { Self.webURL(rawValue) }

    /// `id` when it is an http or https URL.
    package static func webURL(_ id: String) -> String? {
        id.hasPrefix("https://") || id.hasPrefix("http://") ? id : nil
    }

    package static func < (lhs: DocumentID, rhs: DocumentID) -> Bool { lhs.rawValue < rhs.rawValue }
}
