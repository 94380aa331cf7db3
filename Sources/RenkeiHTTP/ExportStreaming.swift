internal import Foundation
internal import Hummingbird
internal import Logging
internal import RenkeiQuery

/// `/api/export` as a stream: the export reads one snapshot of the index on a thread of its
/// own (SQLite reads block) and hands chunks over to the response as the client takes them.
/// At most `chunksAhead` chunks wait in memory, so the server's footprint does not grow with
/// the graph; a client that goes away stops the export.
enum ExportStreaming {
    static let chunksAhead = 8

    static func body(of index: RenkeiIndex, format: GraphExport.Format, logger: Logger) -> ResponseBody {
        ResponseBody { writer in
            let (chunks, continuation) = AsyncThrowingStream<Data, any Error>.makeStream()
            let gate = HandOffGate(credits: chunksAhead)
            continuation.onTermination = { _ in gate.cancel() }
            let producer = Thread {
                do {
                    try index.export(format) { chunk in
                        try gate.acquire()
                        continuation.yield(chunk)
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            producer.name = "renkei-export"
            producer.start()
            do {
                for try await chunk in chunks {
                    try await writer.write(ByteBuffer(bytes: chunk))
                    gate.release()
                }
            } catch {
                gate.cancel()
                // The status line is gone already: the client sees a cut body; the log says why.
                logger.error("export stopped", metadata: ["export.format": .string(format.rawValue), "error": .string("\(error)")])
                throw error
            }
            try await writer.finish(nil)
        }
    }
}

/// Credits for chunks in flight between a blocking producer and an async consumer.
final class HandOffGate: @unchecked Sendable {
    // Unchecked: `cancelled` is read and written under `lock`; the semaphore is thread-safe.
    private let semaphore: DispatchSemaphore
    private let lock = NSLock()
    private var cancelled = false

    init(credits: Int) {
        semaphore = DispatchSemaphore(value: credits)
    }

    /// Waits for a credit; throws once the consumer has gone.
    func acquire() throws {
        semaphore.wait()
        if lock.withLock({ cancelled }) { throw CancellationError() }
    }

    func release() { semaphore.signal() }

    /// Wakes a waiting producer, which then stops.
    func cancel() {
        lock.withLock { cancelled = true }
        semaphore.signal()
    }
}
