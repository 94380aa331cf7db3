package import Foundation

/// The test web site (Server/fetch_test_server.py, Python's http.server) on a real port,
/// one per test, stopped when the test lets go of it.
package final class TestSite {
    static let supportFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let script = supportFolder.appendingPathComponent("Server/fetch_test_server.py").path
    static let pdf = supportFolder.deletingLastPathComponent().appendingPathComponent("RenkeiIngestTests/Fixtures/press-release.pdf").path

    private let process = Process()
    /// The server's standard input: closing it stops the server.
    private let lifeline = Pipe()
    package let port: Int
    /// A fresh folder for the test: `pages` for the fetcher, and the server's counts.
    package let folder: URL
    private let statsFile: URL
    package var pages: URL { folder.appendingPathComponent("pages") }

    package init(bulkPages: Int = 0) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("renkei-fetch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        statsFile = folder.appendingPathComponent("stats.json")
        process.arguments = ["python3", Self.script, "--pdf", Self.pdf, "--pages", String(bulkPages), "--stats", statsFile.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = lifeline
        try process.run()
        // The first line is `PORT <n>`, printed once the server listens.
        var line = Data()
        while let byte = try output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
            line += byte
        }
        guard let port = String(decoding: line, as: UTF8.self).split(separator: " ").last.flatMap({ Int($0) }) else {
            try? lifeline.fileHandleForWriting.close()
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "the test server did not start"])
        }
        self.port = port
    }

    deinit {
        try? lifeline.fileHandleForWriting.close()
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: folder)
    }

    /// `http://127.0.0.1:<port><path>`.
    package func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// Requests the server answered, as `path status` → count.
    package func stats() throws -> [String: Int] {
        try JSONDecoder().decode([String: Int].self, from: Data(contentsOf: statsFile))
    }
}
