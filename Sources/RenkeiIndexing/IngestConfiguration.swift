/// How an ingest runs: what it reads, how much it writes per transaction, and whether it
/// writes at all. `renkei ingest`, `renkei serve`'s first build and the tests fill one.
package struct IngestConfiguration: Sendable {
    /// Remove stored documents whose files were not found under the roots.
    package var prune = false
    /// Read, hash and parse (so failures show) but write nothing.
    package var dryRun = false
    /// Files larger than this are reported and skipped.
    package var maximumFileBytes = 20 * 1024 * 1024
    /// A write transaction is committed once it holds this many bytes of text… Each commit
    /// writes one FTS5 segment, and the index merges segments once eight pile up (migration
    /// v5): the 42 MB benchmark corpus is four segments and no merge. At 8 MB and 1,024
    /// documents it was thirteen segments, merged into four as the ingest went, which took
    /// 1.5 of its 10 s; the cost is 20 MB more memory at the peak.
    package var transactionBytes = 12 * 1024 * 1024
    /// …or this many documents.
    package var transactionDocuments = 16_384
    /// Files prepared together on one task.
    package var chunkFiles = 64

    package init(prune: Bool = false, dryRun: Bool = false) {
        self.prune = prune
        self.dryRun = dryRun
    }
}

/// How far an ingest has got, reported after every chunk of files.
package struct IngestProgress: Sendable {
    /// Files read so far (unchanged, failed and prepared alike).
    package var done: Int
    /// Files found under the roots.
    package var total: Int
}
