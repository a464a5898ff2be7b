import DocGenContent

/// Decides whether an imported translation can replace a segment's target without changing the
/// article's block structure: a blank line would end the paragraph (an `<h1>` or a table cell would
/// be cut in two), a line break inside a heading, list item or table cell ends it, and a new line
/// starting with `#`, `>`, `-`, `1.`, `|` or a fence would open a block of its own. A `<span>` tag
/// would break the segment pairs.
enum TargetSafety {
    /// Why the target cannot be written into the segment, or `nil` when it can.
    static func problem(_ target: String, replacing segment: Segment) -> String? {
        if target.contains("<span") || target.contains("</span>") {
            return "it contains a <span> tag, which would break the segment pairs"
        }
        guard target.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return nil }
        let lines = target.split(omittingEmptySubsequences: false, whereSeparator: { $0.isNewline })
        if lines.dropFirst().contains(where: { $0.allSatisfy { $0 == " " || $0 == "\t" } }) {
            return "it has a blank line, which would end the block and split the segment"
        }
        if !segment.targetText.contains(where: \.isNewline), !segment.sourceText.contains(where: \.isNewline) {
            return "it has a line break, but the segment sits on one line (a heading, list item or table cell)"
        }
        for line in lines.dropFirst() where startsBlock(line) {
            return "its line '\(line.prefix(20))' would start a new Markdown block"
        }
        return nil
    }

    /// Whether a line would open a block: ATX heading, quote, list item, table row, fence, DocFX directive.
    private static func startsBlock(_ line: Substring) -> Bool {
        let text = line.drop { $0 == " " }
        if line.count - text.count >= 4 { return true }  // indented code
        for marker in ["#", ">", "|", "```", "~~~", ":::", "- ", "* ", "+ ", "=", "---"] where text.hasPrefix(marker) {
            return true
        }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        return !digits.isEmpty
            && (text.dropFirst(digits.count).hasPrefix(". ") || text.dropFirst(digits.count).hasPrefix(") "))
    }
}
