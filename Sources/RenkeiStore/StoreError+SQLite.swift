internal import GRDB
internal import RenkeiCore

extension StoreError {
    /// Translates a GRDB error about the index at `path` into words a person can act on.
    static func from(_ error: any Error, path: String, while action: String) -> StoreError {
        if let error = error as? StoreError { return error }
        guard let error = error as? DatabaseError else {
            return StoreError(.failed, "Could not \(action) the index \(path): \(error)", cause: String(describing: error))
        }
        var translated = translate(error, path: path, while: action)
        translated.cause = error.description
        return translated
    }

    private static func translate(_ error: DatabaseError, path: String, while action: String) -> StoreError {
        let code = error.resultCode.rawValue
        switch error.resultCode {
        case .SQLITE_NOTADB:
            return StoreError(.notAnIndex, "\(path) is not a Renkei index (it is not an SQLite database).", sqliteCode: code)
        case .SQLITE_CORRUPT:
            return StoreError(.corrupt, "The index \(path) is damaged. Delete it and run `renkei ingest` again.", sqliteCode: code)
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StoreError(.busy, "The index \(path) is busy: another process is writing to it. Try again when it has finished.", sqliteCode: code)
        case .SQLITE_INTERRUPT:
            return StoreError(.timedOut, "The search took too long and was stopped. Add words or filters to narrow it.", sqliteCode: code)
        case .SQLITE_FULL:
            return StoreError(.diskFull, "The disk is full: could not \(action) the index \(path).", sqliteCode: code)
        case .SQLITE_IOERR:
            // A file-size limit (ulimit -f) or a failing disk: the write did not happen, and the
            // transaction rolled back, so the index is as it was before.
            return StoreError(
                .diskFull,
                "Could not \(action) the index \(path): writing to the disk failed (is it full, or the file size limited?). "
                    + "The index is as it was before; free space and run the command again.", sqliteCode: code)
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_AUTH:
            return StoreError(.cannotOpen, "Cannot open the index \(path): check that its folder exists and is writable.", sqliteCode: code)
        default:
            return StoreError(.failed, "Could not \(action) the index \(path) (SQLite result code \(code)).", sqliteCode: code)
        }
    }
}
