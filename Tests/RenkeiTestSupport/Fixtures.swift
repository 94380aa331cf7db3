package import Foundation
package import RenkeiCore
internal import RenkeiIngest
package import RenkeiStore

/// Test inputs made from the real sample pages in `Corpus/`, found from this file's location.
package enum Fixtures {
    package static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    package static var corpusFolder: URL { repositoryRoot.appendingPathComponent("Corpus") }

    /// The seed pages as (file name, text), in name order.
    package static func corpusTexts() throws -> [(name: String, text: String)] {
        try FileManager.default.contentsOfDirectory(atPath: corpusFolder.path).filter { $0.hasSuffix(".txt") }.sorted()
            .map { name in (name, try String(contentsOf: corpusFolder.appendingPathComponent(name), encoding: .utf8)) }
    }

    /// A store in memory holding the seed pages, read as `renkei ingest` reads them.
    package static func corpusStore() throws -> (store: IndexStore, documents: [Document]) {
        let store = try IndexStore.inMemory()
        let documents = try corpusTexts().map { name, text in
            let bytes = Array(text.utf8)
            return try DocumentReader.read(bytes, id: DocumentID(rawValue: name), kind: .text, contentHash: SHA256.hexDigest(bytes)).document
        }
        try store.write(documents.map { PreparedDocument($0) })
        return (store, documents)
    }

    /// A document with the given body, titled by its first line unless a title is given.
    package static func document(id: String, body: String, title: String? = nil) -> Document {
        let firstLine = body.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return Document(
            id: DocumentID(rawValue: id), title: title ?? firstLine, body: body,
            contentHash: SHA256.hexDigest(Array(body.utf8)), encoding: "UTF-8", byteCount: body.utf8.count)
    }
}

/// A seeded generator, so a failing generated case can be replayed.
package struct SplitMix64: RandomNumberGenerator {
    package var state: UInt64

    package init(state: UInt64) {
        self.state = state
    }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
