import Foundation
import RenkeiCore
import RenkeiHTML
import RenkeiIngest

/// An invariant that did not hold, with the input that broke it.
package struct Finding: Error, CustomStringConvertible {
    package var target: String
    package var message: String
    package var input: String

    package init(target: String, message: String, input: String) {
        self.target = target
        self.message = message
        self.input = input
    }

    package var description: String { "\(target): \(message)\n  input: \(input.debugDescription)" }
}

/// One component under random input and the invariants it must keep on every input.
package struct FuzzTarget: Sendable {
    package var name: String
    package var check: @Sendable (inout RandomInput) throws -> Void

    package static let all: [FuzzTarget] = [normalizer, tokenizer, queryParser, textDecoder, htmlReader, dateScanner]

    static func require(_ condition: @autoclosure () -> Bool, _ target: String, _ message: String, _ input: String) throws {
        if !condition() { throw Finding(target: target, message: message, input: input) }
    }

    /// The normaliser with its offset map: the mapped text equals the plain one, normalising
    /// twice changes nothing, and every range of the output maps inside the input, in order.
    static let normalizer = FuzzTarget(name: "normalizer") { random in
        let text = random.text(words: ["ｶﾞ", "ﾊﾟ", "㈱", "①", "ＷＡＯＮ", "々", "\u{3099}"])
        let mapped = Normalizer.normalizeWithMap(text)
        try require(mapped.text == Normalizer.normalize(text), "normalizer", "normalizeWithMap and normalize differ", text)
        try require(Normalizer.normalize(mapped.text) == mapped.text, "normalizer", "not idempotent", text)
        let bytes = Array(mapped.text.utf8)
        var previous = 0..<0
        var offset = 0
        while offset < bytes.count {
            var end = offset + 1
            while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
            let source = mapped.originalByteRange(of: offset..<end)
            try require(
                source.lowerBound >= 0 && source.upperBound <= text.utf8.count && !source.isEmpty, "normalizer",
                "range \(offset)..<\(end) maps to \(source), outside the input or empty", text)
            try require(source.lowerBound >= previous.lowerBound, "normalizer", "mapped ranges go backwards at \(offset)", text)
            previous = source
            offset = end
        }
    }

    /// The bigram tokenizer: tokens lie inside the text on character boundaries, in order;
    /// in document mode every non-blank character is in a token; every query token starts
    /// some document token of the same text (a page holding the phrase holds its tokens).
    static let tokenizer = FuzzTarget(name: "tokenizer") { random in
        let text = Normalizer.normalize(random.text(words: ["包括連携協定", "WAON", "t-bar", " ", "　"]))
        let bytes = Array(text.utf8)
        let isBoundary = { (index: Int) in index == bytes.count || (index < bytes.count && bytes[index] & 0xC0 != 0x80) }
        let document = BigramTokenizer.tokens(in: text, mode: .document)
        var covered = [Bool](repeating: false, count: bytes.count)
        var previousStart = 0
        for token in document {
            let range = token.byteRange
            try require(
                range.lowerBound >= previousStart && range.lowerBound < range.upperBound && range.upperBound <= bytes.count, "tokenizer",
                "token \(token) out of order or outside the text", text)
            try require(isBoundary(range.lowerBound) && isBoundary(range.upperBound), "tokenizer", "token \(token) cuts a character", text)
            for index in range { covered[index] = true }
            previousStart = range.lowerBound
        }
        var index = 0
        for scalar in text.unicodeScalars {
            let length = String(scalar).utf8.count
            if !UTF8Scanner.isBlank(scalar.value) {
                try require(covered[index], "tokenizer", "character \(scalar.debugDescription) at byte \(index) is in no token", text)
            }
            index += length
        }
        let documentTokens = Set(document.map(\.text))
        for token in BigramTokenizer.tokens(in: text, mode: .query) {
            try require(
                documentTokens.contains(token.text) || documentTokens.contains { $0.hasPrefix(token.text) }, "tokenizer",
                "query token \(token) is in no document token", text)
        }
    }

    /// The query parser: any text parses or is refused with a `QueryError` (typed throws make
    /// that the only way out); a parsed query has a term to search for.
    static let queryParser = FuzzTarget(name: "query parser") { random in
        let text = random.text(maximum: 48, words: [" OR ", "-", "\"", " ", "協定", "OR", "AND", "NEAR(", "*"])
        switch Result(catching: { () throws(QueryError) in try SearchQuery(parsing: text) }) {
        case .success(let query):
            try require(!query.includedTerms.isEmpty, "query parser", "a parsed query with no included term", text)
            try require(query.includedTerms.allSatisfy { !$0.normalized.isEmpty }, "query parser", "an empty term", text)
        case .failure(let error):
            try require(!error.message.isEmpty, "query parser", "a refusal without a message", text)
        }
    }

    /// The text decoder: any bytes decode without a crash; valid UTF-8 (with or without a
    /// BOM) and UTF-16 with a BOM come back exactly.
    static let textDecoder = FuzzTarget(name: "text decoder") { random in
        let mangled = random.bytes()
        _ = TextDecoder.decode(mangled)
        var text = random.text(words: ["<meta charset=\"Shift_JIS\">", "髙島屋", "①"]).replacingOccurrences(of: "\u{0}", with: "")
        // A leading U+FEFF is a byte order mark, rightly dropped; a charset label is obeyed.
        while text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        guard !text.contains("charset") else { return }
        let encodings: [(String, [UInt8])] = [
            ("UTF-8", Array(text.utf8)), ("UTF-8 with BOM", [0xEF, 0xBB, 0xBF] + Array(text.utf8)),
            ("UTF-16LE with BOM", [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }),
        ]
        for (name, bytes) in encodings {
            let decoded = TextDecoder.decode(bytes)
            try require(decoded.text == text, "text decoder", "\(name) decoded as \(decoded.encoding) to \(decoded.text.debugDescription)", text)
        }
    }

    /// The HTML reader (decoder, libxml2, the reader): any bytes named .html give a document
    /// or a typed `IngestError`, and the document's text is valid and NUL-free.
    static let htmlReader = FuzzTarget(name: "HTML reader") { random in
        let markup = [
            "<html>", "<head><title>", "</title></head>", "<body>", "<div class=\"nav\">", "</div>", "<p>", "</p>", "<table><tr><td>",
            "</td></tr></table>", "<script>var a=1;</script>", "<!--", "-->", "<![CDATA[", "<br>", "&amp;", "&#x1F600;", "&nbsp;",
            "<meta charset=\"euc-jp\">", "<h2>協定</h2>", "<a href=\"x\">", "</a>", "<ul><li>", "</li></ul>",
        ]
        let bytes = random.bytes(maximum: 512, words: markup)
        let written = String(decoding: bytes, as: UTF8.self)
        let read = Result(catching: { () throws(IngestError) in
            try DocumentReader.read(bytes, id: DocumentID(rawValue: "fuzz.html"), kind: .html, contentHash: "0")
        })
        switch read {
        case .success(let output):
            try require(!output.document.body.contains("\u{0}"), "HTML reader", "NUL in the body", written)
        case .failure(let error):
            try require(!error.reason.isEmpty, "HTML reader", "an error without a reason", written)
        }
    }

    /// The date scanner: found ranges lie inside the text in order without overlapping, and
    /// dates and fiscal years are real calendar values.
    static let dateScanner = FuzzTarget(name: "date scanner") { random in
        let text = random.text(words: ["令和", "平成", "昭和", "元年", "年度", "年", "月", "日", "２０２３", "R5", "5", "12", "31", "〜", "/"])
        let count = text.unicodeScalars.count
        var previousEnd = 0
        for found in DateScanner.scan(text) {
            try require(
                found.range.lowerBound >= previousEnd && found.range.upperBound <= count && !found.range.isEmpty, "date scanner",
                "range \(found.range) out of order or outside \(count) scalars", text)
            previousEnd = found.range.upperBound
            switch found.kind {
            case .date(let date):
                try require((1868...2200).contains(date.year), "date scanner", "year \(date.year)", text)
                try require(date.month.map { (1...12).contains($0) } ?? true, "date scanner", "month \(String(describing: date.month))", text)
                try require(date.day.map { (1...31).contains($0) } ?? true, "date scanner", "day \(String(describing: date.day))", text)
            case .fiscalYear(let year):
                try require((1868...2200).contains(year), "date scanner", "fiscal year \(year)", text)
            case .monthDay(let month, let day):
                try require((1...12).contains(month) && (1...31).contains(day), "date scanner", "month-day \(month)/\(day)", text)
            }
        }
    }
}
