internal import Foundation
internal import RenkeiCore

/// Reads a source file's bytes within a size limit and hashes them; parsing comes after, and
/// only when the hash says the file changed.
package struct SourceReader: Sendable {
    /// Files larger than this are reported and skipped.
    package var maximumBytes: Int

    package init(maximumBytes: Int = 20 * 1024 * 1024) {
        self.maximumBytes = maximumBytes
    }

    /// A file's bytes and their SHA-256.
    package struct Content: Sendable {
        package var bytes: [UInt8]
        package var contentHash: String
    }

    package func read(_ file: SourceFile) throws(IngestError) -> Content {
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        } catch {
            throw IngestError(.unreadable, "cannot be read (missing or no permission)")
        }
        if let size = attributes[.size] as? Int, size > maximumBytes {
            throw IngestError(.tooLarge, "too large: \(size) bytes, the limit is \(maximumBytes) (--max-bytes)")
        }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw IngestError(.unreadable, "cannot be read (missing or no permission)")
        }
        let bytes = [UInt8](data)
        return Content(bytes: bytes, contentHash: SHA256.hexDigest(bytes))
    }

    /// Parses content read by `read(_:)` into a document.
    package func parse(_ content: Content, of file: SourceFile) throws(IngestError) -> DocumentReader.Output {
        guard let kind = DocumentReader.Kind(fileName: file.path) else {
            throw IngestError(.unreadable, "not a supported kind of file")
        }
        return try DocumentReader.read(content.bytes, id: file.id, kind: kind, contentHash: content.contentHash)
    }
}
