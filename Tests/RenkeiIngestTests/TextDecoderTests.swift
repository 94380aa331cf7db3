import Foundation
import Testing

@testable import RenkeiIngest

@Suite struct TextDecoderTests {
    static let sample = "日野市と多摩信用金庫は、産業活性化支援に関する包括協定を締結しました。①㈱髙"

    @Test(arguments: [
        ("<meta charset=\"Shift_JIS\">", "shift_jis"),
        ("<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=euc-jp\">", "euc-jp"),
        ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "utf-8"),
        ("<meta charset='windows-31j'/>", "windows-31j"),
        ("<p>no declaration</p>", nil),
    ])
    func findsTheDeclaration(head: String, expected: String?) {
        #expect(TextDecoder.declaredCharset(Array(head.utf8)) == expected)
    }

    @Test(arguments: [("Shift_JIS", "CP932"), ("x-sjis", "CP932"), ("EUC-JP", "EUC-JP"), ("utf8", "UTF-8"), ("no-such-charset", nil)])
    func mapsLabels(label: String, expected: String?) {
        #expect(TextDecoder.canonicalName(label) == expected)
    }

    /// A fetched page: the server's charset outranks the page's own declaration, and a
    /// byte-order mark outranks both.
    @Test func theServersCharsetComesAfterTheBOMAndBeforeTheMeta() {
        // Both EUC-JP and CP932 decode these bytes without error (野市 in EUC-JP reads as ﾌ錥ﾔ
        // in CP932), so whichever label is believed wins.
        let eucBytes = Self.encode("<html><head><meta charset=\"Shift_JIS\"></head><body>野市</body></html>", "EUC-JP")
        #expect(TextDecoder.decode(eucBytes, headerCharset: "EUC-JP").encoding == "EUC-JP")
        #expect(TextDecoder.decode(eucBytes, headerCharset: "EUC-JP").text.contains("野市"))
        // Without the header the page's (wrong) declaration would have been taken.
        #expect(TextDecoder.decode(eucBytes).encoding == "CP932")
        let withBOM = [0xEF, 0xBB, 0xBF] + Array("日野市".utf8)
        #expect(TextDecoder.decode(withBOM, headerCharset: "Shift_JIS").text == "日野市")
        // A header that names what the bytes are not loses to a clean decoding, with a warning.
        let utf8 = Array("<p>日野市と多摩信用金庫</p>".utf8)
        let wrongHeader = TextDecoder.decode(utf8, headerCharset: "EUC-JP")
        #expect(wrongHeader.encoding == "UTF-8" && wrongHeader.text.contains("日野市") && !wrongHeader.warnings.isEmpty)
    }

    @Test func detectsUndeclaredLegacyEncodings() {
        let cp932 = TextDecoder.convert(Array(Self.sample.utf8), from: "UTF-8") // sanity: iconv works
        #expect(cp932.errors == 0)
        for (encoding, bytes) in [
            ("CP932", Self.encode(Self.sample, "CP932")), ("EUC-JP", Self.encode("日野市と多摩信用金庫は、産業活性化支援に関する包括協定を締結しました。", "EUC-JP")),
        ] {
            let decoded = TextDecoder.decode(bytes)
            #expect(decoded.encoding == encoding)
            #expect(decoded.warnings.isEmpty)
            #expect(decoded.text.hasPrefix("日野市と多摩信用金庫は"))
        }
    }

    @Test func undecodableBytesBecomeReplacementsWithAWarning() {
        let bytes = Self.encode("日野市の協定", "CP932") + [0x85, 0x85] + Self.encode("と事業", "CP932")
        let decoded = TextDecoder.decode(Array("<meta charset=\"Shift_JIS\">".utf8) + bytes)
        #expect(decoded.text.contains("日野市の協定"))
        #expect(decoded.text.contains("と事業"))
        #expect(decoded.text.contains("\u{FFFD}"))
        #expect(!decoded.warnings.isEmpty)
    }

    @Test func aWrongDeclarationLosesToCleanBytes() {
        let bytes = Array("<meta charset=\"Shift_JIS\">".utf8) + Array("包括連携協定".utf8)
        let decoded = TextDecoder.decode(bytes)
        #expect(decoded.encoding == "UTF-8")
        #expect(decoded.text.contains("包括連携協定"))
        #expect(decoded.warnings.count == 1)
    }

    static func encode(_ text: String, _ encoding: String) -> [UInt8] {
        let converter = iconv_open(encoding, "UTF-8")!
        defer { iconv_close(converter) }
        var input = Array(text.utf8).map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: input.count * 4)
        let produced = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = inBuffer.baseAddress, outPointer = outBuffer.baseAddress
                var inLeft = inBuffer.count, outLeft = outBuffer.count
                _ = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                return outBuffer.count - outLeft
            }
        }
        return output[0..<produced].map { UInt8(bitPattern: $0) }
    }
}
