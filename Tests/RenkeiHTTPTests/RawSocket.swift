import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A TCP connection to the server that sends bytes as written, for what HTTP clients would
/// escape or never send: raw UTF-8 in a request line, pipelined requests, a head sent slowly.
/// Reads block, so they run on a thread of their own: blocking the tests' cooperative
/// threads would starve the in-process server, whose handlers run on the same pool.
final class RawConnection: @unchecked Sendable {
    // Unchecked: one test uses a connection at a time.
    private let socket: Int32

    init(port: Int) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(socket)
            throw POSIXError(.ECONNREFUSED)
        }
    }

    deinit { close(socket) }

    func send(_ bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Everything the server sends until it closes the connection (or 10 s pass).
    func receiveUntilClosed() async -> String {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: self.receiveBlocking()) }.start()
        }
    }

    private func receiveBlocking() -> String {
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            answer += buffer[0..<count]
        }
        return String(decoding: answer, as: UTF8.self)
    }
}

enum RawSocket {
    /// Sends `request` on a new connection and reads until the server closes it.
    static func exchange(_ request: [UInt8], port: Int) async throws -> String {
        let connection = try RawConnection(port: port)
        connection.send(request)
        return await connection.receiveUntilClosed()
    }
}
