/// One JSON object written as text, for NDJSON exports: a line per entity or relation, where
/// `JSONSerialization` took four times as long as reading the graph. Keys are written in
/// the order added (the exporter adds them sorted); strings are escaped as RFC 8259 requires.
struct JSONLine {
    private var text = "{"
    private var empty = true

    mutating func add(_ key: String, _ value: String?) {
        guard let value else { return }
        open(key)
        Self.quote(value, into: &text)
    }

    mutating func add(_ key: String, _ value: Int?) {
        guard let value else { return }
        open(key)
        text += String(value)
    }

    mutating func add(_ key: String, _ values: [String]) {
        open(key)
        text += "["
        for (index, value) in values.enumerated() {
            if index > 0 { text += "," }
            Self.quote(value, into: &text)
        }
        text += "]"
    }

    /// The object, closed, with a line end.
    var line: String { text + "}\n" }

    private mutating func open(_ key: String) {
        if !empty { text += "," }
        empty = false
        Self.quote(key, into: &text)
        text += ":"
    }

    static func quote(_ value: String, into output: inout String) {
        output += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
