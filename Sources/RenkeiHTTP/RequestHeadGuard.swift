internal import Foundation
internal import HummingbirdCore
internal import Logging
internal import NIOCore
internal import Synchronization

/// First in every connection's pipeline, before NIO's HTTP parser, it guards how request
/// heads arrive:
///
/// - **Raw UTF-8 targets.** NIO's parser refuses a request line with bytes above 0x7F (an
///   empty 400), so the guard percent-encodes those bytes of each request line: people can
///   type `curl 'http://localhost:8080/api/entities?q=日野市'`, which then means what
///   `%E6%97%A5…` means. Header lines and bodies pass unchanged: it follows each request's
///   framing (`Content-Length`; after a chunked body it stops rewriting for the rest of the
///   connection, which only a client sending bodies to this read-only server would notice).
/// - **A deadline for each request head** (`headerTimeout`, from a request's first byte to the
///   blank line ending its headers): a client sending its head a line at a time gets a 408
///   and the connection closes, so slow clients cannot hold descriptors for ever. Connections
///   that send nothing are closed by Hummingbird's idle timeout (`idleTimeout`), which
///   browsers' preconnected sockets need to outlive a short header deadline.
/// - **A limit on open connections** (`ConnectionLimit`): past it, a connection gets a 503
///   that says so and is closed at once.
final class RequestHeadGuard: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private enum State {
        case requestLine
        case headers(line: [UInt8], contentLength: Int, chunked: Bool)
        case body(remaining: Int)
        case passThrough
    }

    /// Header lines longer than this are not inspected for framing (NIO limits them anyway).
    private static let inspectedLineBytes = 256
    private static let hexDigits = Array("0123456789ABCDEF".utf8)
    private var state = State.requestLine
    private let headerTimeout: TimeAmount
    private let limit: ConnectionLimit
    private var deadline: Scheduled<Void>?
    private var counted = false

    init(headerTimeout: TimeAmount, limit: ConnectionLimit) {
        self.headerTimeout = headerTimeout
        self.limit = limit
    }

    func channelActive(context: ChannelHandlerContext) {
        guard limit.open() else {
            refuse(
                context, status: "503 Service Unavailable", title: "Too many connections",
                detail: "The server has \(limit.maximum) connections open, its limit; try again shortly.")
            return
        }
        counted = true
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
        if counted { limit.close() }
        counted = false
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let input = unwrapInboundIn(data)
        if case .passThrough = state { return context.fireChannelRead(data) }
        var output = context.channel.allocator.buffer(capacity: input.readableBytes)
        input.withUnsafeReadableBytes { bytes in
            var index = 0
            while index < bytes.count {
                switch state {
                case .passThrough:
                    output.writeBytes(UnsafeRawBufferPointer(rebasing: bytes[index...]))
                    index = bytes.count
                case .body(let remaining):
                    let taken = min(remaining, bytes.count - index)
                    output.writeBytes(UnsafeRawBufferPointer(rebasing: bytes[index..<(index + taken)]))
                    index += taken
                    state = remaining - taken == 0 ? .requestLine : .body(remaining: remaining - taken)
                case .requestLine:
                    let byte = bytes[index]
                    // The first byte of a request starts the time its head may take.
                    if deadline == nil { startDeadline(context) }
                    if byte >= 0x80 {
                        output.writeBytes([UInt8(ascii: "%"), Self.hexDigits[Int(byte >> 4)], Self.hexDigits[Int(byte & 0x0F)]])
                    } else {
                        output.writeInteger(byte)
                    }
                    // Blank lines before a request line are allowed; a request line ends the state.
                    if byte == UInt8(ascii: "\n") { state = .headers(line: [], contentLength: 0, chunked: false) }
                    index += 1
                case .headers(var line, var contentLength, var chunked):
                    let byte = bytes[index]
                    output.writeInteger(byte)
                    index += 1
                    guard byte == UInt8(ascii: "\n") else {
                        if line.count < Self.inspectedLineBytes, byte != UInt8(ascii: "\r") { line.append(byte) }
                        state = .headers(line: line, contentLength: contentLength, chunked: chunked)
                        continue
                    }
                    if line.isEmpty {
                        // The head is complete: its deadline is met.
                        deadline?.cancel()
                        deadline = nil
                        state = chunked ? .passThrough : contentLength > 0 ? .body(remaining: contentLength) : .requestLine
                        continue
                    }
                    let header = String(decoding: line, as: UTF8.self).lowercased()
                    if header.hasPrefix("content-length:"), let length = Int(header.dropFirst(15).filter({ $0 != " " && $0 != "\t" })) {
                        contentLength = max(0, length)
                    } else if header.hasPrefix("transfer-encoding:"), header.contains("chunked") {
                        chunked = true
                    }
                    state = .headers(line: [], contentLength: contentLength, chunked: chunked)
                }
            }
        }
        context.fireChannelRead(wrapInboundOut(output))
    }

    private func startDeadline(_ context: ChannelHandlerContext) {
        deadline?.cancel()
        let seconds = Double(headerTimeout.nanoseconds) / 1e9
        let allowed = seconds == 1 ? "1 second" : "\(seconds.formatted()) seconds"
        deadline = context.eventLoop.assumeIsolated().scheduleTask(in: headerTimeout) { [self] in
            deadline = nil
            refuse(
                context, status: "408 Request Timeout", title: "Request head too slow",
                detail: "The request line and headers must arrive within \(allowed).")
        }
    }

    /// Answers with a problem (written here, before any HTTP handler) and closes.
    private func refuse(_ context: ChannelHandlerContext, status: String, title: String, detail: String) {
        let code = Int(status.prefix(3)) ?? 500
        let body = "{\"detail\":\"\(detail)\",\"status\":\(code),\"title\":\"\(title)\",\"type\":\"about:blank\"}"
        let head =
            "HTTP/1.1 \(status)\r\nContent-Type: application/problem+json; charset=utf-8\r\nContent-Length: \(body.utf8.count)\r\n"
            + "Connection: close\r\n\r\n"
        context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(string: head + body))).whenComplete { _ in
            context.close(promise: nil)
        }
    }

    typealias OutboundOut = ByteBuffer
}

/// How many connections the server holds open, against its maximum.
final class ConnectionLimit: Sendable {
    let maximum: Int
    private let count = Mutex(0)

    init(maximum: Int) {
        self.maximum = maximum
    }

    /// Counts a new connection; false when the server is at its maximum (then it is not counted).
    func open() -> Bool {
        count.withLock { count in
            guard count < maximum else { return false }
            count += 1
            return true
        }
    }

    func close() {
        count.withLock { $0 -= 1 }
    }
}

/// HTTP/1.1 as Hummingbird serves it, with `RequestHeadGuard` in front of the parser.
struct GuardedHTTP1Channel: HTTPChannelHandler {
    typealias Value = HTTP1Channel.Value
    let inner: HTTP1Channel
    let headerTimeout: TimeAmount
    let limit: ConnectionLimit

    var responder: HTTPChannelHandler.Responder { inner.responder }

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        channel.pipeline.addHandler(RequestHeadGuard(headerTimeout: headerTimeout, limit: limit)).flatMap {
            inner.setup(channel: channel, logger: logger)
        }
    }

    func handle(value: Value, logger: Logger) async {
        await inner.handle(value: value, logger: logger)
    }
}
