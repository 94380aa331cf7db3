/// What writing one document did.
package enum WriteOutcome: Hashable, Sendable {
    case added, updated
}

/// A document with the normalised text of each search unit, computed before the write
/// transaction so the writer holds the lock only for SQLite's own work.
package struct PreparedDocument: Sendable {
    package let document: Document
    package let units: [PreparedUnit]
    /// What the document contributes to the knowledge graph (none when not extracted).
    package let graph: DocumentGraph

    package struct PreparedUnit: Sendable {
        package var recordNumber: Int?
        package var text: String?
        package var normalizedTitle: String
        package var normalizedText: String
        /// What the loose indexes record of the unit (`LooseChanges`).
        package var loose: LooseChanges

        init(recordNumber: Int?, stored: String?, title: String, text: String) {
            self.recordNumber = recordNumber
            self.text = stored
            normalizedTitle = title.isEmpty ? "" : Normalizer.normalize(title)
            normalizedText = Normalizer.normalize(text)
            loose = LooseChanges(normalized: [normalizedTitle, normalizedText])
        }
    }

    package init(_ document: Document, graph: DocumentGraph = DocumentGraph()) {
        self.document = document
        self.graph = graph
        var units: [PreparedUnit] = []
        if !document.body.isEmpty || document.records.isEmpty {
            units.append(PreparedUnit(recordNumber: nil, stored: nil, title: document.title, text: document.body))
        }
        for record in document.records {
            units.append(PreparedUnit(recordNumber: record.number, stored: record.text, title: "", text: record.text))
        }
        self.units = units
    }
}

/// A document as stored.
package struct StoredDocument: Hashable, Sendable {
    package var id: DocumentID
    package var title: String
    package var body: String
    package var contentHash: String
    package var encoding: String
    package var recordCount: Int

    package init(id: DocumentID, title: String, body: String, contentHash: String, encoding: String, recordCount: Int) {
        self.id = id
        self.title = title
        self.body = body
        self.contentHash = contentHash
        self.encoding = encoding
        self.recordCount = recordCount
    }
}
