/// A shortest chain of nodes between two nodes of a graph read frontier by frontier, at most
/// `maxHops` edges long; nil when none is that short.
///
/// Bidirectional breadth-first search: the smaller side grows each step, so hubs (a company
/// with hundreds of agreements) are crossed once from each end instead of fanned out four
/// times. `neighbours` gives, for a frontier, every (node of the frontier, node one edge
/// away) pair in either direction; a backend answers it from its indexes, so the search reads
/// what it explores, not the graph.
package enum ShortestChain {
    package static func find<Node: Hashable>(
        from start: Node, to goal: Node, maxHops: Int, neighbours: ([Node]) throws -> [(from: Node, to: Node)]
    ) rethrows -> [Node]? {
        if start == goal { return [start] }
        var fromStart: [Node: Node] = [start: start]
        var fromGoal: [Node: Node] = [goal: goal]
        var startFrontier = [start], goalFrontier = [goal]
        var startDepth = 0, goalDepth = 0
        var meeting: Node?
        while meeting == nil, startDepth + goalDepth < maxHops, !startFrontier.isEmpty, !goalFrontier.isEmpty {
            let growStart = startFrontier.count <= goalFrontier.count
            var next: [Node] = []
            for (from, to) in try neighbours(growStart ? startFrontier : goalFrontier) {
                if growStart {
                    guard fromStart[to] == nil else { continue }
                    fromStart[to] = from
                    if fromGoal[to] != nil {
                        meeting = to
                        break
                    }
                } else {
                    guard fromGoal[to] == nil else { continue }
                    fromGoal[to] = from
                    if fromStart[to] != nil {
                        meeting = to
                        break
                    }
                }
                next.append(to)
            }
            if growStart {
                startFrontier = next
                startDepth += 1
            } else {
                goalFrontier = next
                goalDepth += 1
            }
        }
        guard let meeting else { return nil }
        var nodes = [meeting]
        while let first = nodes.first, first != start, let before = fromStart[first] { nodes.insert(before, at: 0) }
        while let last = nodes.last, last != goal, let after = fromGoal[last] { nodes.append(after) }
        return nodes
    }
}

/// The order every backend gives neighbour pairs in: by the keys of both ends. Breadth-first
/// search keeps the first parent it meets, so the order decides which of several equally
/// short chains is answered; keys, unlike row ids, are the same in every backend.
package enum NeighbourOrder {
    package static func sorted(_ pairs: [(from: EntityKey, to: EntityKey)]) -> [(from: EntityKey, to: EntityKey)] {
        pairs.sorted { left, right in
            left.from != right.from ? left.from.rawValue < right.from.rawValue : left.to.rawValue < right.to.rawValue
        }
    }
}
