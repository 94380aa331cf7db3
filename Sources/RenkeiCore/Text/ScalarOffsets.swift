/// Converts UTF-8 byte offsets of a string to Unicode scalar offsets: matches are found on
/// bytes, while highlights, mentions and evidence are reported in scalars.
package struct ScalarOffsets: Sendable {
    private var scalarIndexOfByte: [Int32]

    package init(_ text: String) {
        scalarIndexOfByte = []
        scalarIndexOfByte.reserveCapacity(text.utf8.count + 1)
        var index: Int32 = 0
        for scalar in text.unicodeScalars {
            for _ in 0..<UTF8.width(scalar) { scalarIndexOfByte.append(index) }
            index += 1
        }
        scalarIndexOfByte.append(index)
    }

    package func scalarRange(ofBytes range: Range<Int>) -> Range<Int> {
        Int(scalarIndexOfByte[range.lowerBound])..<Int(scalarIndexOfByte[range.upperBound])
    }
}
