internal import CLibXML2

/// libxml2's HTML parser (recover mode, no network) turned into an `HTMLTree`.
///
/// The input must already be UTF-8: choosing the encoding is the caller's job, and the
/// page's own `<meta charset>` is ignored, so a Shift_JIS label cannot make libxml2 decode
/// UTF-8 bytes again (or cut a CP932 page at its first ①).
package enum HTMLParser {
    /// Attributes kept on elements; everything else is dropped.
    static let keptAttributes: Set<String> = ["id", "class", "role", "aria-hidden", "hidden", "href", "aria-label"]

    /// The tree, and whether libxml2 stopped early because elements nest deeper than it
    /// allows (256 levels): the text after that point is missing.
    package static func parse(utf8 bytes: [UInt8]) -> (tree: HTMLTree, stoppedByDepth: Bool)? {
        renkei_xml_silence_errors()
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue | HTML_PARSE_NOIMPLIED.rawValue)
        guard let context = htmlNewParserCtxt() else { return nil }
        defer { htmlFreeParserCtxt(context) }
        let document: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                htmlCtxtReadMemory(context, pointer, Int32(buffer.count), "file:///page.html", "UTF-8", options)
            }
        }
        guard let document else { return nil }
        defer { xmlFreeDoc(document) }
        let lastError = context.pointee.lastError
        let stoppedByDepth =
            lastError.code == Int32(XML_ERR_INTERNAL_ERROR.rawValue)
            && lastError.message.map { String(cString: $0).contains("depth") } == true
        return (walk(document), stoppedByDepth)
    }

    private static func walk(_ document: htmlDocPtr) -> HTMLTree {
        var tree = HTMLTree()
        // Iterative walk: (libxml2 node, parent index in the tree).
        var stack: [(xmlNodePtr, Int)] = []
        var child = document.pointee.children
        var roots: [xmlNodePtr] = []
        while let node = child {
            roots.append(node)
            child = node.pointee.next
        }
        for node in roots.reversed() { stack.append((node, 0)) }
        while let (node, parent) = stack.popLast() {
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                let name = String(cString: node.pointee.name).lowercased()
                let index = tree.append(.element(name), parent: parent, attributes: attributes(of: node))
                var children: [xmlNodePtr] = []
                var next = node.pointee.children
                while let current = next {
                    children.append(current)
                    next = current.pointee.next
                }
                for current in children.reversed() { stack.append((current, index)) }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content {
                    _ = tree.append(.text(String(cString: content)), parent: parent)
                }
            default:
                continue // comments, processing instructions, DTD
            }
        }
        return tree
    }

    private static func attributes(of node: xmlNodePtr) -> [String: String] {
        var result: [String: String] = [:]
        var attribute = node.pointee.properties
        while let current = attribute {
            let name = String(cString: current.pointee.name).lowercased()
            if keptAttributes.contains(name) {
                if let value = xmlNodeGetContent(UnsafeMutableRawPointer(current).assumingMemoryBound(to: xmlNode.self)) {
                    result[name] = String(cString: value)
                    renkei_xml_free(value)
                } else {
                    result[name] = ""
                }
            }
            attribute = current.pointee.next
        }
        return result
    }
}
