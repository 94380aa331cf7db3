package import RenkeiCore

/// The SQLite index is the default backend of both protocols.
extension IndexStore: IndexReading, IndexWriting {
    package func bulkWrite(started: Bool) throws(StoreError) {
        try setCheckpointsAfterCommits(!started)
    }

    package func finishIngest() throws(StoreError) {
        try reclaimFreePages()
        try checkpoint()
    }
}
