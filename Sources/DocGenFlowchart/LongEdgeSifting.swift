/// Sifting of whole long edges: the dummies of one edge move together, as one unit, to the place
/// that gives the fewest crossings over all the layers the edge spans.
///
/// Moving one dummy at a time cannot get a long edge past a branch it runs beside: the first
/// dummy to move makes a kink that crosses more than it saves, so every single move is refused.
/// Moving the whole chain at once can (the seed flow's "No" edge needs this to reach 0 crossings).
extension CrossingReduction {
    /// Moves each long edge (in edge order) to its best place among: shifted by the same number of
    /// positions in every layer, at the same index from the left in every layer, or at the same
    /// index from the right. Ties keep the edge where it is. Returns whether anything moved.
    @discardableResult
    static func siftLongEdges(_ layering: inout Layering) -> Bool {
        var moved = false
        for chain in layering.chains where chain.count > 2 {
            let dummies = Array(chain.dropFirst().dropLast())
            let ranks = dummies.map { layering.rank[$0] }
            let (first, last) = (ranks.min()!, ranks.max()!)
            let others = dummies.map { dummy in layering.layers[layering.rank[dummy]].filter { $0 != dummy } }
            let current = dummies.map { layering.position[$0] }
            let widest = others.map { $0.count + 1 }.max()!

            func place(_ targets: [Int]) {
                for (k, dummy) in dummies.enumerated() {
                    var layer = others[k]
                    layer.insert(dummy, at: targets[k])
                    layering.layers[ranks[k]] = layer
                    for (i, v) in layer.enumerated() { layering.position[v] = i }
                }
            }
            func local() -> Int { ((first - 1)...last).reduce(0) { $0 + layering.crossings(below: $1) } }

            var candidates: [[Int]] = []
            for delta in -widest...widest where delta != 0 {
                candidates.append(zip(current, others).map { min(max($0 + delta, 0), $1.count) })
            }
            for index in 0..<widest {
                candidates.append(others.map { min(index, $0.count) })
                candidates.append(others.map { max($0.count - index, 0) })
            }
            var best = current
            var bestCount = local()
            for targets in candidates where targets != best {
                place(targets)
                let count = local()
                if count < bestCount {
                    bestCount = count
                    best = targets
                }
            }
            place(best)
            if best != current { moved = true }
        }
        return moved
    }
}
