internal import Foundation

/// Substring search on UTF-8 bytes: the ground truth of matching, and the source of highlights.
package enum ByteSearch {
    /// Byte ranges of every occurrence of `needle` in `haystack`, overlapping ones included.
    /// Occurrences start on character boundaries because both strings are valid UTF-8.
    package static func occurrences(of needle: String, in haystack: String) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var needle = needle
        var haystack = haystack
        needle.withUTF8 { pattern in
            haystack.withUTF8 { text in
                guard !pattern.isEmpty, pattern.count <= text.count else { return }
                let first = pattern[0]
                var index = 0
                let last = text.count - pattern.count
                while index <= last {
                    if text[index] == first, memcmp(text.baseAddress! + index, pattern.baseAddress!, pattern.count) == 0 {
                        result.append(index..<(index + pattern.count))
                    }
                    index += 1
                }
            }
        }
        return result
    }

    /// Whether `needle` occurs in `haystack`, byte for byte.
    package static func contains(_ needle: String, in haystack: String) -> Bool {
        var needle = needle
        var haystack = haystack
        return needle.withUTF8 { pattern in
            haystack.withUTF8 { text in
                guard !pattern.isEmpty else { return true }
                guard pattern.count <= text.count else { return false }
                let first = pattern[0]
                for index in 0...(text.count - pattern.count)
                where text[index] == first && memcmp(text.baseAddress! + index, pattern.baseAddress!, pattern.count) == 0 {
                    return true
                }
                return false
            }
        }
    }
}
