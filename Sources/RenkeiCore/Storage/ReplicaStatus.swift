/// How far a read replica is behind the primary it copies, for `/healthz`.
package struct ReplicaStatus: Hashable, Sendable {
    /// The replica's address (no password).
    package var server: String
    /// Bytes of the primary's write-ahead log the replica has not replayed yet.
    package var lagBytes: Int64?
    /// Index generations (committed writes) the replica has not replayed yet.
    package var lagGenerations: Int64?
    /// Why the replica could not be asked, when it could not.
    package var problem: String?

    package init(server: String, lagBytes: Int64? = nil, lagGenerations: Int64? = nil, problem: String? = nil) {
        self.server = server
        self.lagBytes = lagBytes
        self.lagGenerations = lagGenerations
        self.problem = problem
    }
}

extension IndexReading {
    /// A backend without replicas (the SQLite file) has none to report.
    package func replicaStatus() -> [ReplicaStatus] { [] }
}
