import DocGenContent
import DocGenCore
import DocGenMarkdown

/// Writes a `FlowDiagram` as deterministic SVG markup.
///
/// Colours are presentation attributes, so the drawing is right with no stylesheet (and prints on
/// white); `flowchart.css` overrides them for dark mode and for the highlight classes the widget
/// sets: `is-current` and `is-visited` on `.flow-node`, `is-taken` on `.flow-edge` and `.flow-label`.
public enum FlowSVG {
    /// How the SVG is used.
    public struct Options: Sendable {
        /// The prefix of every `id` in the SVG, unique on the page (`flow-onboardingAADFlow-fr`).
        public var idPrefix: String
        /// The URL each node links to (a node page, or a `#` state), or `nil` for plain boxes.
        public var nodeURL: (@Sendable (String) -> String)?
        /// A standalone `.svg` file: adds the XML namespace declaration and an embedded style sheet.
        public var standalone: Bool
        /// The interface words (the `<desc>`), English when `nil`.
        public var strings: FlowStrings?

        /// Creates options.
        public init(
            idPrefix: String, nodeURL: (@Sendable (String) -> String)? = nil, standalone: Bool = false,
            strings: FlowStrings? = nil
        ) {
            self.strings = strings
            self.idPrefix = idPrefix
            self.nodeURL = nodeURL
            self.standalone = standalone
        }
    }

    /// The SVG element for `diagram`.
    public static func render(_ diagram: FlowDiagram, options: Options) -> String {
        let p = options.idPrefix
        let strings = options.strings ?? FlowStrings(diagram.language)
        var out = ""
        if options.standalone { out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" }
        let role = options.nodeURL == nil ? "img" : "group"
        out +=
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"flow-diagram\" viewBox=\"0 0 \(n(diagram.width)) \(n(diagram.height))\""
            + " width=\"\(n(diagram.width))\" height=\"\(n(diagram.height))\" role=\"\(role)\""
            + " aria-labelledby=\"\(p)-title \(p)-desc\" font-family=\"'Liberation Sans', Arial, Helvetica, sans-serif\">\n"
        out += "<title id=\"\(p)-title\">\(e(diagram.title))</title>\n"
        out += "<desc id=\"\(p)-desc\">\(e(strings.diagramDescription(boxes: diagram.boxes.count)))</desc>\n"
        if options.standalone { out += "<style>\(standaloneStyle)</style>\n" }
        out += "<g class=\"flow-edges\">\n"
        for arrow in diagram.arrows { out += edge(arrow) }
        out += "</g>\n<g class=\"flow-labels\">\n"
        for arrow in diagram.arrows where arrow.labelCenter != nil { out += label(arrow) }
        out += "</g>\n<g class=\"flow-nodes\">\n"
        for box in diagram.boxes { out += node(box, url: options.nodeURL?(box.id), strings: strings) }
        out += "</g>\n</svg>\n"
        return out
    }

    private static func edge(_ arrow: FlowDiagram.Arrow) -> String {
        guard let last = arrow.points.last, arrow.points.count >= 2 else { return "" }
        var d = "M\(n(arrow.points[0].x)) \(n(arrow.points[0].y))"
        for (a, b) in zip(arrow.points, arrow.points.dropFirst()) {
            if a.y == b.y || a.x == b.x {
                d += " L\(n(b.x)) \(n(b.y))"
            } else {
                let mid = (a.y + b.y) / 2
                d += " C\(n(a.x)) \(n(mid)) \(n(b.x)) \(n(mid)) \(n(b.x)) \(n(b.y))"
            }
        }
        let before = arrow.points[arrow.points.count - 2]
        let head: String
        if before.y == last.y {
            let s = before.x > last.x ? 1.0 : -1.0
            head =
                "M\(n(last.x)) \(n(last.y)) L\(n(last.x + 8 * s)) \(n(last.y - 4.5)) L\(n(last.x + 8 * s)) \(n(last.y + 4.5))Z"
        } else {
            let s = before.y < last.y ? -1.0 : 1.0
            head =
                "M\(n(last.x)) \(n(last.y)) L\(n(last.x - 4.5)) \(n(last.y + 8 * s)) L\(n(last.x + 4.5)) \(n(last.y + 8 * s))Z"
        }
        return
            "<g class=\"flow-edge\" data-from=\"\(arrow.from)\" data-to=\"\(arrow.to)\" data-answer=\"\(arrow.answerIndex)\">"
            + "<path class=\"flow-edge-line\" d=\"\(d)\" fill=\"none\" stroke=\"#5f6368\" stroke-width=\"1.5\"/>"
            + "<path class=\"flow-edge-head\" d=\"\(head)\" fill=\"#5f6368\"/></g>\n"
    }

    private static func label(_ arrow: FlowDiagram.Arrow) -> String {
        guard let c = arrow.labelCenter else { return "" }
        let m = FlowLayout.Metrics.self
        var out =
            "<g class=\"flow-label\" data-from=\"\(arrow.from)\" data-to=\"\(arrow.to)\" data-answer=\"\(arrow.answerIndex)\">"
        out +=
            "<rect x=\"\(n(c.x - arrow.labelWidth / 2))\" y=\"\(n(c.y - arrow.labelHeight / 2))\" width=\"\(n(arrow.labelWidth))\""
            + " height=\"\(n(arrow.labelHeight))\" rx=\"9\" fill=\"#ffffff\" stroke=\"#9aa0a6\"/>"
        out += text(arrow.labelLines, center: c, fontSize: m.labelFontSize, lineHeight: m.labelLineHeight, bold: false)
        return out + "</g>\n"
    }

    private static func node(_ box: FlowDiagram.Box, url: String?, strings: FlowStrings) -> String {
        let m = FlowLayout.Metrics.self
        let x = box.center.x - box.width / 2
        let y = box.center.y - box.height / 2
        let (fill, stroke, radius, dash, strokeWidth): (String, String, Double, String, String) =
            switch box.kind {
            case .question: ("#e8f0fe", "#1a56b0", 6, "", "2")
            case .step: ("#ffffff", "#5f6368", 2, "", "1.5")
            case .outcome: ("#e6f4ea", "#1e7e34", box.height / 2, "", "2")
            case .note: ("#fef7e0", "#8a6100", 2, " stroke-dasharray=\"5 3\"", "1.5")
            }
        let open =
            url.map {
                "<a class=\"flow-node flow-\(box.kind.rawValue)\" data-node=\"\(box.id)\" href=\"\(HTMLEscaping.escapeURL($0))\">"
            } ?? "<g class=\"flow-node flow-\(box.kind.rawValue)\" data-node=\"\(box.id)\">"
        var out = open
        out += "<title>\(e(strings.kindName(box.kind))): \(e(box.lines.joined(separator: " ")))</title>"
        out +=
            "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(box.width))\" height=\"\(n(box.height))\" rx=\"\(n(min(radius, 22)))\""
            + " fill=\"\(fill)\" stroke=\"\(stroke)\" stroke-width=\"\(strokeWidth)\"\(dash)/>"
        out += text(
            box.lines, center: box.center, fontSize: m.fontSize, lineHeight: m.lineHeight, bold: box.kind == .question)
        return out + (url == nil ? "</g>\n" : "</a>\n")
    }

    private static func text(_ lines: [String], center: Point, fontSize: Double, lineHeight: Double, bold: Bool)
        -> String
    {
        let first = center.y - Double(lines.count - 1) / 2 * lineHeight + fontSize * 0.35
        var out =
            "<text text-anchor=\"middle\" font-size=\"\(n(fontSize))\" fill=\"#202124\"\(bold ? " font-weight=\"bold\"" : "")>"
        for (i, line) in lines.enumerated() {
            out += "<tspan x=\"\(n(center.x))\" y=\"\(n(first + Double(i) * lineHeight))\">\(e(line))</tspan>"
        }
        return out + "</text>"
    }

    private static let standaloneStyle =
        "@media (prefers-color-scheme: dark){.flow-node rect{filter:brightness(.35)}.flow-node text,.flow-label text{fill:#e8eaed}"
        + ".flow-edge-line{stroke:#bdc1c6}.flow-edge-head{fill:#bdc1c6}.flow-label rect{fill:#202124}}"

    /// A number with at most one decimal, without a trailing `.0` (stable across platforms).
    static func n(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }

    private static func e(_ text: String) -> String { HTMLEscaping.escape(text) }
}
