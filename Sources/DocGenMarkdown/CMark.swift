import CCmarkGFM
import DocGenCore
import Foundation

/// The one place that talks to libcmark-gfm: parses Markdown with the GFM table, strikethrough,
/// autolink and tagfilter extensions and copies the result into a `MarkdownNode` tree.
/// Every C object is created and freed inside `parse`.
public enum CMark {
    /// Extensions whose special characters only guide inline parsing (no delimiters), or none.
    private static let lockFreeExtensionNames = ["table", "autolink", "tagfilter", "tasklist"]

    /// The extensions every parser attaches, registered once and made safe to use from many
    /// parsers at a time.
    ///
    /// libcmark-gfm keeps one process-wide table of "special" characters (where inline parsing
    /// stops to try an extension's matcher). Every parser adds its extensions' characters (`:`
    /// and `w` for autolinks, `~` for strikethrough) to that table when it starts parsing
    /// inlines and clears them when it ends, so a parser that finishes clears them under another
    /// that is still parsing, which then misses autolinks at random. Here the autolink characters
    /// are set in the table once, before any parsing, and then taken off the extension, so no
    /// parser writes them again: the table is read-only from then on.
    private static let lockFreeExtensions: [OpaquePointer] = {
        cmark_gfm_core_extensions_ensure_registered()
        let found = lockFreeExtensionNames.compactMap { cmark_find_syntax_extension($0) }
        if let parser = cmark_parser_new(CMARK_OPT_DEFAULT) {
            for syntax in found { cmark_parser_attach_syntax_extension(parser, syntax) }
            cmark_manage_extensions_special_characters(parser, 1)
            // Freed without parsing, so nothing clears the table again.
            cmark_parser_free(parser)
        }
        for syntax in found { cmark_syntax_extension_set_special_inline_chars(syntax, nil) }
        return found
    }()

    /// Strikethrough cannot lose its `~`: the inline parser finds the extension that closes a
    /// delimiter through that list. So it is attached only for texts that contain a `~`, which
    /// parse one at a time behind this lock; the `~` entry of the table they set and clear
    /// means nothing to the other parsers, whose texts have no `~`.
    private static let strikethrough: OpaquePointer? = {
        cmark_gfm_core_extensions_ensure_registered()
        return cmark_find_syntax_extension("strikethrough")
    }()
    private static let strikethroughLock = NSLock()

    /// Parses a Markdown text into a tree. Raw HTML is kept (the tagfilter extension disarms
    /// `<script>`, `<style>`, `<iframe>` and the like when rendering). Safe to call from many
    /// threads at once; texts without `~` never wait for each other.
    ///
    /// `regroup`, when given, is called with the children of each node that has raw inline HTML
    /// among them, innermost nodes first, before the node is made: a pass that rewrites sibling
    /// runs (such as the compile stage's segment markers) works there without walking the tree again.
    public static func parse(_ markdown: String, regroup: ((inout [MarkdownNode]) -> Void)? = nil) -> MarkdownNode {
        var copier = Copier(regroup: regroup, outline: nil)
        return parse(markdown, into: &copier)
    }

    /// `parse`, with the document's outline (headings and raw HTML anchors) read while the tree
    /// is copied, so that no caller walks the tree again for it. The headings are those of
    /// `Headings.collect` on the returned tree, the anchors those of `Headings.htmlAnchors`.
    public static func parseWithOutline(
        _ markdown: String, regroup: ((inout [MarkdownNode]) -> Void)? = nil
    ) -> (root: MarkdownNode, outline: Outline) {
        var copier = Copier(regroup: regroup, outline: Outline())
        let root = parse(markdown, into: &copier)
        return (root, copier.outline ?? Outline())
    }

    private static func parse(_ markdown: String, into copier: inout Copier) -> MarkdownNode {
        let extensions = Self.lockFreeExtensions
        let needsStrikethrough = markdown.containsByte(UInt8(ascii: "~"))
        if needsStrikethrough { strikethroughLock.lock() }
        defer { if needsStrikethrough { strikethroughLock.unlock() } }
        // The parse allocates from the thread's arena, released as a whole once the tree is
        // copied: no node or buffer is freed one by one. A parse nested in another on the same
        // thread (none is today) uses the system allocator.
        let arena = ParseArena.current
        let usesArena = !arena.inUse
        arena.inUse = true
        defer {
            if usesArena {
                arena.reset()
                arena.inUse = false
            }
        }
        guard
            let parser = usesArena
                ? cmark_parser_new_with_mem(CMARK_OPT_UNSAFE, arenaMemory) : cmark_parser_new(CMARK_OPT_UNSAFE)
        else { return MarkdownNode(kind: .document) }
        defer { if !usesArena { cmark_parser_free(parser) } }
        for syntax in extensions { cmark_parser_attach_syntax_extension(parser, syntax) }
        if needsStrikethrough, let strikethrough { cmark_parser_attach_syntax_extension(parser, strikethrough) }
        var markdown = markdown
        markdown.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
            }
        }
        guard let root = cmark_parser_finish(parser) else { return MarkdownNode(kind: .document) }
        defer { if !usesArena { cmark_node_free(root) } }
        // Copying into Swift values needs no lock: the tree belongs to this parse.
        return copier.copy(root)
    }

    /// cmark's allocator over `ParseArena.current`: cmark frees every piece it allocates through
    /// the same allocator, so freeing nothing leaves nothing behind once the arena is reset.
    private static let arenaMemory: UnsafeMutablePointer<cmark_mem> = {
        let memory = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
        memory.initialize(
            to: cmark_mem(
                calloc: { count, size in
                    let (total, overflow) = count.multipliedReportingOverflow(by: size)
                    return overflow ? nil : ParseArena.withCurrent { $0.allocate(total, zeroed: true) }
                },
                realloc: { pointer, size in ParseArena.withCurrent { $0.reallocate(pointer, to: size) } },
                free: { _ in }))
        return memory
    }()

    /// How deep a tree may nest (block quotes in lists in emphasis...) before the rest is kept as
    /// text. Every walker of `MarkdownNode` recurses, so the depth of the tree must not depend on
    /// the input: 11,000 nested list markers would overflow the stack. Real documents nest a
    /// dozen levels at most.
    public static let maximumDepth = 100

    /// The literal text under a node (text, code, raw HTML as text), with a space for each line
    /// break and block end, read with cmark's iterator so that no depth reaches the stack.
    fileprivate static func flatText(_ node: OpaquePointer) -> String {
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        var text = ""
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let current = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(current)
            if event == CMARK_EVENT_ENTER {
                switch type {
                case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK,
                    CMARK_NODE_HTML_INLINE:
                    text += string(cmark_node_get_literal(current))
                case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
                default: break
                }
            } else if event == CMARK_EVENT_EXIT, type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING,
                !text.isEmpty, !text.hasSuffix(" ")
            {
                text += " "
            }
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    fileprivate static func kind(of node: OpaquePointer) -> MarkdownNode.Kind {
        let type = cmark_node_get_type(node)
        switch type {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST:
            return .list(
                ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                start: Int(cmark_node_get_list_start(node)), tight: cmark_node_get_list_tight(node) != 0)
        case CMARK_NODE_ITEM:
            if let name = cmark_node_get_type_string(node), strcmp(name, "tasklist") == 0 {
                return .taskListItem(checked: cmark_gfm_extensions_get_tasklist_item_checked(node))
            }
            return .listItem
        case CMARK_NODE_CODE_BLOCK:
            return .codeBlock(info: string(cmark_node_get_fence_info(node)), code: string(cmark_node_get_literal(node)))
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock(string(cmark_node_get_literal(node)))
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_TEXT: return .text(string(cmark_node_get_literal(node)))
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code(string(cmark_node_get_literal(node)))
        case CMARK_NODE_HTML_INLINE: return .htmlInline(string(cmark_node_get_literal(node)))
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK:
            return .link(destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        case CMARK_NODE_IMAGE:
            return .image(source: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        default:
            return extensionKind(of: node)
        }
    }

    private static func extensionKind(of node: OpaquePointer) -> MarkdownNode.Kind {
        // Table rows and cells are common: their names are compared in C, without making a String.
        if let name = cmark_node_get_type_string(node) {
            if strcmp(name, "table_cell") == 0 { return .tableCell }
            if strcmp(name, "table_row") == 0 {
                return .tableRow(isHeader: cmark_gfm_extensions_get_table_row_is_header(node) != 0)
            }
        }
        let name = string(cmark_node_get_type_string(node))
        switch name {
        case "table":
            let count = Int(cmark_gfm_extensions_get_table_columns(node))
            var alignments: [MarkdownNode.TableAlignment] = []
            if let raw = cmark_gfm_extensions_get_table_alignments(node) {
                for index in 0..<count {
                    switch UInt8(raw[index]) {
                    case UInt8(ascii: "l"): alignments.append(.left)
                    case UInt8(ascii: "c"): alignments.append(.center)
                    case UInt8(ascii: "r"): alignments.append(.right)
                    default: alignments.append(.none)
                    }
                }
            }
            return .table(alignments: alignments)
        case "table_header": return .tableRow(isHeader: true)
        case "table_row": return .tableRow(isHeader: cmark_gfm_extensions_get_table_row_is_header(node) != 0)
        case "table_cell": return .tableCell
        case "strikethrough": return .strikethrough
        default: return .other(name)
        }
    }
}

extension CMark {
    /// What `parseWithOutline` reads while it copies the tree.
    public struct Outline: Sendable {
        /// The headings in document order, as `Headings.collect` finds them.
        public var headings: [HeadingInfo] = []
        /// The ids of raw HTML `<a>` anchors, as `Headings.htmlAnchors` finds them.
        public var htmlAnchors: Set<String> = []
    }

    /// Copies a cmark tree into `MarkdownNode`s, regrouping siblings and noting the outline on
    /// the way: one walk over the C tree does what three walks of the Swift tree did.
    fileprivate struct Copier {
        let regroup: ((inout [MarkdownNode]) -> Void)?
        var outline: Outline?

        /// Copies a cmark node and its descendants; a node at `maximumDepth` becomes a `.tooDeep`
        /// node holding its text, read without recursion.
        mutating func copy(_ node: OpaquePointer, depth: Int = 0) -> MarkdownNode {
            let start = TextPosition(
                line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)))
            if depth >= maximumDepth, cmark_node_first_child(node) != nil {
                return MarkdownNode(
                    kind: .tooDeep, children: [MarkdownNode(kind: .text(flatText(node)), start: start)], start: start)
            }
            var count = 0
            var child = cmark_node_first_child(node)
            while let current = child {
                count += 1
                child = cmark_node_next(current)
            }
            var children: [MarkdownNode] = []
            // Most nodes are leaves: reserving nothing still goes through the array's slow path.
            if count > 0 { children.reserveCapacity(count) }
            child = cmark_node_first_child(node)
            var hasInlineHTML = false
            while let current = child {
                hasInlineHTML = hasInlineHTML || cmark_node_get_type(current) == CMARK_NODE_HTML_INLINE
                children.append(copy(current, depth: depth + 1))
                child = cmark_node_next(current)
            }
            if hasInlineHTML, let regroup { regroup(&children) }
            let kind = kind(of: node)
            if outline != nil { note(kind, children) }
            return MarkdownNode(kind: kind, children: children, start: start)
        }

        /// Headings do not nest and are made in document order; segment markers, which regrouping
        /// removes from the tree, hold no `<a` (their ids are escaped), so noting every raw HTML
        /// node as it is made finds what a walk of the finished tree finds.
        private mutating func note(_ kind: MarkdownNode.Kind, _ children: [MarkdownNode]) {
            switch kind {
            case .heading(let level): outline!.headings.append(Headings.info(level: level, inlines: children))
            case .htmlInline(let html), .htmlBlock(let html):
                Headings.collectAnchors(in: html, into: &outline!.htmlAnchors)
            default: break
            }
        }
    }
}
