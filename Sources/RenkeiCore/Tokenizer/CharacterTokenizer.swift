/// Each distinct non-blank character of a text, once, in order of first appearance: the
/// tokens of the character index, which answers one-character queries (which texts contain
/// the character; no positions needed).
package enum CharacterTokenizer {
    /// Calls `emit(start, end)` with the byte range of the first occurrence of each distinct
    /// non-blank character. Stops early and returns false when `emit` returns false.
    @discardableResult
    @inlinable
    package static func tokenize(_ text: UnsafeBufferPointer<UInt8>, _ emit: (_ start: Int, _ end: Int) -> Bool) -> Bool {
        // Characters of the Basic Multilingual Plane are remembered in a bitmap, others in a set.
        var seenBMP = [UInt64](repeating: 0, count: 1_024)
        var seenOthers = Set<UInt32>()
        var index = 0
        while index < text.count {
            let (scalar, length) = UTF8Scanner.decode(text, at: index)
            let start = index
            index += length
            if UTF8Scanner.isBlank(scalar) { continue }
            if scalar < 0x10000 {
                let word = Int(scalar >> 6), bit = UInt64(1) << (scalar & 63)
                if seenBMP[word] & bit != 0 { continue }
                seenBMP[word] |= bit
            } else if !seenOthers.insert(scalar).inserted {
                continue
            }
            if !emit(start, index) { return false }
        }
        return true
    }
}
