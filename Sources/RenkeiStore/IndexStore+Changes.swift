internal import GRDB
package import RenkeiCore

extension IndexStore {
    package func changes(since: Int64, until: Int64, after cursor: ChangeCursor?, limit: Int) throws(StoreError) -> [ChangeRecord] {
        try read("read") { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT kind, key, generation, added_generation, removed FROM change_log
                    WHERE generation > ? AND generation <= ? AND NOT (removed = 1 AND added_generation > ?)
                    AND (generation, kind, key) > (?, ?, ?)
                    ORDER BY generation, kind, key LIMIT ?
                    """,
                arguments: [since, until, since, cursor?.generation ?? since, cursor?.subject.rawValue ?? "", cursor?.key ?? "", limit])
            return rows.compactMap { row in
                guard let subject = ChangeRecord.Subject(rawValue: row[0]) else { return nil }
                let removed: Bool = row[4]
                let added: Int64 = row[3]
                return ChangeRecord(
                    subject: subject, key: row[1], change: removed ? .removed : added > since ? .added : .updated, generation: row[2])
            }
        }
    }
}
