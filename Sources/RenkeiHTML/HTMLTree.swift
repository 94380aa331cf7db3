/// A parsed HTML page as a flat list of nodes: no libxml2 types, no recursion (pages nested
/// 40,000 deep must neither overflow the stack when walked nor when freed).
package struct HTMLTree: Sendable {
    package enum Kind: Sendable, Equatable {
        case element(String) // lower-case tag name
        case text(String)
    }

    package struct Node: Sendable {
        package var kind: Kind
        package var parent: Int
        package var children: [Int] = []
        /// `id`, `class`, `role`, `aria-hidden`, `hidden`, `href` when present; names lower-case.
        package var attributes: [String: String] = [:]

        package var tagName: String? {
            if case .element(let name) = kind { return name }
            return nil
        }
    }

    /// Node 0 is the document root (an element named `#document`).
    package var nodes: [Node]

    package init() {
        nodes = [Node(kind: .element("#document"), parent: -1)]
    }

    mutating func append(_ kind: Kind, parent: Int, attributes: [String: String] = [:]) -> Int {
        nodes.append(Node(kind: kind, parent: parent, attributes: attributes))
        let index = nodes.count - 1
        nodes[parent].children.append(index)
        return index
    }

    /// Indices of the elements named `name`, in document order.
    package func elements(named name: String) -> [Int] {
        nodes.indices.filter { nodes[$0].tagName == name }
    }

    /// The text of the subtree at `index`, in document order.
    package func text(of index: Int) -> String {
        var output = ""
        var stack = [index]
        while let next = stack.popLast() {
            if case .text(let text) = nodes[next].kind { output += text }
            stack.append(contentsOf: nodes[next].children.reversed())
        }
        return output
    }
}
