import Foundation
import Testing

@testable import RenkeiQuery

/// NDJSON lines are written by hand for speed: they must parse back to what was written.
@Suite struct JSONLineTests {
    @Test func stringsWithQuotesControlsAndJapaneseParseBack() throws {
        let texts = ["「協定」を締結", "a\"b\\c", "line\nbreak\r\ttab", "\u{0}\u{1}\u{1F}\u{7F}", "😀𠁁", ""]
        var line = JSONLine()
        line.add("evidence", texts[0])
        line.add("amountYen", 1_070_000)
        line.add("missing", nil as String?)
        line.add("texts", texts)
        let text = line.line
        #expect(text.hasSuffix("}\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["evidence"] as? String == texts[0])
        #expect(object["amountYen"] as? Int == 1_070_000)
        #expect(object["missing"] == nil)
        #expect(object["texts"] as? [String] == texts)
    }
}
