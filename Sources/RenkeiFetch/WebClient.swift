internal import AsyncHTTPClient
internal import Foundation
internal import NIOCore
internal import NIOHTTP1

/// One GET over async-http-client, with Renkei's rules: no automatic redirects (the crawler
/// follows them itself, checking robots.txt at each hop), a deadline for the whole exchange,
/// and the body read up to a size limit.
final class WebClient: Sendable {
    struct Response: Sendable {
        var status: Int
        var reasonPhrase: String
        /// Names in lower case; a repeated header's values joined by ", ".
        var headers: [String: String]
        var body: [UInt8]
        /// Requests it took, retries included.
        var attempts = 1
    }

    /// Why a request gave no response; `retryable` for a lost or refused connection.
    struct Failure: Error, CustomStringConvertible {
        var description: String
        var retryable: Bool
    }

    private let client: HTTPClient
    private let userAgent: String
    private let timeout: Double
    private let maximumBytes: Int

    init(userAgent: String, timeout: Double, maximumBytes: Int) {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .milliseconds(Int64(min(timeout, 10) * 1000)), read: .milliseconds(Int64(timeout * 1000))))
        configuration.httpVersion = .http1Only
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        self.userAgent = userAgent
        self.timeout = timeout
        self.maximumBytes = maximumBytes
    }

    func shutdown() async {
        try? await client.shutdown()
    }

    /// GET `address` with `extraHeaders` (validators). The body of a response with a status
    /// other than 200 is read only for error messages, and cut short.
    func get(_ address: WebAddress, headers extraHeaders: [(String, String)] = []) async throws(Failure) -> Response {
        var request = HTTPClientRequest(url: address.description)
        request.method = .GET
        request.headers.add(name: "User-Agent", value: userAgent)
        request.headers.add(
            name: "Accept", value: "text/html,application/xhtml+xml,application/pdf,text/plain,text/csv,application/xml;q=0.9,*/*;q=0.5")
        for (name, value) in extraHeaders { request.headers.add(name: name, value: value) }
        do {
            let response = try await client.execute(request, timeout: .milliseconds(Int64(timeout * 1000)))
            var headers: [String: String] = [:]
            for (name, value) in response.headers {
                let key = name.lowercased()
                headers[key] = headers[key].map { $0 + ", " + value } ?? value
            }
            let status = Int(response.status.code)
            let limit = status == 200 ? maximumBytes : 64 * 1024
            if status == 200, let declared = headers["content-length"].flatMap(Int.init), declared > maximumBytes {
                throw Failure(description: "too large: \(declared) bytes announced, the limit is \(maximumBytes) (--max-bytes)", retryable: false)
            }
            var body: [UInt8] = []
            for try await chunk in response.body {
                body += chunk.readableBytesView
                if body.count > limit {
                    if status != 200 { break }
                    throw Failure(description: "too large: over \(maximumBytes) bytes (--max-bytes); abandoned", retryable: false)
                }
            }
            return Response(status: status, reasonPhrase: response.status.reasonPhrase, headers: headers, body: body)
        } catch let failure as Failure {
            throw failure
        } catch let error as HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout:
                throw Failure(description: "timed out after \(Self.seconds(timeout)) s (--timeout)", retryable: false)
            case .connectTimeout:
                throw Failure(description: "could not connect within \(Self.seconds(min(timeout, 10))) s", retryable: true)
            case .remoteConnectionClosed:
                throw Failure(description: "the server closed the connection before answering", retryable: true)
            default:
                throw Failure(description: "HTTP error: \(error)", retryable: false)
            }
        } catch is CancellationError {
            throw Failure(description: "cancelled", retryable: false)
        } catch {
            // Connection refused, host not found and the like come from NIO.
            throw Failure(description: "could not connect: \(error)", retryable: true)
        }
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
