package import RenkeiCore

/// Why a graph question cannot be answered, in words a person can act on.
package struct GraphError: Error, Hashable, Sendable, CustomStringConvertible {
    package var message: String
    package var candidates: [EntitySummary]

    package var description: String { message }
}

/// One step of a path: from an entity along a typed edge (with its evidence) to the next.
package struct PathHop: Hashable, Sendable {
    package var from: EntitySummary
    package var edge: RelationEdge
}

/// Graph questions over the index: entity lookup by key or name, neighbours, shortest paths.
struct GraphService: Sendable {
    let store: any IndexReading

    /// The entity with this key, or the one written as `name` (name or alias, else a unique
    /// prefix match). An ambiguous name lists its candidates with their kind and prefecture.
    func resolve(_ name: String) throws -> EntitySummary {
        if let key = EntityKey(rawValue: name), let entity = try store.entity(key) { return entity.summary }
        var candidates = try store.entities(named: name)
        if candidates.isEmpty { candidates = try store.entities(kind: nil, namePrefix: name, limit: 20) }
        if candidates.isEmpty, !name.isEmpty, name.allSatisfy({ $0.isASCII && $0.isNumber }) {
            throw GraphError(message: RenkeiIndex.numericIDNotice(name), candidates: [])
        }
        guard !candidates.isEmpty else {
            throw GraphError(message: "No entity is named \(name). Try `renkei entities --name \(name.prefix(2))`.", candidates: [])
        }
        if candidates.count == 1 { return candidates[0] }
        let listed = candidates.prefix(10).map(RenkeiIndex.label).joined(separator: "; ")
        throw GraphError(message: "\(name) names \(candidates.count) entities: \(listed). Use the fuller name.", candidates: candidates)
    }

    /// The city or prefecture written as `text`: its 6-digit code, key or name.
    func resolvePlace(_ text: String) throws -> EntitySummary {
        let isCode = text.count == 6 && text.allSatisfy { $0.isASCII && $0.isNumber }
        if isCode {
            guard let place = try store.entities(code: text).first else {
                throw GraphError(message: "No city or prefecture with the code \(text) is named in the index.", candidates: [])
            }
            return place
        }
        let entity = try resolve(text)
        guard entity.kind == .city || entity.kind == .prefecture else {
            throw QueryError(.badValue, "\(RenkeiIndex.label(entity)) is not a city or prefecture; give a city's name, 6-digit code or key.")
        }
        return entity
    }

    /// Every entity within `hops` relations of `start` (either direction), with its distance.
    func neighbourhood(of start: EntityKey, hops: Int) throws -> [(entity: EntitySummary, distance: Int)] {
        var distance: [EntityKey: Int] = [start: 0]
        var frontier = [start]
        for hop in 1...max(1, hops) where !frontier.isEmpty {
            var next: [EntityKey] = []
            for (_, to) in try store.neighbours(of: frontier) where distance[to] == nil {
                distance[to] = hop
                next.append(to)
            }
            frontier = next
        }
        return try distance.filter { $0.key != start }.sorted { ($0.value, $0.key) < ($1.value, $1.key) }.compactMap { id, hops in
            try store.entity(id).map { ($0.summary, hops) }
        }
    }

    /// Partners (bodies sharing an agreement or project) that two entities have in common.
    func sharedPartners(_ first: EntityKey, _ second: EntityKey) throws -> [EntitySummary] {
        let common = try store.partners(of: first).intersection(try store.partners(of: second))
        return try common.sorted().compactMap { try store.entity($0)?.summary }
    }

    /// A shortest path between two entities over relations in either direction, at most
    /// `maxHops` edges long; nil when there is none that short.
    func shortestPath(from start: EntityKey, to goal: EntityKey, maxHops: Int) throws -> [PathHop]? {
        guard let nodes = try store.shortestChain(from: start, to: goal, maxHops: maxHops) else { return nil }
        var path: [PathHop] = []
        for (from, to) in zip(nodes, nodes.dropFirst()) {
            guard let hop = try store.edge(from: from, to: to) else { return nil }
            path.append(PathHop(from: hop.from, edge: hop.edge))
        }
        return path
    }
}
