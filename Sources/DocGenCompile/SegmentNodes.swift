import DocGenContent
import DocGenCore
import DocGenMarkdown

/// Turns the markers the compiler puts around each segment's text into `.segment` nodes.
///
/// Each segment's Markdown is composed between an opening marker, an inline HTML tag unique to
/// the segment (`<span class="seg" data-seg="ID">`), and `</span>`, so cmark parses the text in
/// place and keeps the markers as inline HTML nodes. This pass finds a marker by exact lookup
/// (never by reading inside the tag), pairs it with its `</span>` among the same siblings
/// (counting the author's own `<span>`s in between), and moves the nodes between into one
/// `.segment(id:)` node. A marker whose closing tag is not a sibling (emphasis that straddles a
/// segment boundary) stays inline HTML, so the page still shows the text.
struct SegmentNodes {
    /// Opening marker → segment id.
    let markers: [String: String]

    /// The markers for an article's segments (and its includes'), by exact tag text.
    static func opening(_ id: String) -> String { "<span class=\"seg\" data-seg=\"\(HTMLEscaping.escape(id))\">" }

    /// The closing marker.
    static let closing = "</span>"

    /// Turns the segment markers among one node's children into `.segment` nodes; a `regroup`
    /// for `CMark.parse`, which calls it innermost first, so one parse yields the segmented tree.
    func group(_ children: inout [MarkdownNode]) {
        var input: [MarkdownNode] = []
        swap(&input, &children)
        children = grouped(input)
    }

    /// Groups siblings into segments; works from the innermost outwards with one stack. The
    /// nodes stay in one output array: a frame remembers where its nodes start in it. Nodes are
    /// moved from array to array (popped, appended), never copied.
    private func grouped(_ children: consuming [MarkdownNode]) -> [MarkdownNode] {
        // Each open frame: the segment id (nil for an author's own <span>), the marker node and
        // the index in `output` of the first node collected since it opened.
        var stack: [(id: String?, marker: MarkdownNode, start: Int)] = []
        var input = children
        var output: [MarkdownNode] = []
        output.reserveCapacity(input.count)
        input.reverse()
        while let child = input.popLast() {
            guard case .htmlInline(let html) = child.kind else {
                output.append(child)
                continue
            }
            // A closing tag is never a marker nor an opening `<span`: it is tested first.
            if html == Self.closing, let frame = stack.popLast() {
                if let id = frame.id {
                    var inner: [MarkdownNode] = []
                    inner.reserveCapacity(output.count - frame.start)
                    while output.count > frame.start { inner.append(output.removeLast()) }
                    inner.reverse()
                    output.append(MarkdownNode(kind: .segment(id: id), children: inner, start: frame.marker.start))
                } else {
                    // The author's own span ends: its nodes are already in the enclosing frame.
                    output.append(child)
                }
            } else if html == Self.closing {
                output.append(child)
            } else if let id = markers[html] {
                stack.append((id, child, output.count))
            } else if html.hasPrefix("<span"), !stack.isEmpty {
                output.append(child)
                stack.append((nil, child, output.count))
            } else {
                output.append(child)
            }
        }
        // Markers never closed among these siblings stay as they were written, before their nodes.
        while let frame = stack.popLast() {
            if frame.id != nil { output.insert(frame.marker, at: frame.start) }
        }
        return output
    }
}
