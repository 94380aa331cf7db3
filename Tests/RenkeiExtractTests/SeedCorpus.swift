import Foundation
import RenkeiCore
import RenkeiExtract
import RenkeiIngest
import RenkeiTestSupport

/// The seed pages read as `renkei ingest` reads them, then extracted.
enum SeedCorpus {
    static func extractions() throws -> [Extraction] {
        try Fixtures.corpusTexts().map { name, text in
            let bytes = Array(text.utf8)
            let document = try DocumentReader.read(bytes, id: DocumentID(rawValue: name), kind: .text, contentHash: SHA256.hexDigest(bytes)).document
            return Extractor().extract(document)
        }
    }
}
