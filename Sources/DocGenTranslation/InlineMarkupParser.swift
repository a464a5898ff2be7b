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
        guard walker.walk(Array(inlines.dropFirst().dropLast()), from: contentStart, end: contentEnd),
            let parts = walker.parts(from: contentStart, to: contentEnd)
        else { return whole }
        let result = InlineMarkup(parts: parts)
        return result.markdown == markdown ? result : whole
    }

    /// Walks sibling inline nodes and records the byte range of every code.
    private struct Walker {
        let bytes: [UInt8]
        let lines: LineTable
        var marks: [(range: Range<Int>, part: (Int) -> InlineMarkup.Part, opensID: Bool, closesID: Bool)] = []

        init(bytes: [UInt8], lines: LineTable) {
            self.bytes = bytes
            self.lines = lines
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
        func end(before index: Int, in nodes: [MarkdownNode], end: Int) -> Int {
            var nodeEnd = end
            for later in nodes[index...] {
                if let laterStart = offset(later) {
                    nodeEnd = laterStart
                    break
                }
            }
            guard index < nodes.count else { return nodeEnd }
            switch nodes[index].kind {
            case .softBreak, .lineBreak:
                let blank: Set<UInt8> = [UInt8(ascii: " "), UInt8(ascii: "\t")]
                while nodeEnd > 0, blank.contains(bytes[nodeEnd - 1]) { nodeEnd -= 1 }
                if nodeEnd > 0, bytes[nodeEnd - 1] == UInt8(ascii: "\n") { nodeEnd -= 1 }
                if nodeEnd > 0, bytes[nodeEnd - 1] == UInt8(ascii: "\r") { nodeEnd -= 1 }
                while nodeEnd > 0, blank.contains(bytes[nodeEnd - 1]) { nodeEnd -= 1 }
                if case .lineBreak = nodes[index].kind, nodeEnd > 0, bytes[nodeEnd - 1] == UInt8(ascii: "\\") {
                    nodeEnd -= 1
                }
                return nodeEnd
            default:
                return nodeEnd
            }
        }

        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

        /// Records the codes among `nodes`, which lie between bytes `from` and `end`. cmark gives
        /// nested emphasis (`***a***`) one start, so starts are clamped to `from`.
        mutating func walk(_ nodes: [MarkdownNode], from: Int, end: Int) -> Bool {
            for (index, node) in nodes.enumerated() {
                if isText(node) { continue }
                let start = offset(node).map { max($0, from) }
                if case .link = node.kind,
                    start.map({ bytes[$0] != UInt8(ascii: "[") && bytes[$0] != UInt8(ascii: "<") }) ?? true
                {
                    continue  // A bare URL or e-mail address the GFM autolinker found: it stays text.
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
            let raw = text(range)
            switch node.kind {
            case .code:
                return standalone(.code, range, valid: raw.hasPrefix("`") && raw.hasSuffix("`"))
            case .htmlInline:
                return standalone(.html, range, valid: raw.hasPrefix("<") && raw.hasSuffix(">"))
            case .image:
                // The alt text is for readers: translators see and edit it between the codes.
                guard raw.hasPrefix("![") else { return false }
                return link(node, range, kind: .image, openerLength: 2)
            case .emphasis, .strong, .strikethrough:
                return delimited(node, range)
            case .link:
                if raw.hasPrefix("[") { return link(node, range) }
                // An autolink `<https://…>`: protect it whole.
                return standalone(.link, range, valid: raw.hasSuffix(">") && !raw.contains(where: \.isWhitespace))
            default:
                return false
            }
        }

        private mutating func standalone(_ kind: InlineMarkup.CodeKind, _ range: Range<Int>, valid: Bool) -> Bool {
            guard valid else { return false }
            let data = text(range)
            marks.append((range, { .standalone(id: $0, kind: kind, data: data) }, true, false))
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
            let opener = text(range.lowerBound..<contentStart)
            let closerStart = range.upperBound - length
            guard closerStart >= contentStart, opener.allSatisfy({ "*_~".contains($0) }),
                text(closerStart..<range.upperBound) == opener
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
                    let tail = text(index..<range.upperBound)
                    if tail == "]" || (tail.hasPrefix("](") && tail.hasSuffix(")"))
                        || (tail.hasPrefix("][") && tail.hasSuffix("]"))
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
            let openData = text(open)
            let closeData = text(close)
            marks.append((open, { .open(id: $0, kind: kind, data: openData) }, true, false))
            guard walk(node.children, from: open.upperBound, end: close.lowerBound) else { return false }
            marks.append((close, { .close(id: $0, kind: kind, data: closeData) }, false, true))
            return true
        }

        /// The parts between two offsets: the recorded codes, with text filling the gaps.
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

        func parts(from start: Int, to end: Int) -> [InlineMarkup.Part]? {
            var parts: [InlineMarkup.Part] = []
            var cursor = start
            var nextID = 1
            var openIDs: [Int] = []
            for mark in marks {
                guard mark.range.lowerBound >= cursor, mark.range.upperBound <= end else { return nil }
                if mark.range.lowerBound > cursor { parts.append(.text(text(cursor..<mark.range.lowerBound))) }
                let id: Int
                if mark.closesID {
                    guard let last = openIDs.popLast() else { return nil }
                    id = last
                } else {
                    id = nextID
                    nextID += 1
                    if case .open = mark.part(0) { openIDs.append(id) }
                }
                let part = mark.part(id)
                if case .close(_, .link, let data) = part, let (destination, title, quote) = Self.splitTitle(data) {
                    // A link title is read aloud and shown on hover: translators edit it as text.
                    parts += [
                        .close(id: id, kind: .link, data: destination), .text(title),
                        .standalone(id: nextID, kind: .link, data: quote),
                    ]
                    nextID += 1
                } else {
                    parts.append(part)
                }
                cursor = mark.range.upperBound
            }
            guard openIDs.isEmpty else { return nil }
            if end > cursor { parts.append(.text(text(cursor..<end))) }
            return parts
        }
    }
}
