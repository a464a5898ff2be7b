import DocGenCore
import DocGenMarkdown

/// The text a reader sees in a compiled body: text and code, with a newline between blocks and
/// no markup, raw HTML or image sources. Search, summaries and word counts read it.
enum PlainText {
    /// The plain text of a tree.
    static func of(_ root: MarkdownNode) -> String {
        var output = ""
        append(root, to: &output)
        return output
    }

    private static func append(_ node: MarkdownNode, to output: inout String) {
        switch node.kind {
        case .text(let text), .code(let text): output += text
        case .codeBlock(_, let code): output += code
        case .softBreak, .lineBreak: output += " "
        case .htmlBlock, .htmlInline, .embed: break
        default:
            for child in node.children { append(child, to: &output) }
        }
        switch node.kind {
        case .paragraph, .heading, .codeBlock, .tableCell, .listItem, .taskListItem:
            if !output.hasSuffix("\n") { output += "\n" }
        default: break
        }
    }

    /// Runs of letters or digits: the words of a space-separated script.
    static func wordCount(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let isWordCharacter = scalar.isWordCharacter
            if isWordCharacter, !inWord { count += 1 }
            inWord = isWordCharacter
        }
        return count
    }
}
