import DocGenCore
import DocGenMarkdown

/// Markup that cannot take effect where it is written, and so shows as text: a DocFX alert or
/// video marker that does not open its block quote (`> </span></span>[!NOTE]`), a `:::`
/// directive with no closing `:::`, a segment span inside code or an attribute. Each is reported
/// where it is written, so that the author learns why the reader sees it.
extension LinkPass {
    /// Checks the text children of `node` (runs of adjacent text nodes read together, since
    /// cmark splits `[!NOTE]` at its brackets).
    mutating func checkMarkup(in node: MarkdownNode) {
        guard Self.mayHoldMisplacedMarkup(node.children) else { return }
        var run = ""
        var runStart: TextPosition?
        var isFirstRun = true
        func finish(_ pass: inout LinkPass) {
            if let start = runStart {
                pass.checkText(run, at: start, leading: isFirstRun && pass.leadingMarkerTakesEffect)
                isFirstRun = false
            }
            run = ""
            runStart = nil
        }
        for child in node.children {
            switch child.kind {
            case .text(let text):
                if runStart == nil { runStart = child.start }
                run += text
            case .code(let code), .codeBlock(_, let code):
                finish(&self)
                isFirstRun = false
                if let span = Self.segmentSpan(in: code) {
                    report(
                        .warning(
                            "docgen.markup.misplaced", at: location(snap(child.start, Array(span.utf8))),
                            "a segment span '\(span)' inside code shows as text: segment pairs cannot sit in code",
                            fix: "put the segment pair around the code, not inside it"))
                }
            default:
                finish(&self)
                isFirstRun = false
            }
        }
        finish(&self)
    }

    /// Whether `checkMarkup` can find anything among these children: a run of adjacent text
    /// nodes whose bytes, read together, hold "[!" or ":::", or code holding "<span ". Most
    /// nodes have neither, answered without joining their texts.
    static func mayHoldMisplacedMarkup(_ children: [MarkdownNode]) -> Bool {
        // The last two bytes of the current run of text nodes.
        var last: UInt8 = 0
        var beforeLast: UInt8 = 0
        // Read through the buffer: an array iterator copies every node it passes.
        return children.withUnsafeBufferPointer { children in
            for index in children.indices {
                switch children[index].kind {
                case .text(var text):
                    let found = text.withUTF8 { bytes in
                        guard let first = bytes.first else { return false }
                        // Without '[' or ':' (found by memchr), only the seam "[" + "!" can match.
                        if ByteSearch.firstIndex(of: UInt8(ascii: "["), in: bytes) == nil,
                            ByteSearch.firstIndex(of: UInt8(ascii: ":"), in: bytes) == nil
                        {
                            if last == UInt8(ascii: "[") && first == UInt8(ascii: "!") { return true }
                            beforeLast = bytes.count > 1 ? bytes[bytes.count - 2] : last
                            last = bytes[bytes.count - 1]
                            return false
                        }
                        for byte in bytes {
                            if last == UInt8(ascii: "[") && byte == UInt8(ascii: "!") { return true }
                            if beforeLast == UInt8(ascii: ":") && last == UInt8(ascii: ":") && byte == UInt8(ascii: ":")
                            {
                                return true
                            }
                            beforeLast = last
                            last = byte
                        }
                        return false
                    }
                    if found { return true }
                case .code(let code), .codeBlock(_, let code):
                    if code.containsBytes("<span ") { return true }
                    (last, beforeLast) = (0, 0)
                default:
                    (last, beforeLast) = (0, 0)
                }
            }
            return false
        }
    }

    private mutating func checkText(_ text: String, at start: TextPosition, leading: Bool) {
        // Both checks need "[!" or ":::"; most text runs have neither, answered from the bytes.
        guard text.containsBytes("[!") || text.containsBytes(":::") else { return }
        var markers = Self.markers(in: text)
        if leading, let first = markers.first, text[..<first.lowerBound].allSatisfy({ $0 == " " }) {
            markers.removeFirst()  // the marker that opens its quote: it takes effect
        }
        for marker in markers {
            let written = String(text[marker])
            report(
                .warning(
                    "docgen.markup.misplaced", at: location(snap(start, Array(written.utf8))),
                    "the marker '\(written)' does not open its block quote, so it shows as text",
                    fix: "start a line of the quote with it: '> \(written)' on its own line, before any segment"))
        }
        if let directive = Self.unclosedDirective(in: text) {
            report(
                .warning(
                    "docgen.markup.misplaced", at: location(snap(start, Array(directive.utf8))),
                    "the directive '\(directive)' has no closing ':::', so it shows as text",
                    fix: "end the directive with ':::' on the same line"))
        }
    }

    /// The DocFX block-quote markers (`[!NOTE]`, `[!VIDEO …]`, `[!div …]`) in a text.
    static func markers(in text: String) -> [Range<String.Index>] {
        var found: [Range<String.Index>] = []
        var searchFrom = text.startIndex
        while let open = text.range(of: "[!", range: searchFrom..<text.endIndex) {
            guard let close = text[open.upperBound...].firstIndex(of: "]") else { break }
            let inside = text[open.upperBound..<close]
            let keyword = inside.split(separator: " ", maxSplits: 1).first.map { $0.uppercased() } ?? ""
            if DocFXAlert(rawValue: keyword) != nil || keyword == "VIDEO" || keyword == "DIV" {
                found.append(open.lowerBound..<text.index(after: close))
            }
            searchFrom = text.index(after: close)
        }
        return found
    }

    /// A `:::name` directive left in a text (the rewrite found no closing `:::` for it).
    static func unclosedDirective(in text: String) -> String? {
        guard let range = text.range(of: ":::") else { return nil }
        let after = text[range.upperBound...].drop { $0 == " " }
        guard let first = after.first, first.isLetter else { return nil }
        return ":::" + after.prefix { $0.isLetter || $0 == "-" }
    }

    /// A segment span tag written inside code, if any.
    static func segmentSpan(in code: String) -> String? {
        guard code.containsBytes("<span ") else { return nil }
        for needle in ["<span data-ttu-id=", "<span class=\"sxs-lookup\">", "<span data-stu-id="] {
            if let range = code.range(of: needle) { return String(code[range]) }
        }
        return nil
    }
}
