import RenkeiCore
import Testing

/// The bidirectional search on a small graph written out by hand.
@Suite struct ShortestChainTests {
    /// 1 - 2 - 3 - 4 - 5, and a detour 1 - 6 - 7 - 8 - 9 - 5; 10 stands alone.
    static let edges: [(Int, Int)] = [(1, 2), (2, 3), (3, 4), (4, 5), (1, 6), (6, 7), (7, 8), (8, 9), (9, 5)]

    static func neighbours(_ frontier: [Int]) -> [(from: Int, to: Int)] {
        frontier.flatMap { node in
            edges.compactMap { edge in edge.0 == node ? (node, edge.1) : edge.1 == node ? (node, edge.0) : nil }
        }
    }

    @Test func findsTheShortestChainWithinTheHopLimit() {
        #expect(ShortestChain.find(from: 1, to: 5, maxHops: 4, neighbours: Self.neighbours) == [1, 2, 3, 4, 5])
        #expect(ShortestChain.find(from: 5, to: 1, maxHops: 8, neighbours: Self.neighbours) == [5, 4, 3, 2, 1])
        #expect(ShortestChain.find(from: 1, to: 5, maxHops: 3, neighbours: Self.neighbours) == nil)
        #expect(ShortestChain.find(from: 6, to: 9, maxHops: 3, neighbours: Self.neighbours) == [6, 7, 8, 9])
        #expect(ShortestChain.find(from: 1, to: 10, maxHops: 8, neighbours: Self.neighbours) == nil)
        #expect(ShortestChain.find(from: 3, to: 3, maxHops: 1, neighbours: Self.neighbours) == [3])
    }
}
