/// Escaping of text for HTML and XML: the five markup characters become entities, and the
/// control characters XML 1.0 forbids are dropped (harmless in HTML, fatal in GraphML).
package enum MarkupEscaping {
    package static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            case _ where scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r": continue
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
