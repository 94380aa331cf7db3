internal import RenkeiCore
package import RenkeiStore

/// Why a graph question cannot be answered, in words a person can act on.
package struct GraphError: Error, Hashable, Sendable, CustomStringConvertible {
    package var message: String
    package var candidates: [EntitySummary]

    package var description: String { message }
}

/// One step of a path: from an entity along a typed edge (with its evidence) to the next.
package struct PathHop: Hashable, Sendable, Codable {
    package var from: EntitySummary
    package var edge: RelationEdge
}

/// Graph questions over the index: entity lookup by name, neighbours, shortest paths.
package struct GraphService: Sendable {
    package let store: IndexStore

    package init(store: IndexStore) {
        self.store = store
    }

    /// The one entity written as `name` (name or alias, else a unique prefix match). An
    /// ambiguous name lists its candidates with their kind and prefecture.
    package func resolve(_ name: String) throws -> EntitySummary {
        var candidates = try store.entities(named: name)
        if candidates.isEmpty { candidates = try store.entities(namePrefix: name, limit: 20) }
        guard !candidates.isEmpty else {
            throw GraphError(message: "No entity is named \(name). Try `renkei entities --name \(name.prefix(2))`.", candidates: [])
        }
        if candidates.count == 1 { return candidates[0] }
        let listed = candidates.prefix(10).map(Self.label).joined(separator: "; ")
        throw GraphError(message: "\(name) names \(candidates.count) entities: \(listed). Use the fuller name.", candidates: candidates)
    }

    /// `日野市 (city, 東京都 132128)`, `イオン株式会社 (company)`.
    package static func label(_ entity: EntitySummary) -> String {
        let place = [entity.prefecture, entity.code].compactMap { $0 }.joined(separator: " ")
        return "\(entity.name) (\(entity.kind.rawValue)\(place.isEmpty ? "" : ", " + place))"
    }

    /// Every entity within `hops` relations of `start` (either direction), with its distance.
    package func neighbourhood(of start: Int64, hops: Int) throws -> [(entity: EntitySummary, distance: Int)] {
        var distance: [Int64: Int] = [start: 0]
        var frontier = [start]
        for hop in 1...max(1, hops) where !frontier.isEmpty {
            var next: [Int64] = []
            for (_, to) in try store.neighbours(of: frontier) where distance[to] == nil {
                distance[to] = hop
                next.append(to)
            }
            frontier = next
        }
        return try distance.filter { $0.key != start }.sorted { ($0.value, $0.key) < ($1.value, $1.key) }.compactMap { id, hops in
            try store.entity(id: id).map { ($0.summary, hops) }
        }
    }

    /// Partners (bodies sharing an agreement or project) that two entities have in common.
    package func sharedPartners(_ first: Int64, _ second: Int64) throws -> [EntitySummary] {
        let common = try store.partners(of: first).intersection(try store.partners(of: second))
        return try common.sorted().compactMap { try store.entity(id: $0)?.summary }
    }

    /// A shortest path between two entities over relations in either direction, at most
    /// `maxHops` edges long; nil when there is none that short.
    package func shortestPath(from start: Int64, to goal: Int64, maxHops: Int) throws -> [PathHop]? {
        if start == goal { return [] }
        // Bidirectional breadth-first search, frontier by frontier through the store's
        // indexes: the smaller side grows each step, so hubs (a company with hundreds of
        // agreements) are crossed once from each end instead of fanned out four times.
        var fromStart: [Int64: Int64] = [start: start]
        var fromGoal: [Int64: Int64] = [goal: goal]
        var startFrontier = [start], goalFrontier = [goal]
        var startDepth = 0, goalDepth = 0
        var meeting: Int64?
        while meeting == nil, startDepth + goalDepth < maxHops, !startFrontier.isEmpty, !goalFrontier.isEmpty {
            let growStart = startFrontier.count <= goalFrontier.count
            var next: [Int64] = []
            for (from, to) in try store.neighbours(of: growStart ? startFrontier : goalFrontier) {
                if growStart {
                    guard fromStart[to] == nil else { continue }
                    fromStart[to] = from
                    if fromGoal[to] != nil { meeting = to; break }
                } else {
                    guard fromGoal[to] == nil else { continue }
                    fromGoal[to] = from
                    if fromStart[to] != nil { meeting = to; break }
                }
                next.append(to)
            }
            if growStart { startFrontier = next; startDepth += 1 } else { goalFrontier = next; goalDepth += 1 }
        }
        guard let meeting else { return nil }
        var nodes = [meeting]
        while let first = nodes.first, first != start, let before = fromStart[first] { nodes.insert(before, at: 0) }
        while let last = nodes.last, last != goal, let after = fromGoal[last] { nodes.append(after) }
        var path: [PathHop] = []
        for (from, to) in zip(nodes, nodes.dropFirst()) {
            guard let hop = try store.edge(from: from, to: to) else { return nil }
            path.append(PathHop(from: hop.from, edge: hop.edge))
        }
        return path
    }
}
