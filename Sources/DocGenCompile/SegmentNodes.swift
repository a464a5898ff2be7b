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

    /// Turns the segment markers of the tree into `.segment` nodes, in place (a tree held
    /// nowhere else, so no array of it is copied on write).
    func apply(to root: inout MarkdownNode) {
        guard !markers.isEmpty else { return }
        rewrite(&root)
    }

    private func rewrite(_ node: inout MarkdownNode) {
        guard !node.children.isEmpty else { return }
        for index in node.children.indices { rewrite(&node.children[index]) }
        guard node.children.contains(where: { if case .htmlInline = $0.kind { true } else { false } }) else { return }
        node.children = grouped(node.children)
    }

    /// Groups siblings into segments; works from the innermost outwards with one stack.
    private func grouped(_ children: [MarkdownNode]) -> [MarkdownNode] {
        // Each open frame: the segment id (nil for an author's own <span>), the marker node and
        // the children collected since it opened.
        var stack: [(id: String?, marker: MarkdownNode, children: [MarkdownNode])] = []
        var output: [MarkdownNode] = []
        func append(_ node: MarkdownNode) {
            if stack.isEmpty { output.append(node) } else { stack[stack.count - 1].children.append(node) }
        }
        for child in children {
            guard case .htmlInline(let html) = child.kind else {
                append(child)
                continue
            }
            if let id = markers[html] {
                stack.append((id, child, []))
            } else if html.hasPrefix("<span"), !stack.isEmpty {
                append(child)
                stack.append((nil, child, []))
            } else if html == Self.closing, let frame = stack.popLast() {
                if let id = frame.id {
                    append(MarkdownNode(kind: .segment(id: id), children: frame.children, start: frame.marker.start))
                } else {
                    // The author's own span ends: its nodes go back to the enclosing frame.
                    for node in frame.children { append(node) }
                    append(child)
                }
            } else {
                append(child)
            }
        }
        // Markers never closed among these siblings stay as they were written.
        while let frame = stack.popLast() {
            if frame.id != nil { append(frame.marker) }
            for node in frame.children { append(node) }
        }
        return output
    }
}
