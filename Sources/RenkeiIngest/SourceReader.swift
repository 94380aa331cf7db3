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
        let descriptor =
            file.rawPath.map { raw in
                (raw + [0]).withUnsafeBufferPointer { buffer in
                    buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_RDONLY | O_CLOEXEC) }
                }
            } ?? open(file.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw IngestError(.unreadable, "cannot be read (\(String(cString: strerror(errno))))")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw IngestError(.unreadable, "cannot be read (\(String(cString: strerror(errno))))")
        }
        let size = Int(status.st_size)
        if size > maximumBytes {
            throw IngestError(.tooLarge, "too large: \(size) bytes, the limit is \(maximumBytes) (--max-bytes)")
        }
        // Read to the end, not just `size` bytes: the file may grow or shrink while being read.
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        while true {
            if filled == bytes.count {
                guard bytes.count <= maximumBytes else {
                    throw IngestError(.tooLarge, "too large: over \(maximumBytes) bytes (--max-bytes)")
                }
                bytes.append(contentsOf: repeatElement(0, count: 64 * 1024))
            }
            let count = bytes.withUnsafeMutableBytes { buffer in
                Foundation.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw IngestError(.unreadable, "cannot be read (\(String(cString: strerror(errno))))")
            }
            if count == 0 { break }
            filled += count
        }
        bytes.removeSubrange(filled...)
        return Content(bytes: bytes, contentHash: SHA256.hexDigest(bytes))
    }

    /// Parses content read by `read(_:)` into a document.
    package func parse(_ content: Content, of file: SourceFile) throws(IngestError) -> DocumentReader.Output {
        guard let kind = DocumentReader.Kind(fileName: file.path) else {
            throw IngestError(.unreadable, "not a supported kind of file")
        }
        return try DocumentReader.read(
            content.bytes, id: file.id, kind: kind, contentHash: content.contentHash, headerCharset: file.headerCharset)
    }
}
