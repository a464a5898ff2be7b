import DocGenCore

/// A node of a parsed Markdown document, copied out of cmark-gfm into plain Swift values so that
/// no C pointer leaves `CMark.swift`. Walkers (HTML rendering, heading ids, link checks) read this tree.
public struct MarkdownNode: Sendable, Hashable {
    /// What kind of node this is, with the data that kind carries.
    public enum Kind: Sendable, Hashable {
        case document
        case blockQuote
        case list(ordered: Bool, start: Int, tight: Bool)
        case listItem
        case codeBlock(info: String, code: String)
        case htmlBlock(String)
        case paragraph
        case heading(level: Int)
        case thematicBreak
        case table(alignments: [TableAlignment])
        case tableRow(isHeader: Bool)
        case tableCell
        case text(String)
        case softBreak
        case lineBreak
        case code(String)
        case htmlInline(String)
        case emphasis
        case strong
        case strikethrough
        case link(destination: String, title: String)
        case image(source: String, title: String)
        case taskListItem(checked: Bool)
        /// A translated segment: its children are one side's text of the pair with this id.
        /// Made by the compile stage from the markers it puts around each segment.
        case segment(id: String)
        /// Something the caller renders in place of an image, such as an interactive flowchart
        /// (`name`), with the image's resolved source when the file exists.
        case embed(name: String, fallbackSource: String?)
        /// Content nested deeper than `CMark.maximumDepth`: its one child is its text, rendered as
        /// plain text, and the compile stage reports `docgen.markdown.too-deep` at its start.
        case tooDeep
        /// A node docgen does not know (a future cmark extension); its children are kept.
        case other(String)
    }

    /// The column alignment of a GFM table.
    public enum TableAlignment: Sendable, Hashable {
        case none, left, center, right
    }

    /// The node's kind and data.
    public var kind: Kind
    /// The child nodes, in order.
    public var children: [MarkdownNode]
    /// Where the node starts in the parsed text (1-based line, UTF-8 byte column).
    public var start: TextPosition

    /// Creates a node.
    public init(kind: Kind, children: [MarkdownNode] = [], start: TextPosition = TextPosition(line: 1, column: 1)) {
        self.kind = kind
        self.children = children
        self.start = start
    }

    /// The concatenated text of the node's text and code descendants, for ids and titles.
    public var plainText: String {
        switch kind {
        case .text(let text), .code(let text): return text
        case .softBreak, .lineBreak: return " "
        default: return children.map(\.plainText).joined()
        }
    }
}
