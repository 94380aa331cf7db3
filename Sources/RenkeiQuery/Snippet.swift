/// A keyword-in-context window of a text, with its highlights.
///
/// Offsets count Unicode scalars (code points): `start`/`end` in the whole text,
/// `highlights` within `text`.
package struct Snippet: Hashable, Sendable, Codable {
    package var text: String
    package var start: Int
    package var end: Int
    package var highlights: [[Int]]

    package init(text: String, start: Int, end: Int, highlights: [[Int]]) {
        self.text = text
        self.start = start
        self.end = end
        self.highlights = highlights
    }
}
