import DocGenContent

/// Decides whether an imported translation can replace a segment's target without changing the
/// article's block structure: a blank line would end the paragraph (an `<h1>` or a table cell would
/// be cut in two), a line break inside a heading, list item or table cell ends it, and a new line
/// starting with `#`, `>`, `-`, `1.`, `|` or a fence would open a block of its own. A `<span>` tag
/// would break the segment pairs.
enum TargetSafety {
    /// Why the target cannot be written into the segment, or `nil` when it can. `inTableRow` says
    /// the segment sits in a table row, where an unescaped `|` would start a new cell.
    static func problem(_ target: String, replacing segment: Segment, inTableRow: Bool = false) -> String? {
        if target.contains("<span") || target.contains("</span>") {
            return "it contains a <span> tag, which would break the segment pairs"
        }
        if let problem = TargetMarkup.problem(target, source: segment.sourceText) { return problem }
        if inTableRow, unescapedPipes(target) > unescapedPipes(segment.targetText) {
            return "it has a '|', which would split the table cell (write '\\|')"
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

    private static func unescapedPipes(_ text: String) -> Int {
        var count = 0
        var previous: Character = " "
        for character in text {
            if character == "|" && previous != "\\" { count += 1 }
            previous = character
        }
        return count
    }

    /// Whether a table row holds the byte at `offset` of the file: its line starts with `|`.
    static func isInTableRow(_ bytes: [UInt8], at offset: Int) -> Bool {
        var start = min(offset, bytes.count)
        while start > 0, bytes[start - 1] != UInt8(ascii: "\n") { start -= 1 }
        while start < bytes.count, bytes[start] == UInt8(ascii: " ") { start += 1 }
        return start < bytes.count && bytes[start] == UInt8(ascii: "|")
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
