/// Cuts start tags longer than `maximumTagBytes` before libxml2 sees them. libxml2 checks each
/// attribute of a tag against every earlier one, so a tag with a million attributes took
/// minutes of one core (the reliability suite's malformed corpus); no page needs more than a
/// few. The cut keeps the tag's first bytes and its closing `>`, so the element and the text
/// after it stay; quoted attribute values are respected in finding where a tag ends.
package enum LongTagLimiter {
    package static let maximumTagBytes = 64 * 1024

    /// The bytes with every over-long tag cut, and how many tags were cut.
    package static func limit(_ bytes: [UInt8], maximumTagBytes: Int = maximumTagBytes) -> (bytes: [UInt8], cut: Int) {
        // Most pages have no tag near the limit: a quick pass finds out without copying.
        guard hasLongTag(bytes, maximumTagBytes) else { return (bytes, 0) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var cut = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "<"), index + 1 < bytes.count, isLetter(bytes[index + 1]) else {
                output.append(byte)
                index += 1
                continue
            }
            let end = tagEnd(bytes, from: index)
            if end - index > maximumTagBytes {
                output.append(contentsOf: bytes[index..<(index + maximumTagBytes)])
                // A cut inside a quoted value would swallow what follows: close the tag plainly.
                output.append(contentsOf: Array("\">".utf8))
                cut += 1
            } else {
                output.append(contentsOf: bytes[index..<min(end, bytes.count)])
            }
            index = end
        }
        return (output, cut)
    }

    private static func hasLongTag(_ bytes: [UInt8], _ maximum: Int) -> Bool {
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<"), index + 1 < bytes.count, isLetter(bytes[index + 1]) {
                let end = tagEnd(bytes, from: index)
                if end - index > maximum { return true }
                index = end
            } else {
                index += 1
            }
        }
        return false
    }

    /// The index after the `>` that ends the tag starting at `start`, or the end. A quote
    /// opens a value only right after `=` (as browsers read it), so a stray `'` in a tag does
    /// not make it run on to the next one.
    private static func tagEnd(_ bytes: [UInt8], from start: Int) -> Int {
        var quote: UInt8?
        var afterEquals = false
        var index = start + 1
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if afterEquals, byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
                afterEquals = false
            } else if byte == UInt8(ascii: ">") {
                return index + 1
            } else if byte == UInt8(ascii: "=") {
                afterEquals = true
            } else if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") && byte != UInt8(ascii: "\n") && byte != UInt8(ascii: "\r") {
                afterEquals = false
            }
            index += 1
        }
        return bytes.count
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }
}
