internal import Foundation
internal import GRDB
internal import RenkeiCore

/// The folded title and text of units that loose searches have checked, for one generation
/// of the index: a check is then a byte search instead of normalising and folding the unit's
/// text again (a query with thousands of candidates spent nearly all its time there).
/// Bounded: when it holds `capacityBytes`, it starts again empty.
final class LooseFoldCache: @unchecked Sendable {
    // Unchecked: every field is read and written under `lock`.
    private let lock = NSLock()
    private var generation: Int64 = .min
    private var folds: [Int64: (title: String, body: String)] = [:]
    private var bytes = 0
    let capacityBytes: Int

    init(capacityBytes: Int = 96 * 1024 * 1024) {
        self.capacityBytes = capacityBytes
    }

    /// The unit's folded title and text in `generation`, folded now when not kept yet.
    func folds(of unit: Int64, generation: Int64, load: () throws -> (title: String, body: String)?) rethrows -> (title: String, body: String)? {
        if let kept = lock.withLock({ self.generation == generation ? folds[unit] : nil }) { return kept }
        guard let texts = try load() else { return nil }
        let folded = (
            title: texts.title.isEmpty ? "" : LooseFold.fold(normalized: Normalizer.normalize(texts.title)),
            body: LooseFold.fold(normalized: Normalizer.normalize(texts.body))
        )
        lock.withLock {
            // A newer generation, or a full cache, starts again; an older reader keeps nothing.
            if generation > self.generation || bytes > capacityBytes {
                folds.removeAll(keepingCapacity: true)
                bytes = 0
                self.generation = max(self.generation, generation)
            }
            guard self.generation == generation else { return }
            folds[unit] = folded
            bytes += folded.title.utf8.count + folded.body.utf8.count
        }
        return folded
    }
}

/// Checks loose candidates against their folds, within one read of the index.
struct LooseChecker {
    let db: Database
    let cache: LooseFoldCache
    let generation: Int64

    /// Whether the fold of the unit's title or text holds `needle`.
    func foldContains(_ needle: String, unit: Int64) throws -> Bool {
        guard let folds = try folds(of: unit) else { return false }
        return ByteSearch.contains(needle, in: folds.title) || ByteSearch.contains(needle, in: folds.body)
    }

    /// The folded title (empty for a record) and text of the unit, nil when it is gone.
    func folds(of unit: Int64) throws -> (title: String, body: String)? {
        let statement = try db.cachedStatement(
            sql: """
                SELECT CASE WHEN u.record_number IS NULL THEN d.title ELSE '' END, ifnull(u.text, d.body)
                FROM unit u JOIN document d ON d.id = u.document_id WHERE u.id = ?
                """)
        return try cache.folds(of: unit, generation: generation) { () throws -> (title: String, body: String)? in
            try Row.fetchOne(statement, arguments: [unit]).map { (title: $0[0], body: $0[1]) }
        }
    }
}
