/// The Sugiyama layered layout: (1) reverse the edges that close cycles, (2) assign ranks by
/// longest path, (3) split long edges with dummy vertices, (4) order each layer to reduce
/// crossings (`CrossingReduction`), (5) assign x so long edges stay straight
/// (`CoordinateAssignment`), (6) route edges through their dummies.
///
/// A pure, deterministic function of the graph: no hashing order, no randomness.
public enum LayeredLayout {
    /// Lays out `graph`.
    public static func layout(_ graph: LayoutGraph, options: LayoutOptions = LayoutOptions()) -> GraphLayout {
        let reversed = reversedEdges(graph)
        let ranks = assignRanks(graph, reversed: reversed)
        var layering = Layering(graph: graph, ranks: ranks, reversed: reversed)
        CrossingReduction.order(&layering, sweeps: options.sweeps)
        let xs = CoordinateAssignment.assign(layering, gap: options.nodeGap)
        return route(graph, layering: layering, xs: xs, options: options)
    }

    /// The edges that a depth-first search from node 0 (then from each unvisited node in order)
    /// finds pointing back to an ancestor; self-loops count as reversed too.
    static func reversedEdges(_ graph: LayoutGraph) -> Set<Int> {
        var outgoing = Array(repeating: [Int](), count: graph.nodes.count)
        for (index, edge) in graph.edges.enumerated() { outgoing[edge.from].append(index) }
        var state = Array(repeating: 0, count: graph.nodes.count)  // 0 new, 1 active, 2 done
        var result: Set<Int> = []
        func visit(_ node: Int) {
            state[node] = 1
            for index in outgoing[node] {
                let target = graph.edges[index].to
                if state[target] == 1 { result.insert(index) } else if state[target] == 0 { visit(target) }
            }
            state[node] = 2
        }
        for node in graph.nodes.indices where state[node] == 0 { visit(node) }
        return result
    }

    /// Longest-path ranks over the acyclic graph (reversed edges turned round, self-loops ignored),
    /// honouring each edge's minimum length; sources are at rank 0.
    static func assignRanks(_ graph: LayoutGraph, reversed: Set<Int>) -> [Int] {
        var incoming = Array(repeating: [(Int, Int)](), count: graph.nodes.count)
        var outgoing = Array(repeating: [Int](), count: graph.nodes.count)
        var pending = Array(repeating: 0, count: graph.nodes.count)
        for (index, edge) in graph.edges.enumerated() where edge.from != edge.to {
            let (upper, lower) = reversed.contains(index) ? (edge.to, edge.from) : (edge.from, edge.to)
            incoming[lower].append((upper, edge.minLength))
            outgoing[upper].append(lower)
            pending[lower] += 1
        }
        var ranks = Array(repeating: 0, count: graph.nodes.count)
        var ready = graph.nodes.indices.filter { pending[$0] == 0 }
        var head = 0
        while head < ready.count {
            let node = ready[head]
            head += 1
            ranks[node] = incoming[node].map { ranks[$0.0] + $0.1 }.max() ?? 0
            for next in outgoing[node] {
                pending[next] -= 1
                if pending[next] == 0 { ready.append(next) }
            }
        }
        return ranks
    }

    private static func route(
        _ graph: LayoutGraph, layering: Layering, xs: [Double], options: LayoutOptions
    ) -> GraphLayout {
        let layerCount = layering.layers.count
        var layerHeight = Array(repeating: 0.0, count: layerCount)
        for vertex in layering.vertices.indices {
            layerHeight[layering.rank[vertex]] = max(layerHeight[layering.rank[vertex]], layering.height[vertex])
        }
        var layerTop = Array(repeating: options.margin, count: layerCount)
        for rank in 1..<max(layerCount, 1) {
            layerTop[rank] = layerTop[rank - 1] + layerHeight[rank - 1] + options.rankGap
        }
        let minX = layering.vertices.indices.map { xs[$0] - layering.width[$0] / 2 }.min() ?? 0
        let shift = options.margin - minX
        func center(_ vertex: Int) -> Point {
            let rank = layering.rank[vertex]
            return Point(x: round1(xs[vertex] + shift), y: round1(layerTop[rank] + layerHeight[rank] / 2))
        }
        let nodes = graph.nodes.indices.map { index in
            GraphLayout.PlacedNode(
                center: center(index), width: graph.nodes[index].width, height: graph.nodes[index].height,
                rank: layering.rank[index])
        }
        var edges: [GraphLayout.RoutedEdge] = []
        for (index, edge) in graph.edges.enumerated() {
            let isReversed = layering.reversed.contains(index)
            if edge.from == edge.to {
                let box = nodes[edge.from]
                let right = box.center.x + box.width / 2
                let points = [
                    Point(x: right, y: box.center.y - 6), Point(x: right + 18, y: box.center.y - 6),
                    Point(x: right + 18, y: box.center.y + 6), Point(x: right, y: box.center.y + 6),
                ]
                edges.append(GraphLayout.RoutedEdge(points: points, labelCenter: nil, reversed: true))
                continue
            }
            let chain = layering.chains[index]
            var points: [Point] = []
            let top = chain[0]
            let topCenter = center(top)
            points.append(
                Point(
                    x: round1(topCenter.x + layering.portOffset(of: top, toward: chain[1], below: true, xs: xs)),
                    y: round1(topCenter.y + layering.height[top] / 2)))
            var label: Point?
            for vertex in chain.dropFirst().dropLast() {
                let c = center(vertex)
                if layering.height[vertex] > 0 {
                    points.append(Point(x: c.x, y: round1(c.y - layering.height[vertex] / 2)))
                    points.append(Point(x: c.x, y: round1(c.y + layering.height[vertex] / 2)))
                } else {
                    points.append(c)
                }
                if layering.labelVertex[index] == vertex { label = c }
            }
            let bottom = chain[chain.count - 1]
            let bottomCenter = center(bottom)
            points.append(
                Point(
                    x: round1(
                        bottomCenter.x
                            + layering.portOffset(of: bottom, toward: chain[chain.count - 2], below: false, xs: xs)),
                    y: round1(bottomCenter.y - layering.height[bottom] / 2)))
            edges.append(
                GraphLayout.RoutedEdge(
                    points: isReversed ? points.reversed() : points, labelCenter: label, reversed: isReversed))
        }
        let right = layering.vertices.indices.map { xs[$0] + shift + layering.width[$0] / 2 }.max() ?? 0
        let loopRoom = graph.edges.contains { $0.from == $0.to } ? 20.0 : 0
        let bottom = layerCount == 0 ? options.margin : layerTop[layerCount - 1] + layerHeight[layerCount - 1]
        return GraphLayout(
            nodes: nodes, edges: edges, width: round1(right + options.margin + loopRoom),
            height: round1(bottom + options.margin), crossings: layering.totalCrossings())
    }

    /// Rounds to a tenth of a pixel, so output does not depend on the last bits of a sum.
    static func round1(_ value: Double) -> Double { (value * 10).rounded() / 10 }
}
