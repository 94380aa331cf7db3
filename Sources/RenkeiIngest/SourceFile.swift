package import RenkeiCore

/// A file found under a corpus root, with the id its document will have.
package struct SourceFile: Hashable, Sendable {
    /// The path to read, as found (relative to the working folder or absolute).
    package var path: String
    /// The path relative to the corpus root.
    package var id: DocumentID

    package init(path: String, id: DocumentID) {
        self.path = path
        self.id = id
    }
}
