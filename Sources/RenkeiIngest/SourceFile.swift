package import RenkeiCore

/// A file found under a corpus root, with the id its document will have.
package struct SourceFile: Hashable, Sendable {
    /// The path to read, as found (relative to the working folder or absolute); a name that
    /// is not UTF-8 shows its bytes as `%XX` here, and `rawPath` holds the bytes to open.
    package var path: String
    /// The path's bytes, when a name in it is not UTF-8.
    package var rawPath: [UInt8]?
    /// The path relative to the corpus root, or the URL of a fetched page.
    package var id: DocumentID
    /// The URL a fetched page came from (its fetch sidecar says so).
    package var url: String?
    /// The charset the page's web server sent, which outranks the page's own declaration.
    package var headerCharset: String?

    package init(path: String, id: DocumentID, url: String? = nil, headerCharset: String? = nil) {
        self.path = path
        self.id = id
        self.url = url
        self.headerCharset = headerCharset
    }
}
