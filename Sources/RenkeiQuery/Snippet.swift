/// A keyword-in-context window of a text, with its highlights.
///
/// Offsets count Unicode scalars (code points): `start`/`end` in the whole text,
/// `highlights` within `text`.
package struct Snippet: Hashable, Sendable, Codable {
    package var text: String
    package var start: Int
    package var end: Int
    package var highlights: [[Int]]
    /// The page the window starts on, in a text made of pages (a PDF's); nil otherwise.
    package var page: Int?

    package init(text: String, start: Int, end: Int, highlights: [[Int]], page: Int? = nil) {
        self.text = text
        self.start = start
        self.end = end
        self.highlights = highlights
        self.page = page
    }
}
