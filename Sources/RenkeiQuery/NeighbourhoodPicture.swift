internal import Foundation
package import RenkeiCore

/// An entity's neighbourhood laid out for drawing: the entity in the middle, the entities
/// one relation away on an inner ring, those two away on an outer ring beside the neighbour
/// they were reached through. Bodies usually meet through an agreement or a project node,
/// so two rings show who an entity works with. Coordinates are in a `width` × `height` box.
package struct NeighbourhoodPicture: Hashable, Sendable {
    package struct Node: Hashable, Sendable {
        package var entity: EntitySummary
        package var x: Double
        package var y: Double
        /// 0 for the entity itself, then 1 or 2.
        package var distance: Int
    }

    package struct Edge: Hashable, Sendable {
        package var from: Int
        package var to: Int
    }

    package var width = 960.0
    package var height = 600.0
    package var nodes: [Node] = []
    /// Indices into `nodes`: each node's link to the one it was reached from.
    package var edges: [Edge] = []
    /// Neighbours left out to keep the picture readable.
    package var omitted = 0

    /// At most `inner` neighbours and `outer` second neighbours, the most documented first.
    init(of center: EntitySummary, store: any IndexReading, inner: Int = 12, outer: Int = 24) throws {
        nodes.append(Node(entity: center, x: width / 2, y: height / 2, distance: 0))
        let firstKeys = Array(Set(try store.neighbours(of: [center.key]).map(\.to)).subtracting([center.key]))
        let first = try Self.summaries(firstKeys, store: store)
        let shownFirst = Array(first.prefix(inner))
        omitted += first.count - shownFirst.count
        var seen = Set([center.key] + first.map(\.key))
        var children: [[EntitySummary]] = []
        var candidates: [EntityKey: [EntityKey]] = [:]
        for (from, to) in try store.neighbours(of: shownFirst.map(\.key)) where !seen.contains(to) {
            candidates[from, default: []].append(to)
        }
        // Second neighbours shared fairly: each inner node gets its turn until `outer` are placed.
        let ordered = try shownFirst.map { try Self.summaries(Array(Set(candidates[$0.key] ?? [])), store: store) }
        children = Array(repeating: [], count: shownFirst.count)
        var placed = 0, round = 0
        while placed < outer, ordered.contains(where: { $0.count > round }) {
            for index in ordered.indices where placed < outer && ordered[index].count > round {
                let entity = ordered[index][round]
                if seen.insert(entity.key).inserted {
                    children[index].append(entity)
                    placed += 1
                }
            }
            round += 1
        }
        omitted += Set(ordered.flatMap { $0.map(\.key) }).subtracting(seen).count
        layOut(shownFirst, children)
    }

    private mutating func layOut(_ first: [EntitySummary], _ children: [[EntitySummary]]) {
        let centerX = width / 2, centerY = height / 2
        // Ellipses, wider than tall: labels run sideways.
        let inner = (x: 170.0, y: 140.0), outer = (x: 340.0, y: 250.0)
        let step = 2 * Double.pi / Double(max(first.count, 1))
        for (index, entity) in first.enumerated() {
            let angle = -Double.pi / 2 + step * Double(index)
            nodes.append(Node(entity: entity, x: centerX + inner.x * cos(angle), y: centerY + inner.y * sin(angle), distance: 1))
            let parent = nodes.count - 1
            edges.append(Edge(from: 0, to: parent))
            let spread = min(step * 0.8, 0.5)
            for (childIndex, child) in children[index].enumerated() {
                let offset = children[index].count == 1 ? 0 : spread * (Double(childIndex) / Double(children[index].count - 1) - 0.5)
                nodes.append(
                    Node(
                        entity: child, x: centerX + outer.x * cos(angle + offset), y: centerY + outer.y * sin(angle + offset),
                        distance: 2))
                edges.append(Edge(from: parent, to: nodes.count - 1))
            }
        }
    }

    private static func summaries(_ keys: [EntityKey], store: any IndexReading) throws -> [EntitySummary] {
        try keys.compactMap { try store.entity($0)?.summary }.sorted { ($1.documents, $0.key) < ($0.documents, $1.key) }
    }
}
