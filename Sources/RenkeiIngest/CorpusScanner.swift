internal import Foundation
internal import RenkeiCore

/// Finds the files to ingest under the paths given on the command line.
///
/// Walks folders with `opendir`/`readdir` rather than `FileManager`: an unchanged re-ingest
/// is mostly this walk and hashing, and FileManager's per-entry attributes and path objects
/// cost more than reading the files.
package enum CorpusScanner {
    /// What scanning found: the files to ingest, the paths that do not exist, and the files
    /// of types ingest does not read (by path, so people learn which).
    package struct Result: Sendable {
        package var files: [SourceFile] = []
        package var missing: [String] = []
        package var unsupported: [String] = []
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
                    result.files.append(SourceFile(path: root, id: DocumentID(rawValue: name)))
                } else {
                    result.unsupported.append(root)
                }
                continue
            }
            var found: [String] = []
            var unsupported: [String] = []
            walk(root: root, into: &found, unsupported: &unsupported)
            let prefix = root.hasSuffix("/") ? root : root + "/"
            result.unsupported += unsupported.sorted().map { prefix + $0 }
            for relative in found.sorted() {
                result.files.append(SourceFile(path: prefix + relative, id: DocumentID(rawValue: relative)))
            }
        }
        return result
    }

    /// Relative paths of the supported regular files under `root`, without recursion.
    private static func walk(root: String, into found: inout [String], unsupported: inout [String]) {
        let base = root.hasSuffix("/") ? root : root + "/"
        var pending = [""]
        while let relativeFolder = pending.popLast() {
            guard let directory = opendir(base + relativeFolder) else { continue }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                    pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
                }
                if name.hasPrefix(".") { continue }
                let relative = relativeFolder + name
                var type = entry.pointee.d_type
                if type == UInt8(DT_UNKNOWN) {
                    var status = stat()
                    guard lstat(base + relative, &status) == 0 else { continue }
                    type = (status.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : (status.st_mode & S_IFMT) == S_IFREG ? UInt8(DT_REG) : 0
                }
                if type == UInt8(DT_DIR) {
                    pending.append(relative + "/")
                } else if type == UInt8(DT_REG) {
                    if DocumentReader.Kind(fileName: name) != nil {
                        found.append(relative)
                    } else {
                        unsupported.append(relative)
                    }
                }
            }
        }
    }
}
