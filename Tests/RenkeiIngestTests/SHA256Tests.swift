import RenkeiIngest
import Testing

@Suite struct SHA256Tests {
    /// FIPS 180-4 vectors, plus lengths around the padding boundary (55, 56, 64 bytes).
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        (String(repeating: "a", count: 55), "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
        (String(repeating: "a", count: 56), "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
        (String(repeating: "a", count: 64), "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
        ("日野市", "746e7e6fc233c6c9261695db5a0dc49c06ce32027115ee0488c63428186e211d"),
    ])
    func digests(input: String, expected: String) {
        #expect(SHA256.hexDigest(Array(input.utf8)) == expected)
    }

    /// The CPU's SHA instructions and the portable code give the same digest for every
    /// length around the block boundaries and for a long input (run where the CPU has them).
    @Test(.enabled(if: SHA256.cpuHasInstructions))
    func instructionsAgreeWithThePortableCode() {
        var generator = SystemRandomNumberGenerator()
        var inputs = (0...300).map { length in (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) } }
        inputs.append((0..<1_000_003).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        for input in inputs {
            #expect(
                SHA256.hexDigest(input, usingCPUInstructions: true) == SHA256.hexDigest(input, usingCPUInstructions: false), "\(input.count) bytes")
        }
    }
}
