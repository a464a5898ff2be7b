/// The layered graph inside `LayeredLayout`: real and dummy vertices per rank, the segments
/// between adjacent ranks, and the current left-to-right order of each layer.
struct Layering {
    /// For each vertex: the input node it stands for, or `nil` for a dummy.
    var vertices: [Int?]
    var rank: [Int]
    var width: [Double]
    var height: [Double]
    /// The vertices of each layer, left to right.
    var layers: [[Int]]
    /// The position of each vertex in its layer.
    var position: [Int]
    /// Neighbours one layer up and one layer down, in edge order.
    var upper: [[Int]]
    var lower: [[Int]]
    /// For each input edge, its vertices from top to bottom (empty for self-loops).
    var chains: [[Int]]
    /// For each input edge, the dummy that carries its label.
    var labelVertex: [Int?]
    /// For each vertex, the input edge a dummy belongs to.
    var dummyEdge: [Int?]
    let reversed: Set<Int>

    init(graph: LayoutGraph, ranks: [Int], reversed: Set<Int>) {
        self.reversed = reversed
        vertices = graph.nodes.indices.map { $0 }
        rank = ranks
        width = graph.nodes.map(\.width)
        height = graph.nodes.map(\.height)
        dummyEdge = Array(repeating: nil, count: graph.nodes.count)
        upper = Array(repeating: [], count: graph.nodes.count)
        lower = Array(repeating: [], count: graph.nodes.count)
        chains = []
        labelVertex = []
        for (index, edge) in graph.edges.enumerated() {
            guard edge.from != edge.to else {
                chains.append([])
                labelVertex.append(nil)
                continue
            }
            let isReversed = reversed.contains(index)
            let (top, bottom) = isReversed ? (edge.to, edge.from) : (edge.from, edge.to)
            var chain = [top]
            for r in (ranks[top] + 1)..<ranks[bottom] {
                vertices.append(nil)
                rank.append(r)
                width.append(0)
                height.append(0)
                dummyEdge.append(index)
                upper.append([])
                lower.append([])
                chain.append(vertices.count - 1)
            }
            chain.append(bottom)
            var label: Int?
            if let size = edge.labelSize, chain.count > 2 {
                let carrier = isReversed ? chain[chain.count - 2] : chain[1]
                width[carrier] = size.width
                height[carrier] = size.height
                label = carrier
            }
            for (a, b) in zip(chain, chain.dropFirst()) {
                lower[a].append(b)
                upper[b].append(a)
            }
            chains.append(chain)
            labelVertex.append(label)
        }
        let layerCount = (rank.max() ?? -1) + 1
        layers = Array(repeating: [], count: layerCount)
        position = Array(repeating: 0, count: vertices.count)
        // Initial order: depth-first from the sources, so a tree starts out without crossings.
        var seen = Array(repeating: false, count: vertices.count)
        func visit(_ v: Int) {
            seen[v] = true
            position[v] = layers[rank[v]].count
            layers[rank[v]].append(v)
            for w in lower[v] where !seen[w] { visit(w) }
        }
        for v in vertices.indices where upper[v].isEmpty && !seen[v] { visit(v) }
        for v in vertices.indices where !seen[v] { visit(v) }
    }

    /// Recomputes `position` from `layers`.
    mutating func reindex() {
        for layer in layers { for (i, v) in layer.enumerated() { position[v] = i } }
    }

    /// The crossings between layer `r` and layer `r + 1`.
    func crossings(below r: Int) -> Int {
        guard r >= 0, r + 1 < layers.count else { return 0 }
        var pairs: [(Int, Int)] = []
        for v in layers[r] { for w in lower[v] { pairs.append((position[v], position[w])) } }
        var count = 0
        for i in pairs.indices {
            for j in (i + 1)..<pairs.count {
                let (a, b) = (pairs[i], pairs[j])
                if (a.0 < b.0 && a.1 > b.1) || (a.0 > b.0 && a.1 < b.1) { count += 1 }
            }
        }
        return count
    }

    /// The crossings of the whole drawing.
    func totalCrossings() -> Int { (0..<max(layers.count - 1, 0)).reduce(0) { $0 + crossings(below: $1) } }

    /// The horizontal offset of the port where the segment from `vertex` to `neighbour` touches the
    /// box, spreading several edges along the bottom (or top) side in the order of their other ends.
    func portOffset(of vertex: Int, toward neighbour: Int, below: Bool, xs: [Double]) -> Double {
        let others = (below ? lower[vertex] : upper[vertex]).sorted { (xs[$0], $0) < (xs[$1], $1) }
        guard others.count > 1, let index = others.firstIndex(of: neighbour) else { return 0 }
        let step = min(18, width[vertex] * 0.6 / Double(others.count - 1))
        return (Double(index) - Double(others.count - 1) / 2) * step
    }
}
