import DocGenCore

/// What the HTML renderer asks of its caller: where links and images point, and the labels of
/// alerts. The caller (the page stage) resolves paths and records broken links as diagnostics.
public struct HTMLRenderContext {
    /// Turns a link destination into an `href`. The position is where the link starts in the parsed text.
    public var resolveLink: (_ destination: String, _ at: TextPosition) -> String
    /// Turns an image source into a `src`.
    public var resolveImage: (_ source: String, _ at: TextPosition) -> String
    /// Renders an `.embed` node: its name, fallback image source and alt text.
    public var renderEmbed: (_ name: String, _ fallbackSource: String?, _ alt: String) -> String
    /// The ids of the document's headings, in order (see `Headings.ids`).
    public var headingIDs: [String]
    /// The visible title of each alert kind, in the page's language.
    public var alertTitles: [DocFXAlert: String]
    /// Segments to mark: id → a class added to the segment's `<span>` (for example `seg-stale`).
    public var segmentMarks: [String: String]
    /// HTML to write after the paragraph, heading or table cell holding marked segments (after
    /// `</p>` or `</hN>`, inside the cell or tight list item), given their ids in order: where a
    /// block-level note may stand, since a segment is inline text.
    public var noteAfterBlock: (_ markedSegments: [String]) -> String

    /// Creates a context; by default links and images are kept as written.
    public init(
        resolveLink: @escaping (String, TextPosition) -> String = { destination, _ in destination },
        resolveImage: @escaping (String, TextPosition) -> String = { source, _ in source },
        renderEmbed: @escaping (String, String?, String) -> String = { _, _, _ in "" },
        headingIDs: [String] = [],
        alertTitles: [DocFXAlert: String] = [:],
        segmentMarks: [String: String] = [:],
        noteAfterBlock: @escaping ([String]) -> String = { _ in "" }
    ) {
        self.segmentMarks = segmentMarks
        self.noteAfterBlock = noteAfterBlock
        self.resolveLink = resolveLink
        self.resolveImage = resolveImage
        self.renderEmbed = renderEmbed
        self.headingIDs = headingIDs
        self.alertTitles = alertTitles
    }
}

/// Renders a `MarkdownNode` tree to HTML, with DocFX alerts and heading anchors.
/// A walker over the tree: one method per construct, no state but the output and heading count.
public struct HTMLRenderer {
    private let context: HTMLRenderContext
    private var output = ""
    private var headingIndex = 0
    private var segmentHTML: [(id: String, html: String)] = []
    /// Marked segments rendered since the last block end, waiting for their note.
    private var pendingMarks: [String] = []

    /// Renders a whole document.
    public static func render(_ document: MarkdownNode, context: HTMLRenderContext) -> String {
        renderWithSegments(document, context: context).html
    }

    /// Renders a whole document and also returns, for each `.segment` node (rendered as
    /// `<span data-seg="ID">`), the HTML rendered inside it, in document order.
    public static func renderWithSegments(_ document: MarkdownNode, context: HTMLRenderContext)
        -> (html: String, segments: [(id: String, html: String)])
    {
        var renderer = HTMLRenderer(context: context)
        renderer.output.reserveCapacity(4096)
        renderer.renderChildren(of: document, tight: false)
        renderer.writeNotes()
        return (renderer.output, renderer.segmentHTML)
    }

    private init(context: HTMLRenderContext) { self.context = context }

    private mutating func renderChildren(of node: MarkdownNode, tight: Bool) {
        for child in node.children { render(child, tight: tight) }
    }

    private mutating func render(_ node: MarkdownNode, tight: Bool = false) {
        switch node.kind {
        case .document: renderChildren(of: node, tight: false)
        case .blockQuote: renderBlockQuote(node)
        case .list(let ordered, let start, let isTight):
            let tag = ordered ? "ol" : "ul"
            output += ordered && start != 1 ? "<ol start=\"\(start)\">\n" : "<\(tag)>\n"
            for item in node.children { render(item, tight: isTight) }
            output += "</\(tag)>\n"
        case .listItem:
            output += "<li>"
            renderChildren(of: node, tight: tight)
            output += "</li>\n"
        case .taskListItem(let checked):
            output += "<li class=\"task-list-item\"><input type=\"checkbox\" disabled\(checked ? " checked" : "")> "
            renderChildren(of: node, tight: tight)
            output += "</li>\n"
        case .codeBlock(let info, let code):
            let language =
                info.split(separator: " ").first.map { " class=\"language-\(HTMLEscaping.escape(String($0)))\"" } ?? ""
            output += "<pre><code"
            output += language
            output += ">"
            HTMLEscaping.appendEscaped(code, to: &output)
            output += "</code></pre>\n"
        case .htmlBlock(let html): output += HTMLEscaping.filterTags(html)
        case .paragraph:
            if let block = blockEmbed(node) {
                output += block + "\n"
            } else if tight {
                renderChildren(of: node, tight: false)
                output += "\n"
                writeNotes()
            } else {
                output += "<p>"
                renderChildren(of: node, tight: false)
                output += "</p>\n"
                writeNotes()
            }
        case .heading(let level): renderHeading(node, level: level)
        case .thematicBreak: output += "<hr>\n"
        case .table(let alignments): renderTable(node, alignments: alignments)
        case .tableRow, .tableCell: renderChildren(of: node, tight: false)
        case .text(let text): HTMLEscaping.appendEscaped(text, to: &output)
        case .softBreak: output += "\n"
        case .lineBreak: output += "<br>\n"
        case .code(let code):
            output += "<code>"
            HTMLEscaping.appendEscaped(code, to: &output)
            output += "</code>"
        case .htmlInline(let html): output += HTMLEscaping.filterTags(html)
        case .segment(let id):
            if let mark = context.segmentMarks[id] {
                output += "<span class=\""
                HTMLEscaping.appendEscaped(mark, to: &output)
                output += "\" data-seg=\""
                pendingMarks.append(id)
            } else {
                output += "<span data-seg=\""
            }
            HTMLEscaping.appendEscaped(id, to: &output)
            output += "\">"
            let start = output.utf8.count
            renderChildren(of: node, tight: tight)
            // A slice of the output, which is valid text: copied without decoding its bytes again.
            segmentHTML.append((id, String(output[output.utf8.index(output.utf8.startIndex, offsetBy: start)...])))
            output += "</span>"
        case .embed(let name, let fallback):
            output += context.renderEmbed(name, fallback, node.plainText)
        case .emphasis: wrap("em", node)
        case .strong: wrap("strong", node)
        case .strikethrough: wrap("del", node)
        case .link(let destination, let title):
            let href = context.resolveLink(destination, node.start)
            output += "<a href=\"\(HTMLEscaping.escapeURL(href))\"\(titleAttribute(title))>"
            renderChildren(of: node, tight: false)
            output += "</a>"
        case .image(let source, let title):
            let src = context.resolveImage(source, node.start)
            let alt = HTMLEscaping.escape(node.plainText)
            output +=
                "<img src=\"\(HTMLEscaping.escapeURL(src))\" alt=\"\(alt)\"\(titleAttribute(title)) loading=\"lazy\">"
        case .other, .tooDeep: renderChildren(of: node, tight: tight)
        }
    }

    /// The embed of a paragraph that holds nothing else (rendered without the `<p>`, since an
    /// embed such as a flowchart figure is a block).
    private func blockEmbed(_ paragraph: MarkdownNode) -> String? {
        var embed: MarkdownNode?
        for child in paragraph.children {
            switch child.kind {
            case .embed where embed == nil: embed = child
            case .softBreak, .lineBreak: continue
            case .text(let text) where text.allSatisfy(\.isWhitespace): continue
            default: return nil
            }
        }
        guard let embed, case .embed(let name, let fallback) = embed.kind else { return nil }
        return context.renderEmbed(name, fallback, embed.plainText)
    }

    /// Writes the note of the marked segments met since the last block end, if any.
    private mutating func writeNotes() {
        guard !pendingMarks.isEmpty else { return }
        output += context.noteAfterBlock(pendingMarks)
        pendingMarks = []
    }

    private mutating func wrap(_ tag: String, _ node: MarkdownNode) {
        output += "<\(tag)>"
        renderChildren(of: node, tight: false)
        output += "</\(tag)>"
    }

    private func titleAttribute(_ title: String) -> String {
        title.isEmpty ? "" : " title=\"\(HTMLEscaping.escape(title))\""
    }

    private mutating func renderBlockQuote(_ node: MarkdownNode) {
        if let (block, length) = DocFXAlert.detectBlock(in: node) {
            switch block {
            case .div(let classes):
                output += "<div class=\"\(HTMLEscaping.escape(classes))\">\n"
                for child in DocFXAlert.strippingMarker(from: node, length: length) { render(child) }
                output += "</div>\n"
            case .video(let url):
                // The compile stage reports a URL the policy refuses; no player is written for it.
                guard URLPolicy.allows(url) else { break }
                output += "<div class=\"video\"><iframe src=\"\(HTMLEscaping.escapeURL(url))\" title=\"Video\" "
                output += "loading=\"lazy\" allowfullscreen></iframe></div>\n"
            }
            return
        }
        guard let (alert, length) = DocFXAlert.detect(in: node) else {
            output += "<blockquote>\n"
            renderChildren(of: node, tight: false)
            output += "</blockquote>\n"
            return
        }
        let kind = alert.rawValue.lowercased()
        let title = context.alertTitles[alert] ?? alert.rawValue.capitalized
        output += "<div class=\"alert alert-\(kind)\" role=\"note\">\n"
        output += "<p class=\"alert-title\">\(HTMLEscaping.escape(title))</p>\n"
        for child in DocFXAlert.strippingMarker(from: node, length: length) { render(child) }
        output += "</div>\n"
    }

    private mutating func renderHeading(_ node: MarkdownNode, level: Int) {
        let (anchor, inlines) = Headings.splitAnchor(node.children)
        let id = context.headingIDs[safe: headingIndex] ?? anchor ?? Headings.slug(node.plainText)
        headingIndex += 1
        let escapedID = HTMLEscaping.escape(id)
        output += "<h\(level) id=\"\(escapedID)\">"
        for inline in inlines { render(inline) }
        // No "#" permalink here: the theme's script adds one to each heading (without it, the
        // page's outline links to the same ids), which saves its bytes on every heading.
        output += "</h\(level)>\n"
        writeNotes()
    }

    private mutating func renderTable(_ node: MarkdownNode, alignments: [MarkdownNode.TableAlignment]) {
        output += "<div class=\"table-wrapper\"><table>\n"
        var bodyOpen = false
        for row in node.children {
            guard case .tableRow(let isHeader) = row.kind else { continue }
            if isHeader {
                output += "<thead>\n"
            } else if !bodyOpen {
                output += "<tbody>\n"
                bodyOpen = true
            }
            output += "<tr>"
            for (column, cell) in row.children.enumerated() {
                let tag = isHeader ? "th" : "td"
                let alignment: String
                switch alignments[safe: column] ?? MarkdownNode.TableAlignment.none {
                case .left: alignment = " style=\"text-align:left\""
                case .center: alignment = " style=\"text-align:center\""
                case .right: alignment = " style=\"text-align:right\""
                case .none: alignment = ""
                }
                output += "<\(tag)\(alignment)>"
                renderChildren(of: cell, tight: false)
                writeNotes()
                output += "</\(tag)>"
            }
            output += "</tr>\n"
            if isHeader { output += "</thead>\n" }
        }
        if bodyOpen { output += "</tbody>\n" }
        output += "</table></div>\n"
    }
}
