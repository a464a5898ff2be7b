import DocGenContent

/// What a translator needs to see around one sentence: the article, the headings above it, the
/// kind of block it sits in, and the English sentences before and after it. Exports write it as
/// notes (XLIFF), extracted comments (PO) or `<note>`s (TMX); imports ignore it.
public struct UnitContext: Hashable, Sendable {
    /// The article's title (the English title when there is one).
    public var articleTitle: String
    /// The English headings above the segment, outermost first.
    public var headingPath: [String]
    /// `heading`, `paragraph`, `list item`, `table cell` or `quote` (alerts are quotes).
    public var blockKind: String
    /// The English of the segment before, if any.
    public var previousSource: String?
    /// The English of the segment after, if any.
    public var nextSource: String?

    /// Creates a context.
    public init(
        articleTitle: String, headingPath: [String], blockKind: String, previousSource: String?, nextSource: String?
    ) {
        self.articleTitle = articleTitle
        self.headingPath = headingPath
        self.blockKind = blockKind
        self.previousSource = previousSource
        self.nextSource = nextSource
    }

    /// The context of every segment of an article, in segment order.
    public static func contexts(for article: Article) -> [UnitContext] {
        let title = article.sourceTitle ?? article.targetTitle
        let segments = article.segments
        var results: [UnitContext] = []
        var line = ""  // the text of the current line before the piece being read
        var headings: [(level: Int, text: String)] = []
        var index = 0
        for piece in article.body.pieces {
            switch piece {
            case .markdown(let text, _), .orphan(let text, _, _):
                line = lastLine(line + text)
            case .segment(let segment):
                let kind = blockKind(line)
                if kind.name == "heading" {
                    headings.removeAll { $0.level >= kind.level }
                }
                results.append(
                    UnitContext(
                        articleTitle: title, headingPath: headings.map(\.text), blockKind: kind.name,
                        previousSource: index > 0 ? segments[index - 1].sourceText : nil,
                        nextSource: index + 1 < segments.count ? segments[index + 1].sourceText : nil))
                if kind.name == "heading", !headings.contains(where: { $0.level == kind.level }) {
                    headings.append((kind.level, segment.sourceText))
                }
                index += 1
                line = lastLine(line + segment.targetText)
            }
        }
        return results
    }

    /// The lines of the notes, each one line long: `heading: …`, `block: …`, `before: …`, `after: …`.
    public var noteLines: [(category: String, text: String)] {
        var lines = [("article", oneLine(articleTitle))]
        if !headingPath.isEmpty { lines.append(("heading", headingPath.map(oneLine).joined(separator: " > "))) }
        lines.append(("block", blockKind))
        if let previousSource { lines.append(("before", oneLine(previousSource))) }
        if let nextSource { lines.append(("after", oneLine(nextSource))) }
        return lines
    }

    private func oneLine(_ text: String) -> String {
        if text.utf8.count <= 160, !text.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) { return text }
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count > 160 ? String(flat.prefix(159)) + "…" : flat
    }

    private static func lastLine(_ text: String) -> String {
        guard let newline = text.lastIndex(where: \.isNewline) else { return text }
        return String(text[text.index(after: newline)...])
    }

    /// The block a segment is in, from the text of its line before it.
    private static func blockKind(_ prefix: String) -> (name: String, level: Int) {
        let text = prefix.drop { $0 == " " || $0 == "\t" }
        if text.hasPrefix("#") { return ("heading", text.prefix { $0 == "#" }.count) }
        if text.hasPrefix(">") { return ("quote", 0) }
        if text.hasPrefix("|") || text.contains(" | ") { return ("table cell", 0) }
        if ["- ", "* ", "+ "].contains(where: { text.hasPrefix($0) }) { return ("list item", 0) }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, text.dropFirst(digits.count).hasPrefix(". ") { return ("list item", 0) }
        return ("paragraph", 0)
    }
}
