internal import CByteSearch

/// Substring search on UTF-8 bytes: the ground truth of matching, and the source of highlights.
/// glibc's `memmem` does the scanning (several times faster than a byte loop: loose checks
/// search thousands of folded passages per query).
package enum ByteSearch {
    /// Byte ranges of every occurrence of `needle` in `haystack`, overlapping ones included.
    /// Occurrences start on character boundaries because both strings are valid UTF-8.
    package static func occurrences(of needle: String, in haystack: String) -> [Range<Int>] {
        var result: [Range<Int>] = []
        let length = needle.utf8.count
        forEachOccurrence(of: needle, in: haystack) { start in
            result.append(start..<(start + length))
            return true
        }
        return result
    }

    /// How many times `needle` occurs in `haystack`, overlapping occurrences included.
    package static func count(of needle: String, in haystack: String) -> Int {
        var count = 0
        forEachOccurrence(of: needle, in: haystack) { _ in
            count += 1
            return true
        }
        return count
    }

    /// Whether `needle` occurs in `haystack`, byte for byte.
    package static func contains(_ needle: String, in haystack: String) -> Bool {
        guard !needle.isEmpty else { return true }
        var found = false
        forEachOccurrence(of: needle, in: haystack) { _ in
            found = true
            return false
        }
        return found
    }

    /// Whether `byte` occurs in `bytes` (memmem of one byte is glibc's vectorised memchr).
    package static func contains(byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
        var needle = byte
        return renkei_find_bytes(base, bytes.count, &needle, 1) >= 0
    }

    /// Calls `body` with the byte offset of each occurrence, first to last, while it returns true.
    private static func forEachOccurrence(of needle: String, in haystack: String, _ body: (Int) -> Bool) {
        var needle = needle
        var haystack = haystack
        needle.withUTF8 { pattern in
            haystack.withUTF8 { text in
                guard !pattern.isEmpty else { return }
                var start = 0
                while start + pattern.count <= text.count {
                    let offset = renkei_find_bytes(text.baseAddress! + start, text.count - start, pattern.baseAddress!, pattern.count)
                    guard offset >= 0, body(start + offset) else { return }
                    start += offset + 1
                }
            }
        }
    }
}
