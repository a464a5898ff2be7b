/// The input of the layered layout: boxes of known size joined by directed edges, with no idea of
/// what they mean. `FlowLayout` builds one from a flow; tests build small ones by hand.
public struct LayoutGraph: Sendable, Hashable {
    /// A box to place.
    public struct Node: Sendable, Hashable {
        /// The width in pixels.
        public var width: Double
        /// The height in pixels.
        public var height: Double

        /// Creates a box of the given size.
        public init(width: Double, height: Double) {
            self.width = width
            self.height = height
        }
    }

    /// A directed edge between two nodes (by index), with an optional label box on it.
    public struct Edge: Sendable, Hashable {
        /// The index of the node the edge leaves.
        public var from: Int
        /// The index of the node the edge enters.
        public var to: Int
        /// The least number of ranks the edge spans (1 = adjacent layers).
        public var minLength: Int
        /// The size of the label drawn on the edge, or `nil` for no label.
        public var labelSize: (width: Double, height: Double)?

        /// Creates an edge; a labelled edge spans at least two ranks so its label has a layer of its own.
        public init(from: Int, to: Int, minLength: Int = 1, labelSize: (width: Double, height: Double)? = nil) {
            self.from = from
            self.to = to
            self.minLength = max(minLength, labelSize == nil ? 1 : 2)
            self.labelSize = labelSize
        }

        public static func == (a: Edge, b: Edge) -> Bool {
            a.from == b.from && a.to == b.to && a.minLength == b.minLength
                && a.labelSize?.width == b.labelSize?.width && a.labelSize?.height == b.labelSize?.height
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(from)
            hasher.combine(to)
            hasher.combine(minLength)
            hasher.combine(labelSize?.width)
            hasher.combine(labelSize?.height)
        }
    }

    /// The boxes; index 0 is laid out first (put the start node there).
    public var nodes: [Node]
    /// The edges, in the order their ends should appear from left to right when nothing else decides.
    public var edges: [Edge]

    /// Creates a graph.
    public init(nodes: [Node], edges: [Edge]) {
        self.nodes = nodes
        self.edges = edges
    }
}

/// A point in the diagram, in pixels from the top-left corner.
public struct Point: Sendable, Hashable {
    /// Pixels from the left edge.
    public var x: Double
    /// Pixels from the top edge.
    public var y: Double

    /// Creates a point.
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// The output of the layered layout: where each box goes and the polyline of each edge.
public struct GraphLayout: Sendable, Hashable {
    /// A placed box.
    public struct PlacedNode: Sendable, Hashable {
        /// The centre of the box.
        public var center: Point
        /// The width in pixels.
        public var width: Double
        /// The height in pixels.
        public var height: Double
        /// The layer, 0 at the top.
        public var rank: Int
    }

    /// A routed edge, from its source to its target (arrowhead at the last point).
    public struct RoutedEdge: Sendable, Hashable {
        /// The points the edge passes through, source side first; consecutive points in different
        /// layers are joined by a curve with vertical tangents, points in one layer by a straight line.
        public var points: [Point]
        /// The centre of the label box, when the edge has a label.
        public var labelCenter: Point?
        /// Whether the edge points upwards (it closes a loop and was reversed for the layout).
        public var reversed: Bool
    }

    /// The boxes, in the input order.
    public var nodes: [PlacedNode]
    /// The edges, in the input order.
    public var edges: [RoutedEdge]
    /// The width of the whole drawing, margins included.
    public var width: Double
    /// The height of the whole drawing, margins included.
    public var height: Double
    /// How many pairs of edge segments cross between adjacent layers.
    public var crossings: Int
}

/// Spacing of the layered layout.
public struct LayoutOptions: Sendable, Hashable {
    /// The least horizontal gap between two boxes of one layer.
    public var nodeGap: Double = 28
    /// The vertical gap between two layers.
    public var rankGap: Double = 22
    /// The empty border around the drawing.
    public var margin: Double = 8
    /// How many down+up sweeps of crossing reduction to try at most.
    public var sweeps: Int = 24

    /// The default spacing.
    public init() {}
}
