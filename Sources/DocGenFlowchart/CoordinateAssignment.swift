/// Gives every vertex of an ordered layering an x coordinate.
///
/// The dummies of one long edge form a *block* that shares one x, so long edges are drawn as
/// straight vertical lines between their ends. Blocks are first packed to the left (a longest
/// path over "left neighbour + separation" constraints), then repeatedly moved towards the mean x
/// of their neighbours in the adjacent layers, as far as their left and right neighbours allow.
enum CoordinateAssignment {
    static func assign(_ layering: Layering, gap: Double) -> [Double] {
        var blockOf = blocks(layering, joinDummies: true)
        var constraints = separations(layering, blockOf: blockOf, gap: gap)
        var order = topologicalOrder(count: blockOf.max().map { $0 + 1 } ?? 0, constraints: constraints)
        if order == nil {
            // Two long edges cross each other: their blocks cannot both be straight.
            blockOf = blocks(layering, joinDummies: false)
            constraints = separations(layering, blockOf: blockOf, gap: gap)
            order = topologicalOrder(count: blockOf.max().map { $0 + 1 } ?? 0, constraints: constraints)
        }
        let blockCount = blockOf.max().map { $0 + 1 } ?? 0
        var x = Array(repeating: 0.0, count: blockCount)
        var predecessors = Array(repeating: [(Int, Double)](), count: blockCount)
        var successors = Array(repeating: [(Int, Double)](), count: blockCount)
        for (pair, separation) in constraints.sorted(by: { ($0.key.left, $0.key.right) < ($1.key.left, $1.key.right) })
        {
            predecessors[pair.right].append((pair.left, separation))
            successors[pair.left].append((pair.right, separation))
        }
        for block in order ?? Array(0..<blockCount) {
            x[block] = predecessors[block].map { x[$0.0] + $0.1 }.max() ?? 0
        }
        var members = Array(repeating: [Int](), count: blockCount)
        for (vertex, block) in blockOf.enumerated() { members[block].append(vertex) }
        for pass in 0..<60 {
            let sweep = (0..<blockCount).sorted {
                pass % 2 == 0 ? (x[$0], $0) < (x[$1], $1) : (x[$0], $0) > (x[$1], $1)
            }
            for block in sweep {
                var neighbourXs: [Double] = []
                for v in members[block] {
                    for w in layering.upper[v] + layering.lower[v] where blockOf[w] != block {
                        neighbourXs.append(x[blockOf[w]])
                    }
                }
                guard !neighbourXs.isEmpty else { continue }
                let target = neighbourXs.reduce(0, +) / Double(neighbourXs.count)
                let low = predecessors[block].map { x[$0.0] + $0.1 }.max() ?? -Double.infinity
                let high = successors[block].map { x[$0.0] - $0.1 }.min() ?? Double.infinity
                guard low <= high else { continue }
                x[block] = min(max(target, low), high)
            }
        }
        return blockOf.map { x[$0] }
    }

    /// Block ids per vertex: real vertices alone, dummies of one edge together when `joinDummies`.
    private static func blocks(_ layering: Layering, joinDummies: Bool) -> [Int] {
        var blockOf = Array(repeating: -1, count: layering.vertices.count)
        var next = 0
        var byEdge: [Int: Int] = [:]
        for v in layering.vertices.indices {
            if joinDummies, let edge = layering.dummyEdge[v] {
                if let block = byEdge[edge] {
                    blockOf[v] = block
                    continue
                }
                byEdge[edge] = next
            }
            blockOf[v] = next
            next += 1
        }
        return blockOf
    }

    /// For each ordered pair of blocks that are neighbours in some layer, the least distance
    /// between their centres.
    private static func separations(_ layering: Layering, blockOf: [Int], gap: Double) -> [Pair: Double] {
        var result: [Pair: Double] = [:]
        for layer in layering.layers {
            for (a, b) in zip(layer, layer.dropFirst()) {
                let bothDummies = layering.vertices[a] == nil && layering.vertices[b] == nil
                let separation = (layering.width[a] + layering.width[b]) / 2 + (bothDummies ? gap / 2 : gap)
                let key = Pair(blockOf[a], blockOf[b])
                result[key] = max(result[key] ?? 0, separation)
            }
        }
        return result
    }

    private static func topologicalOrder(count: Int, constraints: [Pair: Double]) -> [Int]? {
        var pending = Array(repeating: 0, count: count)
        var successors = Array(repeating: [Int](), count: count)
        for key in constraints.keys.sorted(by: { ($0.left, $0.right) < ($1.left, $1.right) }) {
            if key.left == key.right { return nil }
            successors[key.left].append(key.right)
            pending[key.right] += 1
        }
        var ready = (0..<count).filter { pending[$0] == 0 }
        var head = 0
        while head < ready.count {
            let block = ready[head]
            head += 1
            for next in successors[block] {
                pending[next] -= 1
                if pending[next] == 0 { ready.append(next) }
            }
        }
        return ready.count == count ? ready : nil
    }

    /// An ordered pair of block ids: `left` must stay left of `right`.
    struct Pair: Hashable {
        let left: Int
        let right: Int
        init(_ left: Int, _ right: Int) {
            self.left = left
            self.right = right
        }
    }
}
