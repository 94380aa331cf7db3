/// Decoding and encoding of UTF-8 on raw bytes, for the loops that must not allocate.
///
/// Input is assumed to be valid UTF-8 (it comes from Swift strings or from SQLite columns
/// written from Swift strings); a malformed byte decodes as U+FFFD of length 1.
package enum UTF8Scanner {
    /// The scalar starting at `index` and its length in bytes.
    @inlinable @inline(__always)
    package static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (scalar: UInt32, length: Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (lead, 1) }
        let remaining = bytes.count - index
        if lead >= 0xC2, lead < 0xE0, remaining >= 2 {
            return (((lead & 0x1F) << 6) | (UInt32(bytes[index + 1]) & 0x3F), 2)
        }
        if lead >= 0xE0, lead < 0xF0, remaining >= 3 {
            return (
                ((lead & 0x0F) << 12) | ((UInt32(bytes[index + 1]) & 0x3F) << 6)
                    | (UInt32(bytes[index + 2]) & 0x3F), 3
            )
        }
        if lead >= 0xF0, lead < 0xF5, remaining >= 4 {
            return (
                ((lead & 0x07) << 18) | ((UInt32(bytes[index + 1]) & 0x3F) << 12)
                    | ((UInt32(bytes[index + 2]) & 0x3F) << 6) | (UInt32(bytes[index + 3]) & 0x3F), 4
            )
        }
        return (0xFFFD, 1)
    }

    /// The length of the scalar whose lead byte is `lead`.
    @inline(__always)
    package static func sequenceLength(lead: UInt8) -> Int {
        switch lead {
        case 0..<0xC0: return 1
        case 0xC0..<0xE0: return 2
        case 0xE0..<0xF0: return 3
        default: return 4
        }
    }

    @inline(__always)
    package static func encode(_ scalar: UInt32, into bytes: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            bytes.append(UInt8(scalar))
        case 0x80..<0x800:
            bytes.append(UInt8(0xC0 | (scalar >> 6)))
            bytes.append(UInt8(0x80 | (scalar & 0x3F)))
        case 0x800..<0x10000:
            bytes.append(UInt8(0xE0 | (scalar >> 12)))
            bytes.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            bytes.append(UInt8(0xF0 | (scalar >> 18)))
            bytes.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            bytes.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }

    /// Writes `scalar` at `target` (room for four bytes); returns how many bytes it took.
    @inline(__always)
    package static func encode(_ scalar: UInt32, to target: UnsafeMutablePointer<UInt8>) -> Int {
        switch scalar {
        case 0..<0x80:
            target[0] = UInt8(scalar)
            return 1
        case 0x80..<0x800:
            target[0] = UInt8(0xC0 | (scalar >> 6))
            target[1] = UInt8(0x80 | (scalar & 0x3F))
            return 2
        case 0x800..<0x10000:
            target[0] = UInt8(0xE0 | (scalar >> 12))
            target[1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
            target[2] = UInt8(0x80 | (scalar & 0x3F))
            return 3
        default:
            target[0] = UInt8(0xF0 | (scalar >> 18))
            target[1] = UInt8(0x80 | ((scalar >> 12) & 0x3F))
            target[2] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
            target[3] = UInt8(0x80 | (scalar & 0x3F))
            return 4
        }
    }

    /// Whether `scalar` separates runs: ASCII white space and the Unicode line and
    /// paragraph separators that NFKC leaves in place (it maps every other space to U+0020).
    @inlinable @inline(__always)
    package static func isBlank(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x09...0x0D, 0x20, 0x85, 0x1680, 0x2028, 0x2029: return true
        default: return false
        }
    }
}
