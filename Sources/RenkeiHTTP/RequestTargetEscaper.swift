internal import HummingbirdCore
internal import Logging
internal import NIOCore

/// Lets people type `curl 'http://localhost:8080/api/entities?q=日野市'`: NIO's HTTP parser
/// refuses a request line with bytes above 0x7F (an empty 400), so this handler, first in the
/// pipeline, percent-encodes those bytes of each request line before the parser sees them.
/// The server then decodes them as UTF-8, as it does `%E6%97%A5`. Header lines and bodies
/// pass unchanged: it follows each request's framing (`Content-Length`; after a chunked body
/// it stops rewriting for the rest of the connection, which only a client sending bodies to
/// this read-only server would notice).
final class RequestTargetEscaper: ChannelInboundHandler, RemovableChannelHandler {
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
                        state = chunked ? .passThrough : contentLength > 0 ? .body(remaining: contentLength) : .requestLine
                        continue
                    }
                    let header = String(decoding: line, as: UTF8.self).lowercased()
                    if header.hasPrefix("content-length:"), let length = Int(header.dropFirst(15).filter { $0 != " " && $0 != "\t" }) {
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
}

/// HTTP/1.1 as Hummingbird serves it, with `RequestTargetEscaper` in front of the parser.
struct EscapingHTTP1Channel: HTTPChannelHandler {
    typealias Value = HTTP1Channel.Value
    let inner: HTTP1Channel

    var responder: HTTPChannelHandler.Responder { inner.responder }

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        channel.pipeline.addHandler(RequestTargetEscaper()).flatMap { inner.setup(channel: channel, logger: logger) }
    }

    func handle(value: Value, logger: Logger) async {
        await inner.handle(value: value, logger: logger)
    }
}
