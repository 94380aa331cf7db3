import Foundation
import RenkeiCore
import RenkeiIngest
import Testing

/// What the scanner finds: files whose names are not UTF-8 are read, known by their bytes
/// as `%XX`; other files are ignored by name and with a reason.
@Suite struct CorpusScannerTests {
    /// Writes `text` at `path` given as bytes (Foundation's file APIs take only UTF-8 names).
    static func write(_ text: String, atBytes path: [UInt8]) throws {
        let descriptor = (path + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
        }
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        #expect(bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) } == bytes.count)
    }

    @Test func namesThatAreNotUTF8AreReadAndShownEscaped() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("renkei-scan-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let base = Array(folder.path.utf8) + [UInt8(ascii: "/")]
        // 日野 in Shift_JIS as a folder, 協定.txt in Shift_JIS inside it, and a stray 0xFF.
        let sjisFolder: [UInt8] = [0x93, 0xFA, 0x96, 0xEC]
        #expect((base + sjisFolder + [0]).withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { mkdir($0.baseAddress!, 0o755) } } == 0)
        try Self.write("八王子市の協定書です。", atBytes: base + sjisFolder + [UInt8(ascii: "/"), 0x8B, 0xA6, 0x92, 0xE8] + Array(".txt".utf8))
        try Self.write("日野市の協定。", atBytes: base + Array("bad-".utf8) + [0xFF] + Array("-name.txt".utf8))
        try Self.write("写真", atBytes: base + Array("photo.jpg".utf8))
        let scan = CorpusScanner.scan([folder.path])
        #expect(scan.files.map(\.id.rawValue) == ["%93%FA%96%EC/%8B%A6%92%E8.txt", "bad-%FF-name.txt"])
        let documents = try scan.files.map { file in try SourceReader().parse(try SourceReader().read(file), of: file).document }
        #expect(documents.map(\.body) == ["八王子市の協定書です。", "日野市の協定。"])
        #expect(scan.ignored.map(\.reason) == ["a .jpg file; only \(CorpusScanner.readableEndings) files are read"])
        #expect(CorpusScanner.shownName(Array("正しい名前.txt".utf8)) == "正しい名前.txt")
    }
}
