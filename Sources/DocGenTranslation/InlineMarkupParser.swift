import DocGenCore
import DocGenMarkdown

/// Splits a segment's inline Markdown into text and inline codes using the cmark-gfm tree.
///
/// cmark decides what is markup (so `2*3*4` stays text and `**bold**` becomes a code); the
/// node start positions give the byte ranges of the markup. The text is parsed inside
/// `<span>…</span>`, as it sits in the article, so that a leading `1.` or `-` is not read as
/// a list. When the tree cannot be mapped back onto the bytes exactly, the whole text is
/// returned as one text part: a safe answer that still round-trips.
public enum InlineMarkupParser {
    private static let wrapperOpen = "<span>"
    private static let wrapperClose = "</span>"

    /// Parses one segment half.
    public static func parse(_ markdown: String) -> InlineMarkup {
        let whole = InlineMarkup(parts: markdown.isEmpty ? [] : [.text(markdown)])
        // Only these bytes can start markup; checked on bytes, as most sentences have none. (An
        // image's `!` comes with its `[`, so `!` alone, common in French text, is not one.)
        guard
            markdown.utf8.contains(where: {
                $0 == 0x2A || $0 == 0x5F || $0 == 0x7E || $0 == 0x60 || $0 == 0x5B || $0 == 0x3C
            })
        else { return whole }
        if let parts = BoldAndLinkText.parts(markdown) { return InlineMarkup(parts: parts) }
        return parseWithCMark(markdown)
    }

    /// `parse` by cmark's tree alone: the reference the byte-level fast path is tested against.
    static func parseWithCMark(_ markdown: String) -> InlineMarkup {
        let whole = InlineMarkup(parts: markdown.isEmpty ? [] : [.text(markdown)])
        let wrapped = wrapperOpen + markdown + wrapperClose
        let bytes = Array(wrapped.utf8)
        let tree = CMark.parse(wrapped)
        guard tree.children.count == 1, tree.children[0].kind == .paragraph else { return whole }
        let inlines = tree.children[0].children
        guard inlines.count >= 2, inlines.first?.kind == .htmlInline(wrapperOpen),
            inlines.last?.kind == .htmlInline(wrapperClose)
        else { return whole }
        var walker = Walker(bytes: bytes, lines: LineTable(bytes))
        let contentStart = wrapperOpen.utf8.count
        let contentEnd = bytes.count - wrapperClose.utf8.count
        guard walker.walk(inlines[1..<(inlines.count - 1)], from: contentStart, end: contentEnd),
            let parts = walker.parts(from: contentStart, to: contentEnd)
        else { return whole }
        return InlineMarkup(parts: parts)
    }

    /// A code found in the text: its bytes and what it is.
    struct Mark {
        enum Role { case open, close, standalone }
        var range: Range<Int>
        var kind: InlineMarkup.CodeKind
        var role: Role
    }

    /// Walks sibling inline nodes and records the byte range of every code.
    struct Walker {
        let bytes: [UInt8]
        let lines: LineTable
        var marks: [Mark] = []

        init(bytes: [UInt8], lines: LineTable, marks: [Mark] = []) {
            self.bytes = bytes
            self.lines = lines
            self.marks = marks
        }

        /// The byte offset where a node's Markdown starts. cmark places a code span at its content,
        /// so the offset is moved back over the opening backticks.
        func offset(_ node: MarkdownNode) -> Int? {
            guard node.start.line > 0, node.start.column > 0 else { return nil }
            var start = lines.offset(of: node.start)
            if case .code = node.kind {
                while start > 0, bytes[start - 1] == UInt8(ascii: "`") { start -= 1 }
            }
            return start
        }

        /// Where the node before `nodes[index]` ends: the next known start, moved back over the
        /// line ending (and trailing spaces or `\\`) when a line break comes first.
        func end(before index: Int, in nodes: ArraySlice<MarkdownNode>, end: Int) -> Int {
            var nodeEnd = end
            for later in nodes[index...] {
                if let laterStart = offset(later) {
                    nodeEnd = laterStart
                    break
                }
            }
            guard index < nodes.endIndex else { return nodeEnd }
            switch nodes[index].kind {
            case .softBreak, .lineBreak:
                func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
                while nodeEnd > 0, isBlank(bytes[nodeEnd - 1]) { nodeEnd -= 1 }
                if nodeEnd > 0, bytes[nodeEnd - 1] == UInt8(ascii: "\n") { nodeEnd -= 1 }
                if nodeEnd > 0, bytes[nodeEnd - 1] == UInt8(ascii: "\r") { nodeEnd -= 1 }
                while nodeEnd > 0, isBlank(bytes[nodeEnd - 1]) { nodeEnd -= 1 }
                if case .lineBreak = nodes[index].kind, nodeEnd > 0, bytes[nodeEnd - 1] == UInt8(ascii: "\\") {
                    nodeEnd -= 1
                }
                return nodeEnd
            default:
                return nodeEnd
            }
        }

        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

        /// Whether the text of `range` starts with the ASCII `prefix`, as `String.hasPrefix` answers
        /// (by characters: a combining mark after the prefix makes it another character).
        func text(_ range: Range<Int>, hasPrefix prefix: StaticString) -> Bool {
            let length = prefix.utf8CodeUnitCount
            guard range.count >= length else { return false }
            for offset in 0..<length where bytes[range.lowerBound + offset] != prefix.utf8Start[offset] {
                return false
            }
            let after = range.lowerBound + length
            return after == range.upperBound || bytes[after] < 0x80 || text(range).hasPrefix("\(prefix)")
        }

        /// Whether the text of `range` ends with the ASCII `suffix`, as `String.hasSuffix` answers.
        func text(_ range: Range<Int>, hasSuffix suffix: StaticString) -> Bool {
            let length = suffix.utf8CodeUnitCount
            guard range.count >= length else { return false }
            let start = range.upperBound - length
            for offset in 0..<length where bytes[start + offset] != suffix.utf8Start[offset] { return false }
            return start == range.lowerBound || bytes[start - 1] < 0x80 || text(range).hasSuffix("\(suffix)")
        }

        /// Records the codes among `nodes`, which lie between bytes `from` and `end`. cmark gives
        /// nested emphasis (`***a***`) one start, so starts are clamped to `from`.
        mutating func walk(_ nodes: ArraySlice<MarkdownNode>, from: Int, end: Int) -> Bool {
            for index in nodes.indices {
                let node = nodes[index]
                if isText(node) { continue }
                let start = offset(node).map { max($0, from) }
                // A bare URL or e-mail address the GFM autolinker found stays text. (Its start may
                // even lie past the text, after a line that ends in a backslash.)
                if case .link = node.kind,
                    start.map({
                        $0 >= bytes.count || (bytes[$0] != UInt8(ascii: "[") && bytes[$0] != UInt8(ascii: "<"))
                    }) ?? true
                {
                    continue
                }
                guard let start else { return false }
                let nodeEnd = self.end(before: index + 1, in: nodes, end: end)
                guard start < nodeEnd, nodeEnd <= end, record(node, start..<nodeEnd) else { return false }
            }
            return true
        }

        private func isText(_ node: MarkdownNode) -> Bool {
            switch node.kind {
            case .text, .softBreak, .lineBreak: true
            default: false
            }
        }

        private mutating func record(_ node: MarkdownNode, _ range: Range<Int>) -> Bool {
            switch node.kind {
            case .code:
                return standalone(.code, range, valid: text(range, hasPrefix: "`") && text(range, hasSuffix: "`"))
            case .htmlInline:
                return standalone(.html, range, valid: text(range, hasPrefix: "<") && text(range, hasSuffix: ">"))
            case .image:
                // The alt text is for readers: translators see and edit it between the codes.
                guard text(range, hasPrefix: "![") else { return false }
                return link(node, range, kind: .image, openerLength: 2)
            case .emphasis, .strong, .strikethrough:
                return delimited(node, range)
            case .link:
                if text(range, hasPrefix: "[") { return link(node, range) }
                // An autolink `<https://…>`: protect it whole.
                return standalone(
                    .link, range, valid: text(range, hasSuffix: ">") && !text(range).contains(where: \.isWhitespace))
            default:
                return false
            }
        }

        private mutating func standalone(_ kind: InlineMarkup.CodeKind, _ range: Range<Int>, valid: Bool) -> Bool {
            guard valid else { return false }
            marks.append(Mark(range: range, kind: kind, role: .standalone))
            return true
        }

        private mutating func delimited(_ node: MarkdownNode, _ range: Range<Int>) -> Bool {
            let length: Int
            switch node.kind {
            case .strong: length = 2
            case .emphasis: length = 1
            default: length = bytes[range].prefix(2).prefix(while: { $0 == UInt8(ascii: "~") }).count
            }
            let contentStart = range.lowerBound + length
            guard length > 0, contentStart <= range.upperBound else { return false }
            let closerStart = range.upperBound - length
            // The opener is made of `*`, `_` or `~` (ASCII, so equal texts are equal bytes), and
            // the closer repeats it.
            guard closerStart >= contentStart,
                bytes[range.lowerBound..<contentStart].allSatisfy({
                    $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "~")
                }),
                bytes[closerStart..<range.upperBound].elementsEqual(bytes[range.lowerBound..<contentStart])
            else { return false }
            let kind: InlineMarkup.CodeKind =
                switch node.kind {
                case .strong: .bold
                case .strikethrough: .strikethrough
                default: .italic
                }
            return pair(kind, node, open: range.lowerBound..<contentStart, close: closerStart..<range.upperBound)
        }

        private mutating func link(
            _ node: MarkdownNode, _ range: Range<Int>, kind: InlineMarkup.CodeKind = .link, openerLength: Int = 1
        ) -> Bool {
            let searchFrom = node.children.last.flatMap { offset($0) } ?? (range.lowerBound + openerLength)
            var closerStart: Int?
            var index = max(searchFrom, range.lowerBound + openerLength)
            // Brackets of a nested image or link (`[![alt](a.png)](a.png#lightbox)`) are balanced.
            var depth = 0
            while index < range.upperBound {
                if bytes[index] == UInt8(ascii: "\\") {
                    index += 2
                    continue
                }
                if bytes[index] == UInt8(ascii: "[") { depth += 1 }
                if bytes[index] == UInt8(ascii: "]"), depth > 0 {
                    depth -= 1
                } else if bytes[index] == UInt8(ascii: "]") {
                    let tail = index..<range.upperBound
                    if tail.count == 1 || (text(tail, hasPrefix: "](") && text(tail, hasSuffix: ")"))
                        || (text(tail, hasPrefix: "][") && text(tail, hasSuffix: "]"))
                    {
                        closerStart = index
                        break
                    }
                }
                index += 1
            }
            guard let closerStart else { return false }
            return pair(
                kind, node, open: range.lowerBound..<(range.lowerBound + openerLength),
                close: closerStart..<range.upperBound)
        }

        private mutating func pair(
            _ kind: InlineMarkup.CodeKind, _ node: MarkdownNode, open: Range<Int>, close: Range<Int>
        ) -> Bool {
            marks.append(Mark(range: open, kind: kind, role: .open))
            guard walk(node.children[...], from: open.upperBound, end: close.lowerBound) else { return false }
            marks.append(Mark(range: close, kind: kind, role: .close))
            return true
        }

        /// `](url "Title")` → `](url "`, `Title`, `")`; `nil` without a title.
        static func splitTitle(_ data: String) -> (String, String, String)? {
            guard data.hasPrefix("]("), data.hasSuffix(")"), data.count > 4 else { return nil }
            let body = data.dropLast()
            guard let quote = body.last, quote == "\"" || quote == "'" else { return nil }
            guard let open = body.dropLast().range(of: " \(quote)")?.upperBound else { return nil }
            let title = body[open..<body.index(before: body.endIndex)]
            guard !title.isEmpty, !title.contains(quote) else { return nil }
            return (String(data[..<open]), String(title), "\(quote))")
        }

        /// Whether a byte offset falls inside the UTF-8 of a character (on a continuation byte).
        private func cutsCharacter(_ offset: Int) -> Bool { offset < bytes.count && bytes[offset] & 0xC0 == 0x80 }

        /// The parts between two offsets: the recorded codes, with text filling the gaps; `nil`
        /// when the codes are out of order or unbalanced, or when one starts or ends inside a
        /// character (its parts would not spell the text back).
        func parts(from start: Int, to end: Int) -> [InlineMarkup.Part]? {
            var parts: [InlineMarkup.Part] = []
            var cursor = start
            var nextID = 1
            var openIDs: [Int] = []
            for mark in marks {
                guard mark.range.lowerBound >= cursor, mark.range.upperBound <= end,
                    !cutsCharacter(mark.range.lowerBound), !cutsCharacter(mark.range.upperBound)
                else { return nil }
                if mark.range.lowerBound > cursor { parts.append(.text(text(cursor..<mark.range.lowerBound))) }
                let id: Int
                if mark.role == .close {
                    guard let last = openIDs.popLast() else { return nil }
                    id = last
                } else {
                    id = nextID
                    nextID += 1
                    if mark.role == .open { openIDs.append(id) }
                }
                let data = text(mark.range)
                switch mark.role {
                case .open:
                    parts.append(.open(id: id, kind: mark.kind, data: data))
                case .standalone:
                    parts.append(.standalone(id: id, kind: mark.kind, data: data))
                case .close:
                    // A title ends in `")` or `')`: most links have none, and skip the character work.
                    if mark.kind == .link, mark.range.count > 2,
                        bytes[mark.range.upperBound - 2] == UInt8(ascii: "\"")
                            || bytes[mark.range.upperBound - 2] == UInt8(ascii: "'"),
                        let (destination, title, quote) = Self.splitTitle(data)
                    {
                        // A link title is read aloud and shown on hover: translators edit it as text.
                        parts += [
                            .close(id: id, kind: .link, data: destination), .text(title),
                            .standalone(id: nextID, kind: .link, data: quote),
                        ]
                        nextID += 1
                    } else {
                        parts.append(.close(id: id, kind: mark.kind, data: data))
                    }
                }
                cursor = mark.range.upperBound
            }
            guard openIDs.isEmpty else { return nil }
            if end > cursor { parts.append(.text(text(cursor..<end))) }
            return parts
        }
    }
}
