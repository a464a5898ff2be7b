/// Orders the vertices of each layer to reduce edge crossings: alternate down and up sweeps that
/// sort a layer by the weighted median (even sweeps) or barycenter (odd sweeps) of its neighbours'
/// positions in the fixed layer, each followed by adjacent swaps (transposition) while they help.
/// Sifting then moves single vertices to their best position in the layer, which escapes the
/// plateaus where no adjacent swap helps, and long-edge sifting (`siftLongEdges`) moves the dummies
/// of one long edge together, which single-vertex moves cannot do. The best order seen is kept, so
/// the result is never worse than the depth-first start order (which has no crossing on a tree).
enum CrossingReduction {
    static func order(_ layering: inout Layering, sweeps: Int) {
        // Three starts: the depth-first order, its mirror image, and the depth-first order with the
        // top layer reversed. The first that reaches the fewest crossings wins.
        let start = layering.layers
        var starts = [start, start.map { Array($0.reversed()) }]
        // Depth-first orders that take short edges first or last push long edges to one side,
        // where they cross nothing; sweeps alone rarely move a whole long edge across.
        starts.append(depthFirst(layering, longEdgesLast: true))
        starts.append(depthFirst(layering, longEdgesLast: false))
        if let top = start.first, top.count > 1 {
            var flipped = start
            flipped[0] = top.reversed()
            starts.append(flipped)
        }
        var best: [[Int]] = start
        var bestCrossings = Int.max
        for candidate in starts where bestCrossings > 0 {
            layering.layers = candidate
            improve(&layering, sweeps: sweeps)
            let crossings = layering.totalCrossings()
            if crossings < bestCrossings {
                bestCrossings = crossings
                best = layering.layers
            }
        }
        layering.layers = best
        layering.reindex()
    }

    /// A depth-first order whose children are visited by the rank where their edge ends.
    private static func depthFirst(_ layering: Layering, longEdgesLast: Bool) -> [[Int]] {
        func endRank(_ w: Int) -> Int {
            guard let edge = layering.dummyEdge[w], let last = layering.chains[edge].last else {
                return layering.rank[w]
            }
            return max(layering.rank[last], layering.rank[layering.chains[edge][0]])
        }
        var layers = Array(repeating: [Int](), count: layering.layers.count)
        var seen = Array(repeating: false, count: layering.vertices.count)
        func visit(_ v: Int) {
            seen[v] = true
            layers[layering.rank[v]].append(v)
            let children = layering.lower[v].enumerated().sorted {
                let (a, b) = (endRank($0.element), endRank($1.element))
                return a != b ? (longEdgesLast ? a < b : a > b) : $0.offset < $1.offset
            }
            for (_, w) in children where !seen[w] { visit(w) }
        }
        for v in layering.vertices.indices where layering.upper[v].isEmpty && !seen[v] { visit(v) }
        for v in layering.vertices.indices where !seen[v] { visit(v) }
        return layers
    }

    private static func improve(_ layering: inout Layering, sweeps: Int) {
        layering.reindex()
        transpose(&layering)
        sift(&layering)
        siftLongEdges(&layering)
        var best = layering.layers
        var bestCrossings = layering.totalCrossings()
        var iteration = 0
        while iteration < sweeps && bestCrossings > 0 {
            let useMedian = iteration % 2 == 0
            // Every other pair of iterations breaks ties the other way and accepts swaps that do not
            // change the count, to leave plateaus (Gansner et al.'s "reverse" passes).
            let flip = iteration % 4 >= 2
            for r in 1..<layering.layers.count {
                sortLayer(&layering, r, byNeighboursAbove: true, median: useMedian, flipTies: flip)
            }
            for r in stride(from: layering.layers.count - 2, through: 0, by: -1) {
                sortLayer(&layering, r, byNeighboursAbove: false, median: useMedian, flipTies: flip)
            }
            transpose(&layering, acceptEqual: flip)
            sift(&layering)
            siftLongEdges(&layering)
            let crossings = layering.totalCrossings()
            if crossings < bestCrossings {
                bestCrossings = crossings
                best = layering.layers
            }
            iteration += 1
        }
        layering.layers = best
        layering.reindex()
    }

    /// Sorts layer `r` by the median or barycenter of neighbour positions in the adjacent layer;
    /// a vertex without neighbours there keeps its current position as its key. Ties keep order.
    private static func sortLayer(
        _ layering: inout Layering, _ r: Int, byNeighboursAbove: Bool, median: Bool, flipTies: Bool
    ) {
        let layer = layering.layers[r]
        let keys: [Double] = layer.map { v in
            let positions = (byNeighboursAbove ? layering.upper[v] : layering.lower[v]).map {
                Double(layering.position[$0])
            }.sorted()
            guard !positions.isEmpty else { return Double(layering.position[v]) }
            return median ? weightedMedian(positions) : positions.reduce(0, +) / Double(positions.count)
        }
        let sorted = layer.indices.sorted {
            flipTies ? (keys[$0], -$0) < (keys[$1], -$1) : (keys[$0], $0) < (keys[$1], $1)
        }.map { layer[$0] }
        layering.layers[r] = sorted
        for (i, v) in sorted.enumerated() { layering.position[v] = i }
    }

    /// The median of sorted positions; for an even count, the two middle values weighted towards
    /// the side whose positions are packed more tightly (Gansner et al.).
    private static func weightedMedian(_ p: [Double]) -> Double {
        let m = p.count / 2
        if p.count % 2 == 1 { return p[m] }
        if p.count == 2 { return (p[0] + p[1]) / 2 }
        let left = p[m - 1] - p[0]
        let right = p[p.count - 1] - p[m]
        guard left + right > 0 else { return (p[m - 1] + p[m]) / 2 }
        return (p[m - 1] * right + p[m] * left) / (left + right)
    }

    /// Swaps adjacent vertices while a swap lowers the crossings with both neighbouring layers.
    private static func transpose(_ layering: inout Layering, acceptEqual: Bool = false) {
        var improved = true
        var rounds = 0
        while improved && rounds < 20 {
            improved = false
            rounds += 1
            for r in layering.layers.indices {
                var i = 0
                while i + 1 < layering.layers[r].count {
                    let before = layering.crossings(below: r - 1) + layering.crossings(below: r)
                    layering.layers[r].swapAt(i, i + 1)
                    layering.position[layering.layers[r][i]] = i
                    layering.position[layering.layers[r][i + 1]] = i + 1
                    let after = layering.crossings(below: r - 1) + layering.crossings(below: r)
                    if after < before || (acceptEqual && after == before && rounds == 1) {
                        if after < before { improved = true }
                    } else {
                        layering.layers[r].swapAt(i, i + 1)
                        layering.position[layering.layers[r][i]] = i
                        layering.position[layering.layers[r][i + 1]] = i + 1
                    }
                    i += 1
                }
            }
        }
    }

    /// Moves each vertex, in turn, to the position in its layer that gives the fewest crossings
    /// with both neighbouring layers (ties keep it where it is), until a round changes nothing.
    private static func sift(_ layering: inout Layering) {
        var improved = true
        var rounds = 0
        while improved && rounds < 10 {
            improved = false
            rounds += 1
            for r in layering.layers.indices where layering.layers[r].count > 1 {
                for v in layering.layers[r] {
                    func local() -> Int { layering.crossings(below: r - 1) + layering.crossings(below: r) }
                    let original = layering.layers[r]
                    let from = original.firstIndex(of: v)!
                    var bestCount = local()
                    var bestIndex = from
                    var rest = original
                    rest.remove(at: from)
                    for index in 0...rest.count where index != from {
                        var candidate = rest
                        candidate.insert(v, at: index)
                        layering.layers[r] = candidate
                        for (i, w) in candidate.enumerated() { layering.position[w] = i }
                        let count = local()
                        if count < bestCount {
                            bestCount = count
                            bestIndex = index
                        }
                    }
                    var chosen = rest
                    chosen.insert(v, at: bestIndex)
                    layering.layers[r] = chosen
                    for (i, w) in chosen.enumerated() { layering.position[w] = i }
                    if bestIndex != from { improved = true }
                }
            }
        }
    }
}
