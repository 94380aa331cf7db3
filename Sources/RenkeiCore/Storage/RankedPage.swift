/// One ranked result: a document's own text, or one record of a table document.
package struct RankedUnit: Hashable, Sendable {
    package var document: DocumentID
    /// The record's number; nil for the document's own text.
    package var recordNumber: Int?
    package var title: String
    package var text: String
    /// bm25 with the title weighted above the body; lower is better (SQLite's sign). A
    /// loose hit has none (0): it ranks after every exact hit.
    package var score: Double
    /// Whether the unit matches only loosely (表記ゆれ), not as written.
    package var isLoose = false

    package init(document: DocumentID, recordNumber: Int?, title: String, text: String, score: Double) {
        self.document = document
        self.recordNumber = recordNumber
        self.title = title
        self.text = text
        self.score = score
    }

    /// `002_….txt` for a document, `002_….txt#5` for its fifth record.
    package var id: String {
        recordNumber.map { "\(document.rawValue)#\($0)" } ?? document.rawValue
    }
}

/// A page of ranked results, how many units match in all, and, when asked for, how the
/// matching documents spread over cities, entity kinds and fiscal years.
package struct RankedPage: Hashable, Sendable {
    package var total: Int
    package var units: [RankedUnit]
    package var facets: SearchFacets?

    package init(total: Int, units: [RankedUnit], facets: SearchFacets?) {
        self.total = total
        self.units = units
        self.facets = facets
    }
}
