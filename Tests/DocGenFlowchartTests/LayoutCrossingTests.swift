import DocGenFlowchart
import Testing

/// Crossing counts of laid-out graphs against their known optimum, and layout invariants.
@Suite struct LayoutCrossingTests {
    /// A graph of `count` equal boxes and the given edges.
    static func graph(_ count: Int, _ edges: [(Int, Int)], minLength: Int = 1) -> LayoutGraph {
        LayoutGraph(
            nodes: Array(repeating: LayoutGraph.Node(width: 40, height: 20), count: count),
            edges: edges.map { LayoutGraph.Edge(from: $0.0, to: $0.1, minLength: minLength) })
    }

    /// A complete binary tree of the given depth, with its edges listed in an order that puts the
    /// first children of late parents first (so the input order alone would cross).
    static func scrambledTree(depth: Int) -> LayoutGraph {
        let count = (1 << (depth + 1)) - 1
        var edges: [(Int, Int)] = []
        for parent in stride(from: count / 2 - 1, through: 0, by: -1) {
            edges.append((parent, 2 * parent + 2))
            edges.append((parent, 2 * parent + 1))
        }
        return graph(count, edges)
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let graph: LayoutGraph
        let optimum: Int
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "path", graph: graph(4, [(0, 1), (1, 2), (2, 3)]), optimum: 0),
        Case(name: "binary tree depth 4, scrambled edges", graph: scrambledTree(depth: 4), optimum: 0),
        Case(
            name: "tree with long edges",
            graph: graph(7, [(0, 1), (0, 2), (0, 3), (1, 4), (4, 5), (2, 6), (0, 6)]), optimum: 0),
        Case(name: "twisted matching", graph: graph(6, [(0, 5), (1, 4), (2, 3)]), optimum: 0),
        Case(name: "K2,2", graph: graph(4, [(0, 2), (0, 3), (1, 2), (1, 3)]), optimum: 1),
        Case(
            name: "K3,3 (any order gives 9)", graph: graph(6, (0..<3).flatMap { a in (3..<6).map { (a, $0) } }),
            optimum: 9),
        Case(
            name: "diamond with a long edge",
            graph: graph(4, [(0, 1), (0, 2), (1, 3), (2, 3), (0, 3)]), optimum: 0),
        Case(
            name: "two crossing paths untangled",
            graph: graph(6, [(0, 3), (1, 2), (3, 4), (2, 5), (0, 4)]), optimum: 0),
        Case(
            // A 6-cycle drawn on two layers needs k - 1 = 2 crossings (checked by exhaustive search below).
            name: "two-layer 6-cycle", graph: graph(6, [(0, 3), (1, 3), (1, 4), (2, 4), (2, 5), (0, 5)]), optimum: 2),
        Case(
            // The seed flow's shape (every edge labelled, so two ranks long): the "No" edge 0 → 9 must
            // pass the whole "Not sure" branch at once, which only moving a long edge as a unit does.
            name: "long edge beside a branch",
            graph: graph(
                11,
                [
                    (0, 3), (0, 9), (0, 1), (1, 3), (1, 2), (2, 3), (2, 9), (3, 4), (3, 9), (4, 5), (5, 8), (5, 6),
                    (6, 7), (7, 8), (7, 10),
                ], minLength: 2), optimum: 0),
        Case(
            name: "cycle closed by a back edge",
            graph: graph(4, [(0, 1), (1, 2), (2, 3), (3, 1), (0, 2)]), optimum: 0),
    ]

    @Test(arguments: cases) func crossingsReachTheOptimum(_ testCase: Case) {
        let layout = LayeredLayout.layout(testCase.graph)
        #expect(layout.crossings == testCase.optimum)
    }

    @Test func treesNeverCross() {
        for depth in 1...5 { #expect(LayeredLayout.layout(Self.scrambledTree(depth: depth)).crossings == 0) }
    }

    @Test func longEdgesAreStraight() {
        // 0 → 3 spans three ranks next to the path 0 → 1 → 2 → 3.
        let layout = LayeredLayout.layout(Self.graph(4, [(0, 1), (1, 2), (2, 3), (0, 3)]))
        let points = layout.edges[3].points
        let inner = points.dropFirst().dropLast()
        #expect(inner.count == 2)
        #expect(Set(inner.map(\.x)).count == 1, "the dummies of a long edge share one x: \(points)")
    }

    @Test func boxesOfALayerDoNotOverlap() {
        let layout = LayeredLayout.layout(Self.scrambledTree(depth: 4))
        for rank in Set(layout.nodes.map(\.rank)) {
            let row = layout.nodes.filter { $0.rank == rank }.sorted { $0.center.x < $1.center.x }
            for (a, b) in zip(row, row.dropFirst()) {
                #expect(a.center.x + a.width / 2 <= b.center.x - b.width / 2)
            }
            #expect(row.allSatisfy { $0.center.x - $0.width / 2 >= 0 && $0.center.x + $0.width / 2 <= layout.width })
        }
    }

    @Test func ranksFollowEdges() {
        let layout = LayeredLayout.layout(Self.graph(5, [(0, 1), (1, 2), (0, 2), (2, 3), (3, 4)], minLength: 2))
        #expect(layout.nodes.map(\.rank) == [0, 2, 4, 6, 8])
    }

    @Test func layoutIsDeterministic() {
        let graph = Self.scrambledTree(depth: 3)
        #expect(LayeredLayout.layout(graph) == LayeredLayout.layout(graph))
    }

    /// Small two-layer graphs from a fixed pseudo-random sequence, each compared with the optimum
    /// found by trying every order of both layers.
    @Test func twoLayerGraphsMatchExhaustiveOptimum() {
        var seed: UInt64 = 42
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        var worse = 0
        for _ in 0..<30 {
            var edges: Set<[Int]> = []
            for top in 0..<4 { edges.insert([top, 4 + next(4)]) }
            for _ in 0..<(2 + next(4)) { edges.insert([next(4), 4 + next(4)]) }
            let list = edges.sorted { ($0[0], $0[1]) < ($1[0], $1[1]) }.map { ($0[0], $0[1]) }
            let layout = LayeredLayout.layout(Self.graph(8, list))
            let optimum = Self.exhaustiveCrossings(list)
            #expect(layout.crossings >= optimum)
            #expect(layout.crossings <= optimum + 1, "\(list)")
            if layout.crossings > optimum { worse += 1 }
        }
        // Crossing minimisation is NP-hard and this is a heuristic: today it reaches the optimum on
        // 29 of these 30 graphs (the last is one crossing off). A regression shows up here.
        #expect(worse <= 1, "the heuristic missed the optimum on \(worse) of 30 graphs")
    }

    static func exhaustiveCrossings(_ edges: [(Int, Int)]) -> Int {
        let used = Set(edges.map(\.1))
        let tops = Array(Set(edges.map(\.0))).sorted()
        let bottoms = Array(used).sorted()
        var best = Int.max
        for top in permutations(tops) {
            for bottom in permutations(bottoms) {
                let pt = Dictionary(uniqueKeysWithValues: top.enumerated().map { ($1, $0) })
                let pb = Dictionary(uniqueKeysWithValues: bottom.enumerated().map { ($1, $0) })
                var count = 0
                for i in edges.indices {
                    for j in (i + 1)..<edges.count
                    where (pt[edges[i].0]! - pt[edges[j].0]!) * (pb[edges[i].1]! - pb[edges[j].1]!) < 0 {
                        count += 1
                    }
                }
                best = min(best, count)
            }
        }
        return best
    }

    static func permutations(_ items: [Int]) -> [[Int]] {
        guard items.count > 1 else { return [items] }
        return items.indices.flatMap { i in
            permutations(Array(items[..<i] + items[(i + 1)...])).map { [items[i]] + $0 }
        }
    }
}
