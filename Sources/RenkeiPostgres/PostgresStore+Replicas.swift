package import RenkeiCore

extension PostgresStore {
    /// Each replica's lag behind the primary: the write-ahead log it has not replayed (the
    /// primary's current position minus the replica's replay position) and the index
    /// generations it has not seen. A replica that cannot be asked says why.
    package func replicaStatus() -> [ReplicaStatus] {
        guard !replicas.isEmpty else { return [] }
        let primaryState = try? primary.withSession { session in
            try session.fetchOne("SELECT pg_current_wal_lsn()::text, (SELECT value FROM store_generation)")
                .map { (position: $0.string(0), generation: $0.int64(1)) }
        }
        return replicas.map { replica in
            guard let primaryState else {
                return ReplicaStatus(server: replica.server.description, problem: "the primary \(location) did not answer")
            }
            do {
                return try replica.withSession { session in
                    let row = try session.fetchOne(
                        """
                        SELECT greatest(0, pg_wal_lsn_diff(?::pg_lsn, coalesce(pg_last_wal_replay_lsn(), ?::pg_lsn)))::bigint,
                            (SELECT value FROM store_generation)
                        """, [.text(primaryState.position), .text(primaryState.position)])
                    return ReplicaStatus(
                        server: replica.server.description, lagBytes: row?.int64(0),
                        lagGenerations: row.map { max(0, primaryState.generation - $0.int64(1)) })
                }
            } catch {
                return ReplicaStatus(
                    server: replica.server.description, problem: StoreError.from(error, server: replica.server, while: "read").message)
            }
        }
    }
}
