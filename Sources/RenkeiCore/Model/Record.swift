/// One row of a table document: a searchable unit of its own, cells labelled by the header.
package struct Record: Hashable, Sendable, Codable {
    package struct Field: Hashable, Sendable, Codable {
        package var label: String
        package var value: String

        package init(label: String, value: String) {
            self.label = label
            self.value = value
        }
    }

    /// 1-based position among the document's records; the record's id is `document#number`.
    package var number: Int
    package var fields: [Field]

    package init(number: Int, fields: [Field]) {
        self.number = number
        self.fields = fields
    }

    /// The searchable text: one `label: value` line per cell.
    package var text: String {
        fields.map { "\($0.label): \($0.value)" }.joined(separator: "\n")
    }
}
