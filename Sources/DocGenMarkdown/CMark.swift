import CCmarkGFM
import DocGenCore
import Foundation

/// The one place that talks to libcmark-gfm: parses Markdown with the GFM table, strikethrough,
/// autolink and tagfilter extensions and copies the result into a `MarkdownNode` tree.
/// Every C object is created and freed inside `parse`.
public enum CMark {
    private static let registerExtensions: Void = {
        cmark_gfm_core_extensions_ensure_registered()
    }()

    private static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// Parses a Markdown text into a tree. Raw HTML is kept (the tagfilter extension disarms
    /// `<script>`, `<style>`, `<iframe>` and the like when rendering).
    public static func parse(_ markdown: String) -> MarkdownNode {
        _ = registerExtensions
        guard let root = parseLocked(markdown) else { return MarkdownNode(kind: .document) }
        defer { cmark_node_free(root) }
        return copy(root)
    }

    /// Serializes parsers: libcmark-gfm keeps the extensions' special characters in one
    /// process-wide table that a parser edits when its extensions are attached and when it is
    /// freed, so two parsers alive at once on different threads miss autolinks at random.
    /// Copying the finished tree into Swift values happens outside the lock, in parallel.
    private static let parserLock = NSLock()

    /// Parses under the lock and returns the document, which the caller frees.
    private static func parseLocked(_ markdown: String) -> OpaquePointer? {
        parserLock.lock()
        defer { parserLock.unlock() }
        let options = CMARK_OPT_UNSAFE
        guard let parser = cmark_parser_new(options) else { return nil }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let syntax = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntax)
            }
        }
        var bytes = Array(markdown.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                cmark_parser_feed(parser, pointer, buffer.count)
            }
        }
        return cmark_parser_finish(parser)
    }

    private static func copy(_ node: OpaquePointer) -> MarkdownNode {
        var children: [MarkdownNode] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            children.append(copy(current))
            child = cmark_node_next(current)
        }
        let start = TextPosition(
            line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)))
        return MarkdownNode(kind: kind(of: node), children: children, start: start)
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    private static func kind(of node: OpaquePointer) -> MarkdownNode.Kind {
        let type = cmark_node_get_type(node)
        switch type {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST:
            return .list(
                ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                start: Int(cmark_node_get_list_start(node)), tight: cmark_node_get_list_tight(node) != 0)
        case CMARK_NODE_ITEM:
            if let name = cmark_node_get_type_string(node), String(cString: name) == "tasklist" {
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
