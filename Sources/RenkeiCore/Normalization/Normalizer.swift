internal import Foundation

/// The strict normalisation shared by documents and queries: NFKC, then lower-casing.
///
/// | Input      | Output     | Why                                   |
/// |------------|------------|---------------------------------------|
/// | `ＷＡＯＮ` | `waon`     | full width to ASCII, then lower case  |
/// | `ﾍﾙｽｹｱ`    | `ヘルスケア` | half-width katakana                   |
/// | `ｶﾞ`       | `ガ`       | two inputs yield one output           |
/// | `㍻`       | `平成`     | one input yields two outputs          |
/// | `①` `㈱`   | `1` `(株)` | compatibility characters              |
/// | U+3000     | ` `        | the ideographic space is a blank      |
///
/// Most characters of Japanese text (ASCII, kana, CJK ideographs, CJK punctuation,
/// full-width ASCII) are mapped by a table in this file; the rest go through Foundation,
/// one cluster (a character and the marks that may compose with it) at a time, so every
/// output character knows which original bytes it came from. Foundation's NFKC on Linux
/// leaves ｶﾞ as カ + U+3099, so NFC is applied after it.
package enum Normalizer {
    /// The normalised form of `text`, without the offset map. With `foldingCase` false the
    /// text is only NFKC (+ NFC): what extraction reads, where KDDI must stay KDDI.
    package static func normalize(_ text: String, foldingCase: Bool = true) -> String {
        var text = text
        return text.withUTF8 { source in
            var output = NormalizedBytes(capacity: source.count, recordsSources: false)
            defer { output.deallocate() }
            run(source, into: &output, foldingCase: foldingCase)
            return output.string
        }
    }

    /// The normalised form of `text` with, for each of its bytes, the original bytes it came from.
    package static func normalizeWithMap(_ text: String) -> NormalizedText {
        var copy = text
        return copy.withUTF8 { source in
            var output = NormalizedBytes(capacity: source.count, recordsSources: true)
            defer { output.deallocate() }
            run(source, into: &output)
            return NormalizedText(original: text, text: output.string, map: output.map)
        }
    }

    private static func run(_ source: UnsafeBufferPointer<UInt8>, into output: inout NormalizedBytes, foldingCase: Bool = true) {
        var clusterCache: [String: String] = [:]
        let count = source.count
        var position = 0
        while position < count {
            // Runs of ASCII and of CJK ideographs U+5000…U+9FFF (lead bytes 0xE5…0xE9), the
            // bulk of most texts, are copied whole (ASCII lower-cased): each character is its
            // own cluster and maps to itself, unless a combining mark follows the run's last.
            let byte = source[position]
            let runStart = position
            let run = byte < 0x80 ? asciiRun(source, from: position) : (0xE5...0xE9).contains(byte) ? ideographRun(source, from: position) : position
            if run > position {
                output.append(run: UnsafeBufferPointer(rebasing: source[position..<run]), from: position, foldingCase: foldingCase && byte < 0x80)
                position = run
                continue
            }
            // Other characters of the table one at a time, each decoded once: the character
            // after one is decoded to see whether it combines, and is the next one. (ASCII
            // reaches here only when a combining mark follows it.)
            if byte >= 0x80 {
                var (scalar, length) = UTF8Scanner.decode(source, at: position)
                while var mapped = fastMapping(scalar) {
                    let next = position + length
                    var following: (scalar: UInt32, length: Int)?
                    if next < count, source[next] >= 0x80 {
                        following = UTF8Scanner.decode(source, at: next)
                        if let following, continuesCluster(following.scalar) { break }
                    }
                    if !foldingCase, (0x41...0x5A).contains(scalar) || (0xFF21...0xFF3A).contains(scalar) {
                        mapped -= 0x20 // A–Z and Ａ–Ｚ keep their case: only the width is folded
                    }
                    output.append(scalar: mapped, from: position..<next)
                    position = next
                    // ASCII, an ideograph run or the end: back to the runs.
                    guard let following, !(0xE5...0xE9).contains(source[next]) else { break }
                    (scalar, length) = following
                }
                if position != runStart { continue }
            }
            // Slow path: this character and every following one that may compose with it.
            var end = position + UTF8Scanner.decode(source, at: position).length
            while end < count {
                let (following, followingLength) = UTF8Scanner.decode(source, at: end)
                guard continuesCluster(following) else { break }
                end += followingLength
            }
            let cluster = String(decoding: UnsafeBufferPointer(rebasing: source[position..<end]), as: UTF8.self)
            let normalized: String
            if let cached = clusterCache[cluster] {
                normalized = cached
            } else {
                let composed = compatibilityComposed(cluster)
                normalized = foldingCase ? composed.lowercased() : composed
                clusterCache[cluster] = normalized
            }
            // What follows may take the fast path again, which never writes more than it reads.
            output.reserve(normalized.utf8.count + count - end)
            for outputScalar in normalized.unicodeScalars {
                output.append(composed: outputScalar.value, from: position..<end)
            }
            position = end
        }
    }

    /// NFKC, then NFC, of one cluster. Foundation on Linux composes a character above U+FFFF
    /// with the marks after it as if it were the character of its low 16 bits (U+20041 𠁁
    /// + U+0301 became Á, a variation selector U+E017F + U+0307 became ẛ; found by
    /// `renkei-fuzz`). Such a character is normalised alone and its marks apart: they would
    /// compose with it only in a few historic scripts (Kaithi, Chakma), which keep their marks.
    private static func compatibilityComposed(_ cluster: String) -> String {
        let scalars = cluster.unicodeScalars
        guard let first = scalars.first, first.value > 0xFFFF, scalars.count > 1 else {
            return cluster.precomposedStringWithCompatibilityMapping.precomposedStringWithCanonicalMapping
        }
        let head = String(first).precomposedStringWithCompatibilityMapping.precomposedStringWithCanonicalMapping
        let marks = String(String.UnicodeScalarView(scalars.dropFirst()))
        // A head that became a BMP character (𝐀 → A) composes with its marks safely.
        if let last = head.unicodeScalars.last, last.value <= 0xFFFF {
            return (head + marks).precomposedStringWithCompatibilityMapping.precomposedStringWithCanonicalMapping
        }
        return head + marks.precomposedStringWithCompatibilityMapping.precomposedStringWithCanonicalMapping
    }

    /// The end of the run of ASCII bytes from `start`, less its last byte when a combining
    /// mark follows that one.
    @inline(__always)
    private static func asciiRun(_ source: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var end = start + 1
        while end < source.count, source[end] < 0x80 { end += 1 }
        return combiningFollows(source, at: end) ? end - 1 : end
    }

    /// The end of the run of three-byte characters with lead bytes 0xE5…0xE9 (CJK ideographs
    /// U+5000…U+9FFF) from `start`, less its last character when a combining mark follows it.
    @inline(__always)
    private static func ideographRun(_ source: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var end = start
        while end + 2 < source.count, (0xE5...0xE9).contains(source[end]) { end += 3 }
        guard end > start else { return start }
        return combiningFollows(source, at: end) ? end - 3 : end
    }

    /// Whether the scalar at `index` (if any) may change the character before it. Only
    /// scalars from U+0300 can (lead byte 0xCC or above), and none of U+4000…U+9FFF (lead
    /// bytes 0xE4…0xE9, the CJK ideographs), so most bytes need no decoding.
    @inline(__always)
    static func combiningFollows(_ source: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index < source.count else { return false }
        let lead = source[index]
        return lead >= 0xCC && !(0xE4...0xE9).contains(lead) && continuesCluster(UTF8Scanner.decode(source, at: index).scalar)
    }

    /// The normalised form of characters that are their own cluster and need no Foundation call.
    /// `NormalizerTests` checks every character of these ranges against Foundation.
    @inline(__always)
    static func fastMapping(_ scalar: UInt32) -> UInt32? {
        switch scalar {
        case 0x41...0x5A: return scalar + 0x20 // A–Z
        case 0x00...0x7F: return scalar // rest of ASCII
        case 0x4E00...0x9FFF: return scalar // CJK unified ideographs
        case 0x3041...0x3096, 0x309D...0x309E: return scalar // hiragana, ゝゞ
        case 0x30A0...0x30FE: return scalar // katakana, ・, ー
        case 0x3001...0x3035, 0x3037, 0x303B...0x303F: return scalar // CJK punctuation
        case 0xFF21...0xFF3A: return scalar - 0xFEE0 + 0x20 // Ａ–Ｚ to a–z
        case 0xFF01...0xFF5E: return scalar - 0xFEE0 // other full-width ASCII
        case 0x3000: return 0x20 // ideographic space
        default: return nil
        }
    }

    /// Whether `scalar` can change the character before it under NFKC/NFC: combining marks,
    /// half-width (semi-)voiced sound marks, Hangul vowel/trailing jamo and the few other
    /// starters that compose backwards.
    @inline(__always)
    static func continuesCluster(_ scalar: UInt32) -> Bool {
        if scalar < 0x300 || fastMapping(scalar) != nil { return false }
        if backwardComposing.contains(scalar) { return true }
        guard let unicodeScalar = Unicode.Scalar(scalar) else { return false }
        return unicodeScalar.properties.canonicalCombiningClass != .notReordered
    }

    private static let backwardComposing: Set<UInt32> = {
        var set: Set<UInt32> = [
            0xFF9E, 0xFF9F, // ﾞ ﾟ become U+3099 / U+309A
            0x0F73, 0x0F75, 0x0F81, // decompose to non-starters
            0x0B3E, 0x0B57, 0x0BBE, 0x0BD7, 0x0CC2, 0x0CD5, 0x0CD6,
            0x0D3E, 0x0D57, 0x0DCF, 0x0DDF, 0x102E, 0x1B35,
            0x110BA, 0x11127, 0x1133E, 0x11357, 0x114B0, 0x114BA, 0x114BD, 0x115AF, 0x11930,
        ]
        set.formUnion(0x1161...0x1175) // Hangul vowel jamo
        set.formUnion(0x11A8...0x11C2) // Hangul trailing jamo
        return set
    }()
}

/// The output buffer of `Normalizer`: raw memory, because appending to an array checked
/// its uniqueness and capacity for every byte, which cost more than normalising did. The
/// fast path never writes more bytes than it reads, so only the slow path reserves room.
private struct NormalizedBytes {
    private var bytes: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0
    /// Where each output byte came from, when asked for.
    private(set) var map: SourceMap?

    init(capacity: Int, recordsSources: Bool) {
        self.capacity = max(capacity, 16)
        bytes = .allocate(capacity: self.capacity)
        map = recordsSources ? SourceMap() : nil
    }

    mutating func deallocate() {
        bytes.deallocate()
    }

    var string: String {
        String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    /// Room for `more` bytes after the written ones.
    mutating func reserve(_ more: Int) {
        guard count + more > capacity else { return }
        let grown = max(capacity * 2, count + more)
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        larger.update(from: bytes, count: count)
        bytes.deallocate()
        bytes = larger
        capacity = grown
    }

    /// Characters that map to themselves, byte for byte (ASCII lower-cased when folding).
    @inline(__always)
    mutating func append(run: UnsafeBufferPointer<UInt8>, from source: Int, foldingCase: Bool) {
        map?.append(output: count, length: run.count, source: source..<(source + run.count), byteForByte: true)
        let target = bytes + count
        if foldingCase {
            for index in 0..<run.count {
                let byte = run[index]
                target[index] = byte &- 0x41 < 26 ? byte + 0x20 : byte
            }
        } else {
            target.update(from: run.baseAddress!, count: run.count)
        }
        count += run.count
    }

    /// The fast path's scalar for the source scalar at `source`.
    @inline(__always)
    mutating func append(scalar: UInt32, from source: Range<Int>) {
        let length = UTF8Scanner.encode(scalar, to: bytes + count)
        map?.append(output: count, length: length, source: source, byteForByte: length == source.count)
        count += length
    }

    /// One scalar of a slow-path cluster: every byte of it comes from the whole cluster.
    @inline(__always)
    mutating func append(composed scalar: UInt32, from source: Range<Int>) {
        let length = UTF8Scanner.encode(scalar, to: bytes + count)
        map?.append(output: count, length: length, source: source, byteForByte: false)
        count += length
    }
}
