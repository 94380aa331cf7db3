internal import CSHA256

/// SHA-256 (FIPS 180-4), for content hashes: Foundation on Linux has no CryptoKit, and a
/// hash of the raw bytes is all incremental ingest needs. It runs on every file of every
/// ingest (an unchanged re-ingest was half hashing), so blocks go to the CPU's SHA
/// instructions where it has them (`CSHA256`), else to the portable code below.
package enum SHA256 {
    typealias State = (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)

    /// Whether this CPU has the SHA instructions.
    package static let cpuHasInstructions = renkei_sha256_blocks_available() != 0

    /// The lower-case hex digest of `bytes`, with the CPU's SHA instructions when it has them
    /// and `usingCPUInstructions` allows (tests compare both paths).
    package static func hexDigest(_ bytes: [UInt8], usingCPUInstructions: Bool = cpuHasInstructions) -> String {
        var state: State = (0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19)
        let wholeBlocks = bytes.count / 64
        let instructions = usingCPUInstructions && cpuHasInstructions
        bytes.withUnsafeBufferPointer { buffer in compressBlocks(&state, buffer.baseAddress, count: wholeBlocks, instructions) }
        // The tail, the 0x80 marker and the bit length, in one or two final blocks.
        var tail = Array(bytes[(wholeBlocks * 64)...])
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        let bitLength = UInt64(bytes.count) * 8
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        tail.withUnsafeBufferPointer { buffer in compressBlocks(&state, buffer.baseAddress, count: buffer.count / 64, instructions) }
        let words = [state.0, state.1, state.2, state.3, state.4, state.5, state.6, state.7]
        let hexDigits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for word in words {
            for shift in stride(from: 28, through: 0, by: -4) {
                hex.append(hexDigits[Int((word >> UInt32(shift)) & 0xF)])
            }
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// Compresses `count` 64-byte blocks from `start`.
    private static func compressBlocks(_ state: inout State, _ start: UnsafePointer<UInt8>?, count: Int, _ instructions: Bool) {
        guard let start, count > 0 else { return }
        if instructions {
            withUnsafeMutableBytes(of: &state) { words in
                renkei_sha256_blocks(words.baseAddress!.assumingMemoryBound(to: UInt32.self), start, count)
            }
            return
        }
        for block in 0..<count {
            compress(&state, UnsafeBufferPointer(start: start + block * 64, count: 64))
        }
    }

    @inline(__always)
    private static func compress(
        _ state: inout (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32), _ block: UnsafeBufferPointer<UInt8>
    ) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
            for i in 0..<16 {
                let base = i * 4
                w[i] = UInt32(block[base]) << 24 | UInt32(block[base + 1]) << 16 | UInt32(block[base + 2]) << 8 | UInt32(block[base + 3])
            }
            for i in 16..<64 {
                let s0 = rotate(w[i - 15], 7) ^ rotate(w[i - 15], 18) ^ (w[i - 15] >> 3)
                let s1 = rotate(w[i - 2], 17) ^ rotate(w[i - 2], 19) ^ (w[i - 2] >> 10)
                w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
            }
            var (a, b, c, d, e, f, g, h) = state
            withUnsafeBytes(of: renkei_sha256_round_constants) { table in
                let k = table.assumingMemoryBound(to: UInt32.self)
                for i in 0..<64 {
                    let s1 = rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)
                    let choice = (e & f) ^ (~e & g)
                    let t1 = h &+ s1 &+ choice &+ k[i] &+ w[i]
                    let s0 = rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)
                    let majority = (a & b) ^ (a & c) ^ (b & c)
                    let t2 = s0 &+ majority
                    (h, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ t2)
                }
            }
            state = (state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d, state.4 &+ e, state.5 &+ f, state.6 &+ g, state.7 &+ h)
        }
    }

    @inline(__always)
    private static func rotate(_ value: UInt32, _ count: UInt32) -> UInt32 {
        (value >> count) | (value << (32 - count))
    }
}
