internal import Foundation
internal import HTTPTypes
internal import Hummingbird

/// A finished response body kept for the next identical request.
struct CachedResponse: Sendable {
    var status: HTTPResponse.Status
    var contentType: String
    var body: ByteBuffer
    /// The next page's URL, for a `Link: <…>; rel="next"` header.
    var link: String? = nil

    /// The response; `hit` says whether the cache answered, nil on routes it never serves.
    func response(hit: Bool?) -> Response {
        var headers: HTTPFields = [.contentType: contentType, .contentLength: String(body.readableBytes)]
        if let link { headers[ListPage.linkHeader] = "<\(link)>; rel=\"next\"" }
        if let hit { headers[ResponseCache.header] = hit ? "hit" : "miss" }
        return Response(status: status, headers: headers, body: .init(byteBuffer: body))
    }
}

/// Search answers by request target, for one generation of the index: the same search on
/// an unchanged index is answered from memory, without ranking, snippets or encoding again.
/// A write to the index (any process's) starts a new generation, and the first request
/// that sees it empties the cache. Least recently used answers go first when the cache
/// is over its size.
final class ResponseCache: @unchecked Sendable {
    /// `hit` or `miss` on cacheable routes, so clients and tests can tell.
    static let header = HTTPField.Name("Renkei-Cache")!

    private struct Entry {
        var response: CachedResponse
        var lastUse: UInt64
    }

    private let capacityBytes: Int
    private let lock = NSLock()
    private var generation: Int64 = .min
    private var entries: [String: Entry] = [:]
    private var bytes = 0
    private var clock: UInt64 = 0

    /// A cache of at most `capacityBytes` of bodies; 0 keeps nothing.
    init(capacityBytes: Int) {
        self.capacityBytes = capacityBytes
    }

    /// The cached answer to `target` in `generation`, or `produce`'s, which is kept when it is a 200.
    /// `generation` is read only when the cache is on, and before `produce` runs.
    func response(
        for target: String, generation readGeneration: () throws -> Int64, produce: () async throws -> CachedResponse
    ) async throws -> Response {
        guard capacityBytes > 0 else { return try await produce().response(hit: nil) }
        let generation = try readGeneration()
        if let cached = lookup(target, generation: generation) { return cached.response(hit: true) }
        let fresh = try await produce()
        if fresh.status == .ok { store(fresh, for: target, generation: generation) }
        return fresh.response(hit: false)
    }

    private func lookup(_ target: String, generation: Int64) -> CachedResponse? {
        lock.withLock {
            guard generation == self.generation, var entry = entries[target] else { return nil }
            clock += 1
            entry.lastUse = clock
            entries[target] = entry
            return entry.response
        }
    }

    private func store(_ response: CachedResponse, for target: String, generation: Int64) {
        let size = response.body.readableBytes + target.utf8.count
        guard size <= capacityBytes / 4 else { return }
        lock.withLock {
            if generation > self.generation {
                self.generation = generation
                entries.removeAll()
                bytes = 0
            }
            guard generation == self.generation else { return }
            clock += 1
            if let old = entries.updateValue(Entry(response: response, lastUse: clock), forKey: target) {
                bytes -= old.response.body.readableBytes + target.utf8.count
            }
            bytes += size
            if bytes > capacityBytes { evictOldest() }
        }
    }

    /// Drops the least recently used entries until three quarters of the capacity is used:
    /// one sort per many insertions, not one per insertion.
    private func evictOldest() {
        for (target, entry) in entries.sorted(by: { $0.value.lastUse < $1.value.lastUse }) {
            guard bytes > capacityBytes * 3 / 4 else { break }
            entries[target] = nil
            bytes -= entry.response.body.readableBytes + target.utf8.count
        }
    }
}
