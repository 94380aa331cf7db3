internal import Foundation

/// Bytes to text in the encoding a Japanese page really uses.
///
/// Order: a byte-order mark; then the charset the web server sent, if any; then the page's own declaration (`<meta charset>`,
/// `http-equiv`, `<?xml encoding>`), Shift_JIS labels read as CP932 (Windows-31J, which
/// real sites serve under that label: ①, ㈱, 髙); then detection: valid UTF-8, else whichever
/// of CP932 and EUC-JP decodes with fewer errors and more ordinary Japanese. A declaration
/// that does not decode cleanly loses to a candidate that does. Undecodable bytes become
/// U+FFFD and a warning.
package enum TextDecoder {
    package struct Decoded: Sendable {
        package var text: String
        /// The encoding used, by its common name (UTF-8, CP932, EUC-JP, …).
        package var encoding: String
        package var warnings: [String]
    }

    /// `headerCharset`, the charset of an HTTP `Content-Type`, ranks above the page's own
    /// declaration and is checked the same way.
    package static func decode(_ bytes: [UInt8], headerCharset: String? = nil) -> Decoded {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return utf8(Array(bytes.dropFirst(3)), how: "UTF-8 (BOM)")
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let name = bytes[0] == 0xFF ? "UTF-16LE" : "UTF-16BE"
            let result = convert(Array(bytes.dropFirst(2)), from: name)
            return Decoded(text: result.text, encoding: name, warnings: replacementWarning(result.errors))
        }
        var warnings: [String] = []
        if let label = headerCharset ?? declaredCharset(bytes) {
            if let name = canonicalName(label) {
                let declared = name == "UTF-8" ? strictUTF8(bytes) : convert(bytes, from: name)
                if declared.errors == 0 { return Decoded(text: declared.text, encoding: name, warnings: []) }
                let detected = detect(bytes)
                if detected.errors == 0 {
                    return Decoded(
                        text: detected.text, encoding: detected.encoding,
                        warnings: ["declared \(label) but the bytes are \(detected.encoding); decoded as \(detected.encoding)"])
                }
                return Decoded(text: declared.text, encoding: name, warnings: replacementWarning(declared.errors))
            }
            warnings.append("unknown charset \"\(label)\" declared; detected the encoding instead")
        }
        let detected = detect(bytes)
        return Decoded(text: detected.text, encoding: detected.encoding, warnings: warnings + replacementWarning(detected.errors))
    }

    private static func utf8(_ bytes: [UInt8], how: String) -> Decoded {
        let result = strictUTF8(bytes)
        return Decoded(text: result.text, encoding: "UTF-8", warnings: replacementWarning(result.errors))
    }

    private static func replacementWarning(_ errors: Int) -> [String] {
        errors == 0 ? [] : ["\(errors) undecodable byte sequences were replaced with U+FFFD"]
    }

    /// UTF-8 if valid; else the Japanese legacy encoding that fits best.
    private static func detect(_ bytes: [UInt8]) -> (text: String, encoding: String, errors: Int) {
        let utf8 = strictUTF8(bytes)
        if utf8.errors == 0 { return (utf8.text, "UTF-8", 0) }
        let candidates = [("CP932", convert(bytes, from: "CP932")), ("EUC-JP", convert(bytes, from: "EUC-JP"))]
            .map { (name: $0.0, text: $0.1.text, errors: $0.1.errors) }
        let best = candidates.min { left, right in
            if left.errors != right.errors { return left.errors < right.errors }
            return plausibility(left.text) > plausibility(right.text)
        }!
        // Mostly UTF-8 with a few broken bytes is still UTF-8.
        if utf8.errors <= best.errors { return (utf8.text, "UTF-8", utf8.errors) }
        return (best.text, best.name, best.errors)
    }

    /// How much a text looks like ordinary Japanese: hiragana and common punctuation count
    /// for it, half-width katakana and private-use characters against it.
    static func plausibility(_ text: String) -> Int {
        var score = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x3040...0x309F, 0x3001...0x3002, 0x30A0...0x30FF: score += 2
            case 0x4E00...0x9FFF: score += 1
            case 0xFF61...0xFF9F, 0xE000...0xF8FF, 0xFFFD: score -= 3
            default: break
            }
        }
        return score
    }

    private static func strictUTF8(_ bytes: [UInt8]) -> (text: String, errors: Int) {
        if let text = String(validating: bytes, as: UTF8.self) { return (text, 0) }
        let text = String(decoding: bytes, as: UTF8.self)
        return (text, text.unicodeScalars.reduce(0) { $0 + ($1 == "\u{FFFD}" ? 1 : 0) })
    }

    /// Converts with glibc's iconv, replacing each byte it cannot convert with U+FFFD.
    static func convert(_ bytes: [UInt8], from encoding: String) -> (text: String, errors: Int) {
        let converter = iconv_open("UTF-8", encoding)
        guard let converter, converter != UnsafeMutableRawPointer(bitPattern: -1) else {
            return (String(decoding: bytes, as: UTF8.self), bytes.count)
        }
        defer { iconv_close(converter) }
        var output = [UInt8]()
        output.reserveCapacity(bytes.count * 3 / 2 + 16)
        var errors = 0
        var chunk = [CChar](repeating: 0, count: 64 * 1024)
        var input = bytes.map { CChar(bitPattern: $0) }
        input.withUnsafeMutableBufferPointer { inputBuffer in
            var inPointer: UnsafeMutablePointer<CChar>? = inputBuffer.baseAddress
            var inLeft = inputBuffer.count
            while inLeft > 0 {
                let (status, failure, produced): (Int, Int32, Int) = chunk.withUnsafeMutableBufferPointer { chunkBuffer in
                    var outPointer: UnsafeMutablePointer<CChar>? = chunkBuffer.baseAddress
                    var outLeft = chunkBuffer.count
                    let status = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                    let failure = status == -1 ? errno : 0
                    return (status, failure, chunkBuffer.count - outLeft)
                }
                output.append(contentsOf: chunk[0..<produced].map { UInt8(bitPattern: $0) })
                if status == -1 {
                    if failure == E2BIG { continue }
                    // EILSEQ or EINVAL (cut short at the end): replace one byte and go on.
                    output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                    errors += 1
                    inPointer = inPointer.map { $0 + 1 }
                    inLeft -= 1
                    iconv(converter, nil, nil, nil, nil)
                }
            }
        }
        return (String(decoding: output, as: UTF8.self), errors)
    }

    /// The charset a page declares in its first 4 KB, as written (lower-cased).
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head = bytes.prefix(4096).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        for marker in [Array("charset=".utf8), Array("encoding=".utf8)] {
            var index = 0
            while index + marker.count <= head.count {
                guard head[index] == marker[0], Array(head[index..<(index + marker.count)]) == marker else {
                    index += 1
                    continue
                }
                var start = index + marker.count
                while start < head.count, head[start] == 0x22 || head[start] == 0x27 || head[start] == 0x20 { start += 1 }
                var end = start
                while end < head.count, Self.isLabelByte(head[end]) { end += 1 }
                if end > start { return String(decoding: head[start..<end], as: UTF8.self) }
                index += 1
            }
        }
        return nil
    }

    private static func isLabelByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x5F || byte == 0x3A || byte == 0x2E
    }

    /// The iconv name for a charset label; nil when iconv does not know it.
    static func canonicalName(_ label: String) -> String? {
        switch label.lowercased() {
        case "utf-8", "utf8": return "UTF-8"
        case "shift_jis", "shift-jis", "sjis", "x-sjis", "windows-31j", "cp932", "ms_kanji", "csshiftjis", "ms932": return "CP932"
        case "euc-jp", "eucjp", "x-euc-jp", "cseucpkdfmtjapanese": return "EUC-JP"
        case "iso-2022-jp", "csiso2022jp": return "ISO-2022-JP"
        default:
            let converter = iconv_open("UTF-8", label)
            guard let converter, converter != UnsafeMutableRawPointer(bitPattern: -1) else { return nil }
            iconv_close(converter)
            return label.uppercased()
        }
    }
}
