internal import CZlib

/// gzip-compressed bytes inflated by zlib, within a size limit (a small file must not
/// inflate into gigabytes).
enum Gunzip {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func isGzip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    static func inflate(_ bytes: [UInt8], limit: Int) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        // 15 + 16: a gzip header and trailer around the deflate data.
        guard inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw Failure(description: "zlib could not start")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var input = bytes
        let status: Int32 = input.withUnsafeMutableBufferPointer { inputBuffer in
            stream.next_in = inputBuffer.baseAddress
            stream.avail_in = UInt32(inputBuffer.count)
            while true {
                let (result, produced) = chunk.withUnsafeMutableBufferPointer { chunkBuffer -> (Int32, Int) in
                    stream.next_out = chunkBuffer.baseAddress
                    stream.avail_out = UInt32(chunkBuffer.count)
                    let result = CZlib.inflate(&stream, Z_NO_FLUSH)
                    return (result, chunkBuffer.count - Int(stream.avail_out))
                }
                output += chunk[..<produced]
                if output.count > limit { return Z_BUF_ERROR }
                if result == Z_STREAM_END { return Z_OK }
                if result != Z_OK { return result }
                if produced == 0, stream.avail_in == 0 { return Z_DATA_ERROR }
            }
        }
        if output.count > limit { throw Failure(description: "inflates to more than \(limit) bytes") }
        guard status == Z_OK else { throw Failure(description: "not valid gzip data (zlib status \(status))") }
        return output
    }
}
