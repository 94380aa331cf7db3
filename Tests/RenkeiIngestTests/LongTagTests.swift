import Foundation
import RenkeiCore
import RenkeiHTML
import RenkeiIngest
import Testing

/// A tag with a million attributes once kept libxml2 busy for minutes (it compares each
/// attribute with every earlier one); such tags are cut before parsing, and the page's text stays.
@Suite struct LongTagTests {
    @Test func aTagWithAMillionAttributesIsCutAndItsTextKept() throws {
        let attributes = (0..<1_000_000).map { "a\($0)=x" }.joined(separator: " ")
        let page = Array("<html><body><p \(attributes)>日野市の包括連携協定</p><p title=\"a > b\">次の段落</p></body></html>".utf8)
        let output = try DocumentReader.read(page, id: DocumentID(rawValue: "long.html"), kind: .html, contentHash: "0")
        #expect(output.document.body.contains("日野市の包括連携協定"))
        #expect(output.document.body.contains("次の段落"))
        #expect(output.warnings.contains { $0.contains("1 tags longer than 64 KB were cut") })
    }

    @Test func ordinaryTagsAreLeftAlone() {
        let page = Array("<p title=\"it's > fine\" class='x'>本文</p><a href=x>it's</a>".utf8)
        let limited = LongTagLimiter.limit(page)
        #expect(limited.cut == 0 && limited.bytes == page)
        // A stray quote outside a value does not run the tag on.
        let stray = Array(("<p it's>" + String(repeating: "本文", count: 30_000) + "'</p>").utf8)
        #expect(LongTagLimiter.limit(stray).cut == 0)
    }
}
