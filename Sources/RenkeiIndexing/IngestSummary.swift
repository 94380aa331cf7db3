internal import Foundation

/// What one ingest run did.
package struct IngestSummary: Sendable {
    package var added = 0
    package var updated = 0
    package var unchanged = 0
    package var removed = 0
    package var failures: [(path: String, reason: String)] = []
    package var warnings: [(path: String, message: String)] = []
    package var seconds = 0.0
    /// Files ingest leaves alone (other types, links), by path, with why.
    package var ignoredFiles: [(path: String, reason: String)] = []

    package var failed: Int { failures.count }

    package var line: String {
        var line = "\(added) added, \(updated) updated, \(unchanged) unchanged, \(removed) removed, \(failed) failed"
        line += String(format: " (%.2f s)", seconds)
        if !ignoredFiles.isEmpty { line += "; \(ignoredFiles.count) ignored" }
        return line
    }
}
