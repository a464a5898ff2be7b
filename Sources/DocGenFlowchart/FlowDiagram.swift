import DocGenContent
import DocGenCore

/// A flow laid out for one language: every box with its wrapped lines and position, every answer
/// as a routed arrow with its label. The SVG writer draws exactly this; nothing is measured later.
public struct FlowDiagram: Sendable, Hashable {
    /// A node's box.
    public struct Box: Sendable, Hashable {
        /// The node id.
        public var id: String
        /// The node kind, which decides the shape and colours.
        public var kind: FlowNodeKind
        /// The node text, wrapped to fit the box.
        public var lines: [String]
        /// The centre of the box.
        public var center: Point
        /// The width of the box.
        public var width: Double
        /// The height of the box.
        public var height: Double
    }

    /// An answer drawn as an arrow.
    public struct Arrow: Sendable, Hashable {
        /// The id of the node the answer belongs to.
        public var from: String
        /// The id of the node it leads to.
        public var to: String
        /// The answer's position among the node's answers.
        public var answerIndex: Int
        /// The label, wrapped; empty for the `next:` of a step.
        public var labelLines: [String]
        /// The centre and size of the label box, when there is a label.
        public var labelCenter: Point?
        /// The label box width.
        public var labelWidth: Double
        /// The label box height.
        public var labelHeight: Double
        /// The route from the source box to the target box.
        public var points: [Point]
        /// Whether the arrow goes back up (a loop).
        public var reversed: Bool
    }

    /// The flow's name.
    public var name: String
    /// The language of the texts.
    public var language: Language
    /// The title in that language.
    public var title: String
    /// The boxes: the start node first, then file order.
    public var boxes: [Box]
    /// The arrows, in file and answer order.
    public var arrows: [Arrow]
    /// The size of the drawing.
    public var width: Double
    /// The size of the drawing.
    public var height: Double
    /// How many pairs of edge segments cross.
    public var crossings: Int
}

/// Lays out a flow for one language: measures and wraps every label, builds a `LayoutGraph`
/// (start node first, labelled edges spanning two ranks) and runs `LayeredLayout`.
public enum FlowLayout {
    /// Sizes used in the diagram; the SVG writer uses the same values.
    public enum Metrics {
        /// Font size of node text, in pixels.
        public static let fontSize = 14.0
        /// Distance between two baselines of node text.
        public static let lineHeight = 18.0
        /// Font size of answer labels.
        public static let labelFontSize = 13.0
        /// Distance between two baselines of label text.
        public static let labelLineHeight = 16.0
        /// The widest a line of node text may be before it wraps.
        public static let maxTextWidth = 190.0
        /// The widest a line of label text may be before it wraps.
        public static let maxLabelWidth = 130.0
        /// Space between text and box border, left/right and top/bottom.
        public static let padding = (x: 14.0, y: 10.0)
        /// Space between label text and its border.
        public static let labelPadding = (x: 8.0, y: 4.0)
    }

    /// The diagram of `flow` in `language` (missing texts fall back to the other language).
    public static func diagram(for flow: Flow, language: Language, options: LayoutOptions = LayoutOptions())
        -> FlowDiagram
    {
        let graph = FlowGraph(flow)
        var ids = graph.nodeIDs
        if let start = ids.firstIndex(of: flow.startID) { ids.insert(ids.remove(at: start), at: 0) }
        let index = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        let regular = TextMeasure(fontSize: Metrics.fontSize)
        let bold = TextMeasure(fontSize: Metrics.fontSize, bold: true)
        let labelMeasure = TextMeasure(fontSize: Metrics.labelFontSize)
        var boxes: [FlowDiagram.Box] = []
        var nodes: [LayoutGraph.Node] = []
        for id in ids {
            let node = flow.node(id)!
            let measure = node.kind == .question ? bold : regular
            let lines = measure.wrap(node.text.resolved(language), maxWidth: Metrics.maxTextWidth)
            let width = (measure.width(ofLines: lines) + 2 * Metrics.padding.x).rounded(.up)
            let height = Double(lines.count) * Metrics.lineHeight + 2 * Metrics.padding.y
            boxes.append(
                FlowDiagram.Box(
                    id: id, kind: node.kind, lines: lines, center: Point(x: 0, y: 0), width: max(width, 60),
                    height: height))
            nodes.append(LayoutGraph.Node(width: max(width, 60), height: height))
        }
        var arrows: [FlowDiagram.Arrow] = []
        var edges: [LayoutGraph.Edge] = []
        for edge in graph.edges {
            let answer = flow.node(edge.from)!.answers[edge.answerIndex]
            var lines: [String] = []
            var size: (width: Double, height: Double)?
            if let label = answer.label?.resolved(language), !label.isEmpty {
                lines = labelMeasure.wrap(label, maxWidth: Metrics.maxLabelWidth)
                size = (
                    (labelMeasure.width(ofLines: lines) + 2 * Metrics.labelPadding.x).rounded(.up),
                    Double(lines.count) * Metrics.labelLineHeight + 2 * Metrics.labelPadding.y
                )
            }
            edges.append(LayoutGraph.Edge(from: index[edge.from]!, to: index[edge.to]!, minLength: 2, labelSize: size))
            arrows.append(
                FlowDiagram.Arrow(
                    from: edge.from, to: edge.to, answerIndex: edge.answerIndex, labelLines: lines, labelCenter: nil,
                    labelWidth: size?.width ?? 0, labelHeight: size?.height ?? 0, points: [], reversed: false))
        }
        let layout = LayeredLayout.layout(LayoutGraph(nodes: nodes, edges: edges), options: options)
        for i in boxes.indices { boxes[i].center = layout.nodes[i].center }
        for i in arrows.indices {
            arrows[i].points = layout.edges[i].points
            arrows[i].labelCenter = layout.edges[i].labelCenter
            arrows[i].reversed = layout.edges[i].reversed
        }
        return FlowDiagram(
            name: flow.name, language: language, title: flow.title.resolved(language), boxes: boxes, arrows: arrows,
            width: layout.width, height: layout.height, crossings: layout.crossings)
    }
}
