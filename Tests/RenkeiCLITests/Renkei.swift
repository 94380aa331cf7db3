import Foundation

/// Runs the real `renkei` executable built beside the tests, in a folder of the test's own.
struct Renkei {
    struct Result {
        var status: Int32
        var output: String
        var errors: String
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let executable: URL = {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [
            besideTests.appendingPathComponent("renkei"),
            besideTests.deletingLastPathComponent().appendingPathComponent("renkei"),
            repositoryRoot.appendingPathComponent(".build/debug/renkei"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }()

    /// A fresh working folder holding a copy of `Corpus/`.
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("renkei-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.repositoryRoot.appendingPathComponent("Corpus"), to: folder.appendingPathComponent("Corpus"))
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Starts `renkei` in the background; its output is discarded and its errors go to
    /// `errors.log` in the working folder (see `backgroundErrors`).
    func start(_ arguments: String...) throws -> Process {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        let log = folder.appendingPathComponent("errors.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        return process
    }

    /// What background runs wrote to their standard error.
    var backgroundErrors: String {
        (try? String(contentsOf: folder.appendingPathComponent("errors.log"), encoding: .utf8)) ?? ""
    }

    @discardableResult
    func run(_ arguments: String...) throws -> Result {
        try run(arguments)
    }

    func run(_ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read before waiting, so a large output cannot fill the pipe and stall the child.
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            output: String(decoding: outputData, as: UTF8.self),
            errors: String(decoding: errorData, as: UTF8.self))
    }
}
