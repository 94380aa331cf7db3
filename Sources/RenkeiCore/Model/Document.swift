/// A page turned into clean text, ready to be indexed.
package struct Document: Hashable, Sendable {
    package var id: DocumentID
    package var title: String
    /// The clean text that is searched and shown, as written in the page (not normalised).
    package var body: String
    /// SHA-256 of the raw bytes, lower-case hex: decides whether a re-ingest rewrites it.
    package var contentHash: String
    /// The character encoding the bytes were decoded from.
    package var encoding: String
    package var byteCount: Int
    /// Rows of a table document, each searched as a unit of its own; `body` then holds the
    /// text outside the table (its title, captions).
    package var records: [Record]

    package init(
        id: DocumentID, title: String, body: String, contentHash: String, encoding: String, byteCount: Int,
        records: [Record] = []
    ) {
        self.records = records
        self.id = id
        self.title = title
        self.body = body
        self.contentHash = contentHash
        self.encoding = encoding
        self.byteCount = byteCount
    }
}
