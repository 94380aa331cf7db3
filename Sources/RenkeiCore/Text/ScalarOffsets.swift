/// Converts UTF-8 byte offsets of a string to Unicode scalar offsets: matches are found on
/// bytes, while highlights, mentions and evidence are reported in scalars.
///
/// It keeps the scalar count at every 64th byte and counts the rest on demand: an offset
/// per byte (four bytes each, filled scalar by scalar) cost more than the search it served.
package struct ScalarOffsets: Sendable {
    private let bytes: [UInt8]
    /// How many scalars start before byte 64·k, for k = 0…count/64.
    private let checkpoints: [Int32]

    package init(_ text: String) {
        bytes = Array(text.utf8)
        var checkpoints: [Int32] = []
        checkpoints.reserveCapacity(bytes.count / 64 + 1)
        var scalars: Int32 = 0
        bytes.withUnsafeBufferPointer { bytes in
            for index in 0..<bytes.count {
                if index & 63 == 0 { checkpoints.append(scalars) }
                if bytes[index] & 0xC0 != 0x80 { scalars += 1 }
            }
        }
        if bytes.count & 63 == 0 { checkpoints.append(scalars) }
        self.checkpoints = checkpoints
    }

    /// The index of the scalar that byte `offset` belongs to; the scalar count at the end.
    package func scalarIndex(ofByte offset: Int) -> Int {
        let block = offset >> 6
        var index = Int(checkpoints[block])
        guard offset < bytes.count else {
            for position in (block << 6)..<offset where bytes[position] & 0xC0 != 0x80 { index += 1 }
            return index
        }
        // Scalars starting up to and including `offset`, less the one it belongs to.
        for position in (block << 6)...offset where bytes[position] & 0xC0 != 0x80 { index += 1 }
        return index - 1
    }

    package func scalarRange(ofBytes range: Range<Int>) -> Range<Int> {
        scalarIndex(ofByte: range.lowerBound)..<scalarIndex(ofByte: range.upperBound)
    }
}
