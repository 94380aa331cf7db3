internal import Foundation
package import RenkeiCore

/// One ingest at a time per index: an advisory lock on `<index>.ingest-lock`.
///
/// SQLite alone would interleave two ingests' transactions (each whole, so the index stays
/// consistent), but both would read and rewrite the same files; the second waits instead.
/// The kernel drops the lock when its process dies, even by SIGKILL, so a crashed ingest
/// never blocks the next one.
package final class IngestLock {
    private let descriptor: Int32
    package let path: String

    /// Takes the lock, calling `waiting` once first if another ingest holds it.
    package init(index: String, waiting: () -> Void) throws(StoreError) {
        path = index + ".ingest-lock"
        try IndexStore.createFolder(for: index)
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw StoreError(
                .cannotOpen, "Cannot create the lock file \(path): check that its folder is writable.", cause: String(cString: strerror(errno)))
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            waiting()
            guard flock(descriptor, LOCK_EX) == 0 else {
                let cause = String(cString: strerror(errno))
                close(descriptor)
                throw StoreError(.busy, "Could not wait for the other ingest into \(index).", cause: cause)
            }
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
