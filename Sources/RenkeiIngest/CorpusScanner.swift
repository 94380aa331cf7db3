internal import Foundation
internal import RenkeiCore

/// Finds the files to ingest under the paths given on the command line.
package enum CorpusScanner {

    /// What scanning found: the files to ingest, and the paths that do not exist.
    package struct Result: Sendable {
        package var files: [SourceFile] = []
        package var missing: [String] = []
        package var unsupported = 0
    }

    /// Walks each root (a folder, or a single file whose id is its file name), in path
    /// order, skipping hidden files and folders.
    package static func scan(_ roots: [String]) -> Result {
        var result = Result()
        let manager = FileManager.default
        for root in roots {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: root, isDirectory: &isDirectory) else {
                result.missing.append(root)
                continue
            }
            if !isDirectory.boolValue {
                let name = (root as NSString).lastPathComponent
                if isSupported(name) {
                    result.files.append(SourceFile(path: root, id: DocumentID(rawValue: name)))
                } else {
                    result.unsupported += 1
                }
                continue
            }
            var relativePaths: [String] = []
            let enumerator = manager.enumerator(atPath: root)
            while let relative = enumerator?.nextObject() as? String {
                let components = relative.split(separator: "/")
                if components.contains(where: { $0.hasPrefix(".") }) {
                    if let attributes = enumerator?.fileAttributes, attributes[.type] as? FileAttributeType == .typeDirectory {
                        enumerator?.skipDescendants()
                    }
                    continue
                }
                if let attributes = enumerator?.fileAttributes, attributes[.type] as? FileAttributeType != .typeRegular {
                    continue
                }
                if isSupported(relative) {
                    relativePaths.append(relative)
                } else {
                    result.unsupported += 1
                }
            }
            for relative in relativePaths.sorted() {
                result.files.append(SourceFile(path: (root as NSString).appendingPathComponent(relative), id: DocumentID(rawValue: relative)))
            }
        }
        return result
    }

    private static func isSupported(_ name: String) -> Bool {
        DocumentReader.Kind(fileName: name) != nil
    }
}
