internal import Foundation

/// Spaces the requests to each host: a request to a host starts no sooner than the delay
/// after the one before it started, while other hosts go on meanwhile.
actor HostPacer {
    private var nextStart: [String: Date] = [:]

    /// Waits until a request to `origin` may start, `delay` seconds after the previous one.
    func wait(origin: String, delay: Double) async throws {
        let now = Date()
        let start = max(now, nextStart[origin] ?? now)
        nextStart[origin] = start.addingTimeInterval(delay)
        let wait = start.timeIntervalSince(now)
        if wait > 0 { try await Task.sleep(for: .seconds(wait)) }
    }
}
