import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import RenkeiCore
import RenkeiHTTP
import RenkeiQuery
import RenkeiStore
import RenkeiTestSupport
import Testing

/// Slow clients and too many connections cannot take the server's descriptors: a head that
/// does not arrive in time gets a 408, a connection past the limit a 503, each closed.
@Suite struct ConnectionGuardTests {
    static func application(idleTimeout: Duration = .seconds(60)) throws -> some ApplicationProtocol {
        let store = try IndexStore.inMemory()
        try store.write([PreparedDocument(Fixtures.document(id: "a.txt", body: "日野市の包括連携協定"))])
        var configuration = ServerConfiguration(host: "127.0.0.1", port: 0)
        configuration.headerTimeout = .milliseconds(500)
        configuration.maximumConnections = 3
        configuration.idleTimeout = idleTimeout
        return try buildApplication(configuration: configuration, index: RenkeiIndex(storage: store), logger: Logger(label: "test"))
    }

    @Test func aSilentConnectionIsClosedWhenIdle() async throws {
        try await Self.application(idleTimeout: .milliseconds(700)).test(.live) { client in
            let connection = try RawConnection(port: try #require(client.port))
            let started = ContinuousClock.now
            #expect(await connection.receiveUntilClosed().isEmpty)
            let waited = ContinuousClock.now - started
            #expect(waited >= .milliseconds(500) && waited < .seconds(5))
        }
    }

    @Test func aSlowRequestHeadIsAnsweredWith408AndClosed() async throws {
        try await Self.application().test(.live) { client in
            let connection = try RawConnection(port: try #require(client.port))
            connection.send(Array("GET /healthz HTTP/1.1\r\nHost: x\r\n".utf8))
            let started = ContinuousClock.now
            let answer = await connection.receiveUntilClosed()
            #expect(answer.hasPrefix("HTTP/1.1 408 Request Timeout\r\n"))
            #expect(answer.contains("\"detail\":\"The request line and headers must arrive within 0.5 seconds.\""))
            // Closed by the server well before the socket's own 10 s timeout.
            #expect(ContinuousClock.now - started < .seconds(5))
            // A prompt client on another connection is served as ever.
            try await client.execute(uri: "/healthz", method: .get) { response in #expect(response.status == .ok) }
        }
    }

    @Test func connectionsPastTheLimitAreRefusedWith503() async throws {
        try await Self.application().test(.live) { client in
            let port = try #require(client.port)
            // The test client may hold a connection of its own: open until one is refused.
            var held: [RawConnection] = []
            var refused: String?
            for _ in 0..<4 where refused == nil {
                let connection = try RawConnection(port: port)
                connection.send(Array("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n".utf8))
                held.append(connection)
                try await Task.sleep(for: .milliseconds(100))
                if held.count == 4 { refused = await connection.receiveUntilClosed() }
            }
            #expect(refused?.hasPrefix("HTTP/1.1 503 Service Unavailable\r\n") == true)
            #expect(refused?.contains("3 connections open, its limit") == true)
            held.removeAll()
            try await Task.sleep(for: .milliseconds(200))
            // Closed connections free their places.
            let answer = try await RawSocket.exchange(Array("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8), port: port)
            #expect(answer.hasPrefix("HTTP/1.1 200 OK\r\n"))
        }
    }
}
