import DocGenContent
import DocGenCore

/// The edges of a flow as a plain directed graph, with the two walks that validation, layout and
/// the widget share: reachability from the start and the back edges of a depth-first search.
///
/// Walks visit answers in the author's order and unvisited nodes in file order, so the result
/// never depends on hashing.
public struct FlowGraph: Sendable {
    /// One answer seen as an edge between node ids.
    public struct Edge: Sendable, Hashable {
        /// The node the answer belongs to.
        public var from: String
        /// The node it leads to.
        public var to: String
        /// The answer's position among the node's answers.
        public var answerIndex: Int
        /// Where the target was written.
        public var location: SourceLocation
    }

    /// The node ids in file order, without duplicates.
    public let nodeIDs: [String]
    /// The edges whose both ends exist, in file and answer order.
    public let edges: [Edge]

    /// The graph of a flow; answers to unknown nodes are left out.
    public init(_ flow: Flow) {
        var ids: [String] = []
        var known: Set<String> = []
        for node in flow.nodes where known.insert(node.id).inserted { ids.append(node.id) }
        var edges: [Edge] = []
        var done: Set<String> = []
        for node in flow.nodes where done.insert(node.id).inserted {
            for (index, answer) in node.answers.enumerated() where known.contains(answer.targetID) {
                edges.append(Edge(from: node.id, to: answer.targetID, answerIndex: index, location: answer.location))
            }
        }
        self.nodeIDs = ids
        self.edges = edges
    }

    /// The edges leaving `id`, in answer order.
    public func outgoing(_ id: String) -> [Edge] { edges.filter { $0.from == id } }

    /// The ids reachable from `start` (itself included when it exists).
    public func reachable(from start: String) -> Set<String> {
        guard nodeIDs.contains(start) else { return [] }
        var seen: Set<String> = [start]
        var stack = [start]
        while let id = stack.popLast() {
            for edge in outgoing(id) where seen.insert(edge.to).inserted { stack.append(edge.to) }
        }
        return seen
    }

    /// The edges that close a loop, found by a depth-first search from `start` and then from every
    /// node not yet visited, in file order. Removing (or reversing) them leaves an acyclic graph.
    public func backEdges(from start: String) -> [Edge] {
        enum Mark { case active, done }
        var marks: [String: Mark] = [:]
        var result: [Edge] = []
        func visit(_ id: String) {
            marks[id] = .active
            for edge in outgoing(id) {
                switch marks[edge.to] {
                case .active?: result.append(edge)
                case .done?: break
                case nil: visit(edge.to)
                }
            }
            marks[id] = .done
        }
        let roots = (nodeIDs.contains(start) ? [start] : []) + nodeIDs
        for id in roots where marks[id] == nil { visit(id) }
        return result
    }

    /// The shortest path of node ids from `start` to `target` (answers tried in order), or `nil`.
    public func path(from start: String, to target: String) -> [String]? {
        guard nodeIDs.contains(start) else { return nil }
        var previous: [String: String] = [:]
        var seen: Set<String> = [start]
        var queue = [start]
        var head = 0
        while head < queue.count {
            let id = queue[head]
            head += 1
            if id == target {
                var path = [id]
                while let before = previous[path[0]] { path.insert(before, at: 0) }
                return path
            }
            for edge in outgoing(id) where seen.insert(edge.to).inserted {
                previous[edge.to] = id
                queue.append(edge.to)
            }
        }
        return nil
    }
}
