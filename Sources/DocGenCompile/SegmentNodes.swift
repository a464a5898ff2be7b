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

    /// An open span among the siblings: the segment id (nil for an author's own `<span>`), its
    /// marker node (for a segment) and the index of the first node collected since it opened.
    private struct Frame {
        var id: String?
        var marker: MarkdownNode?
        var start: Int
    }

    /// Turns the segment markers among one node's children into `.segment` nodes; a `regroup`
    /// for `CMark.parse`, which calls it innermost first, so one parse yields the segmented tree.
    ///
    /// Works from the innermost outwards with one stack, in place: nodes are moved down the
    /// array as segments absorb their runs (the write index never passes the read index), and
    /// a segment's nodes are moved, never copied, into the segment's own array.
    func group(_ children: inout [MarkdownNode]) {
        var stack: [Frame] = []
        let count = children.count
        var written = 0
        children.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for read in 0..<count {
                // Slots from `written` to `read` are moved out (uninitialized).
                let child = (base + read).move()
                guard case .htmlInline(let html) = child.kind else {
                    (base + written).initialize(to: consume child)
                    written += 1
                    continue
                }
                // A closing tag is never a marker nor an opening `<span`: it is tested first (its
                // length first, since most tags here are the longer markers).
                let isClosing = html.utf8.count == Self.closing.utf8.count && html == Self.closing
                if isClosing, let frame = stack.popLast() {
                    if let id = frame.id {
                        let length = written - frame.start
                        let inner =
                            length == 0
                            ? []
                            : [MarkdownNode](unsafeUninitializedCapacity: length) { slots, made in
                                slots.baseAddress!.moveInitialize(from: base + frame.start, count: length)
                                made = length
                            }
                        (base + frame.start).initialize(
                            to: MarkdownNode(kind: .segment(id: id), children: inner, start: frame.marker!.start))
                        written = frame.start + 1
                        continue
                    }
                    // The author's own span ends: its nodes are already in the enclosing frame.
                } else if !isClosing, let id = markers[html] {
                    stack.append(Frame(id: id, marker: consume child, start: written))
                    continue
                } else if !isClosing, html.hasPrefix("<span"), !stack.isEmpty {
                    (base + written).initialize(to: consume child)
                    written += 1
                    stack.append(Frame(id: nil, marker: nil, start: written))
                    continue
                }
                (base + written).initialize(to: consume child)
                written += 1
            }
            // The moved-out tail gets empty nodes, removed below.
            (base + written).initialize(repeating: MarkdownNode(kind: .softBreak), count: count - written)
        }
        children.removeLast(count - written)
        // Markers never closed among these siblings stay as they were written, before their nodes.
        while let frame = stack.popLast() {
            if let marker = frame.marker { children.insert(marker, at: frame.start) }
        }
    }
}
