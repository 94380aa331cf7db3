internal import Dispatch
internal import Foundation

/// A PDF's text layer, page by page, from poppler's `pdftotext -layout` run as a subprocess
/// (GPL, so it is never linked; Debian's `poppler-utils`, with `poppler-data` for the CMaps of
/// Japanese fonts that are not embedded).
///
/// The bytes go in on standard input (`fd://0`), so what is parsed is what was hashed.
/// `pdftotext` ends each page with a form feed; pages are kept apart by a line holding only a
/// form feed (`pageSeparator`), which snippets count to say which page they are on.
package enum PDFTextReader {
    /// Between two pages in a PDF document's body: a line holding only U+000C.
    package static let pageSeparator = "\n\u{0C}\n"

    /// The program, found on `PATH` (or named by `RENKEI_PDFTOTEXT`).
    static let program: String? = {
        if let named = ProcessInfo.processInfo.environment["RENKEI_PDFTOTEXT"], !named.isEmpty { return named }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") where access("\(folder)/pdftotext", X_OK) == 0 {
            return "\(folder)/pdftotext"
        }
        return nil
    }()

    /// A page that takes longer than this per megabyte (and at least `minimumSeconds`) is
    /// given up: a malformed PDF must not hold an ingest forever.
    static let minimumSeconds = 30.0

    /// The text of each page, trimmed, blank-line runs collapsed; an empty page is "".
    package static func pages(of bytes: [UInt8]) throws(IngestError) -> [String] {
        guard let program else {
            throw IngestError(.unreadable, "a PDF, and pdftotext is not installed (Debian: apt install poppler-utils poppler-data)")
        }
        let output: (status: Int32, stdout: Data, stderr: Data, timedOut: Bool)
        do {
            output = try run(
                program, ["-layout", "-enc", "UTF-8", "fd://0", "-"], input: bytes,
                seconds: max(minimumSeconds, Double(bytes.count) / 1_000_000 * 10))
        } catch {
            throw IngestError(.unreadable, "a PDF, and pdftotext could not be started (\(error))")
        }
        let messages = String(decoding: output.stderr, as: UTF8.self)
            .split(whereSeparator: \.isNewline).map(String.init)
        if output.timedOut {
            throw IngestError(.unreadable, "a PDF that pdftotext did not read within its time limit")
        }
        guard output.status == 0 else {
            let reason = messages.first { $0.contains("Error") } ?? messages.first ?? "exit status \(output.status)"
            throw IngestError(.unreadable, "a PDF that pdftotext cannot read: \(reason)")
        }
        var pages = String(decoding: output.stdout, as: UTF8.self).components(separatedBy: "\u{0C}")
        // Every page ends with a form feed, so the last piece is what follows the last page.
        if pages.count > 1, pages.last?.allSatisfy(\.isWhitespace) == true { pages.removeLast() }
        return pages.map(tidy)
    }

    /// Lines trimmed of the blanks that lay the page out, runs of blank lines made one, and
    /// lines that a paragraph wrapped joined again (`unwrap`).
    static func tidy(_ page: String) -> String {
        var lines: [Substring] = []
        for line in page.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " || $0 == "\u{3000}" || $0 == "\t" }
            let end = trimmed.lastIndex { $0 != " " && $0 != "\u{3000}" && $0 != "\t" && $0 != "\r" }
            let kept = end.map { trimmed[...$0] } ?? ""
            if kept.isEmpty, lines.last?.isEmpty ?? true { continue }
            lines.append(kept)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return unwrap(lines.map(String.init)).joined(separator: "\n")
    }

    /// A PDF keeps the lines of the page, not the paragraphs: a sentence wrapped at the right
    /// margin arrives as two lines, and phrase search and extraction would miss it. A line is
    /// joined to the next when it reaches nearly the width of the page's longest line (it was
    /// wrapped, not ended), does not end a sentence, and the next line does not start an item.
    /// Japanese needs no blank at the join; between two Latin letters or digits one is put.
    package static func unwrap(_ lines: [String]) -> [String] {
        let widths = lines.map(displayWidth)
        guard let widest = widths.max(), widest >= 20 else { return lines }
        var joined: [String] = []
        var continuing = false
        for (index, line) in lines.enumerated() {
            if continuing, var last = joined.popLast() {
                if let end = last.unicodeScalars.last, let start = line.unicodeScalars.first, end.isASCIIWord, start.isASCIIWord {
                    last += " "
                }
                joined.append(last + line)
            } else {
                joined.append(line)
            }
            let next = index + 1 < lines.count ? lines[index + 1] : ""
            continuing =
                !line.isEmpty && !next.isEmpty && widths[index] * 10 >= widest * 8
                && !endsSentence(line) && !startsItem(next)
        }
        return joined
    }

    /// Columns on a fixed-width page: East Asian wide characters take two.
    static func displayWidth(_ line: String) -> Int {
        line.unicodeScalars.reduce(0) { width, scalar in
            switch scalar.value {
            case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
                0x20000...0x3FFFD:
                return width + 2
            default: return width + 1
            }
        }
    }

    private static func endsSentence(_ line: String) -> Bool {
        guard let last = line.last else { return true }
        return "。．.！!？?：:」』）)".contains(last)
    }

    /// Whether a line opens a list item or a heading: a bullet, a number with a blank or a
    /// bracket after it, 第N条 and the like.
    private static func startsItem(_ line: String) -> Bool {
        guard let first = line.first else { return true }
        if "・●○◆◇■□※＊*-–―（(【〔<＜〈《「『①②③④⑤⑥⑦⑧⑨⑩".contains(first) { return true }
        if first == "第" { return true }
        let digits = line.prefix { $0.isNumber }
        if !digits.isEmpty, digits.count < line.count {
            let after = line[digits.endIndex]
            return after == " " || after == "\u{3000}" || after == "." || after == "．" || after == ")" || after == "）" || after == "、"
        }
        return false
    }

    /// A PDF that pdftotext stops reading early closes the pipe: the write must fail with
    /// EPIPE, not kill the process with SIGPIPE. Set once, for the whole process.
    private static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

    /// Runs `program`, writing `input` to its standard input while reading both outputs (a
    /// full pipe on either side would otherwise stop both processes).
    private static func run(_ program: String, _ arguments: [String], input: [UInt8], seconds: Double) throws
        -> (status: Int32, stdout: Data, stderr: Data, timedOut: Bool)
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let (stdin, stdout, stderr) = (Pipe(), Pipe(), Pipe())
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let group = DispatchGroup()
        let collected = Collected()
        _ = ignoreBrokenPipes
        DispatchQueue.global().async(group: group) {
            try? stdin.fileHandleForWriting.write(contentsOf: Data(input))
            try? stdin.fileHandleForWriting.close()
        }
        DispatchQueue.global().async(group: group) { collected.set(stderr: stderr.fileHandleForReading.readDataToEndOfFile()) }
        DispatchQueue.global().async(group: group) { collected.set(stdout: stdout.fileHandleForReading.readDataToEndOfFile()) }
        var timedOut = false
        if group.wait(timeout: .now() + seconds) == .timedOut {
            timedOut = true
            process.terminate()
            group.wait()
        }
        process.waitUntilExit()
        return (process.terminationStatus, collected.stdout, collected.stderr, timedOut)
    }
}

/// The two outputs of a subprocess, filled from two dispatch queues.
private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var out = Data()
    private var err = Data()

    func set(stdout data: Data) { lock.withLock { out = data } }
    func set(stderr data: Data) { lock.withLock { err = data } }
    var stdout: Data { lock.withLock { out } }
    var stderr: Data { lock.withLock { err } }
}

extension Unicode.Scalar {
    /// An ASCII letter or digit, between which a join needs a blank.
    fileprivate var isASCIIWord: Bool {
        (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
    }
}
