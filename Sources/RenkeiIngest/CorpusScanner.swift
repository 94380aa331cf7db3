internal import Foundation
internal import RenkeiCore

/// Finds the files to ingest under the paths given on the command line.
///
/// Walks folders with `opendir`/`readdir` rather than `FileManager`: an unchanged re-ingest
/// is mostly this walk and hashing, and FileManager's per-entry attributes and path objects
/// cost more than reading the files.
package enum CorpusScanner {
    /// What scanning found: the files to ingest, the paths that do not exist, the files
    /// ingest leaves alone (by path and why, so people learn which), and files whose fetch
    /// sidecar cannot be read (their identity is unknown, so they are not ingested).
    package struct Result: Sendable {
        package var files: [SourceFile] = []
        package var missing: [String] = []
        package var ignored: [IgnoredFile] = []
        package var failures: [(path: String, reason: String)] = []
    }

    /// A file left alone, and why.
    package struct IgnoredFile: Hashable, Sendable {
        package var path: String
        package var reason: String
    }

    /// The file kinds ingest reads, for the reason a file is ignored.
    package static let readableEndings = ".html, .htm, .xhtml, .shtml, .txt, .text, .tsv, .tab, .csv and .pdf"

    private enum Entry {
        case readable, otherType, symbolicLink, special
    }

    /// Walks each root (a folder, or a single file whose id is its file name), in path
    /// order, skipping hidden files and folders and following no symbolic links.
    package static func scan(_ roots: [String]) -> Result {
        var result = Result()
        for root in roots {
            var status = stat()
            guard stat(root, &status) == 0 else {
                result.missing.append(root)
                continue
            }
            if (status.st_mode & S_IFMT) != S_IFDIR {
                let name = root.split(separator: "/").last.map(String.init) ?? root
                if DocumentReader.Kind(fileName: name) != nil {
                    let sidecar = FetchSidecar.path(forPage: root)
                    add(SourceFile(path: root, id: DocumentID(rawValue: name)), sidecar: access(sidecar, F_OK) == 0 ? sidecar : nil, to: &result)
                } else {
                    result.ignored.append(IgnoredFile(path: root, reason: reason(for: .otherType, name: name)))
                }
                continue
            }
            var found: [(shown: String, raw: [UInt8]?)] = []
            var ignored: [(String, Entry)] = []
            var sidecars = Set<String>()
            walk(root: root, into: &found, ignored: &ignored, sidecars: &sidecars)
            let prefix = root.hasSuffix("/") ? root : root + "/"
            for (relative, entry) in ignored.sorted(by: { $0.0 < $1.0 }) {
                let name = relative.split(separator: "/").last.map(String.init) ?? relative
                result.ignored.append(IgnoredFile(path: prefix + relative, reason: reason(for: entry, name: name)))
            }
            for (relative, raw) in found.sorted(by: { $0.shown < $1.shown }) {
                let sidecar = sidecars.contains(relative) ? prefix + FetchSidecar.path(forPage: relative) : nil
                var file = SourceFile(path: prefix + relative, id: DocumentID(rawValue: relative))
                file.rawPath = raw.map { Array(prefix.utf8) + $0 }
                add(file, sidecar: sidecar, to: &result)
            }
        }
        return result
    }

    /// Adds a file; a fetched page takes its URL as id and its server's charset from the sidecar.
    private static func add(_ file: SourceFile, sidecar: String?, to result: inout Result) {
        guard let sidecar else {
            result.files.append(file)
            return
        }
        var file = file
        do {
            let fetched = try FetchSidecar.read(path: sidecar)
            file.id = DocumentID(rawValue: fetched.url)
            file.url = fetched.url
            file.headerCharset = fetched.headerCharset
            result.files.append(file)
        } catch {
            result.failures.append(
                (file.path, "its fetch record \(sidecar) cannot be read (\(error)); fetch the page again or delete the record"))
        }
    }

    private static func reason(for entry: Entry, name: String) -> String {
        switch entry {
        case .readable: return ""
        case .symbolicLink: return "a symbolic link; links are not followed (give the target's folder instead)"
        case .special: return "not a regular file"
        case .otherType:
            let ending = name.lastIndex(of: ".").map { " " + name[$0...].lowercased() } ?? " extensionless"
            return "a\(ending) file; only \(readableEndings) files are read"
        }
    }

    /// Relative paths of the supported regular files under `root`, without recursion (with
    /// their bytes when a name in them is not UTF-8); of the entries left alone, with what they
    /// are; and of the pages that have a fetch sidecar.
    private static func walk(
        root: String, into found: inout [(shown: String, raw: [UInt8]?)], ignored: inout [(String, Entry)], sidecars: inout Set<String>
    ) {
        let base = Array((root.hasSuffix("/") ? root : root + "/").utf8)
        // Each folder as shown (invalid bytes escaped) and as the bytes to open.
        var pending: [(shown: String, raw: [UInt8])] = [("", [])]
        while let folder = pending.popLast() {
            guard let directory = withCString(base + folder.raw, { opendir($0) }) else { continue }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let nameBytes = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                    pointer.withMemoryRebound(to: UInt8.self, capacity: 256) { Array(UnsafeBufferPointer(start: $0, count: strlen($0))) }
                }
                let name = shownName(nameBytes)
                if name.hasPrefix(".") {
                    if let page = FetchSidecar.pageName(ofSidecar: name) { sidecars.insert(folder.shown + page) }
                    continue
                }
                let relative = (shown: folder.shown + name, raw: folder.raw + nameBytes)
                var type = entry.pointee.d_type
                if type == UInt8(DT_UNKNOWN) {
                    var status = stat()
                    guard withCString(base + relative.raw, { lstat($0, &status) }) == 0 else { continue }
                    let format = status.st_mode & S_IFMT
                    type = format == S_IFDIR ? UInt8(DT_DIR) : format == S_IFREG ? UInt8(DT_REG) : format == S_IFLNK ? UInt8(DT_LNK) : 0
                }
                if type == UInt8(DT_DIR) {
                    pending.append((relative.shown + "/", relative.raw + [UInt8(ascii: "/")]))
                } else if type == UInt8(DT_REG) {
                    if DocumentReader.Kind(fileName: name) != nil {
                        let exact = relative.raw.elementsEqual(relative.shown.utf8)
                        found.append((relative.shown, exact ? nil : relative.raw))
                    } else {
                        ignored.append((relative.shown, .otherType))
                    }
                } else if type == UInt8(DT_LNK) {
                    ignored.append((relative.shown, .symbolicLink))
                } else {
                    ignored.append((relative.shown, .special))
                }
            }
        }
    }

    /// A file name as text: bytes that are not UTF-8 (a name written in Shift_JIS, say) as
    /// `%XX`, so the document id says which byte it was and the file can still be opened.
    package static func shownName(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var shown = ""
        var index = 0
        while index < bytes.count {
            var length = 1
            while length <= 4, index + length <= bytes.count {
                if let scalar = String(validating: bytes[index..<(index + length)], as: UTF8.self), scalar.unicodeScalars.count == 1 {
                    break
                }
                length += 1
            }
            if length <= 4, index + length <= bytes.count {
                shown += String(decoding: bytes[index..<(index + length)], as: UTF8.self)
                index += length
            } else {
                shown += String(format: "%%%02X", bytes[index])
                index += 1
            }
        }
        return shown
    }

    /// Calls `body` with `bytes` as a NUL-terminated C string.
    private static func withCString<Result>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>) -> Result) -> Result {
        (bytes + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
        }
    }
}
