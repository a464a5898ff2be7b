import DocGenCore

/// Turns a Markdown file into an `Article`: front matter, then segments, then titles.
/// Pure: it takes a `SourceFile` value and returns the article with every problem found.
public enum ArticleParser {
    /// Parses one article. Never fails: problems are returned as diagnostics.
    /// `isInclude` is for files pulled into articles with `[!INCLUDE]`: they need no front matter or title.
    public static func parse(_ file: SourceFile, isInclude: Bool = false) -> (
        article: Article, diagnostics: [Diagnostic]
    ) {
        let bytes = Array(file.text.utf8)
        let split = FrontMatterParser.parse(file, requireFrontMatter: !isInclude, keepsBody: false, utf8: bytes)
        let lines = LineTable(bytes)
        let bodyStart = lines.offset(of: TextPosition(line: split.bodyLineOffset + 1, column: 1))
        let scan = SegmentScanner(bytes: bytes, text: file.text, path: file.path, lines: lines).scan(
            bodyStart: split.bodyLineOffset == 0 ? 0 : bodyStart)
        var diagnostics = split.diagnostics + scan.diagnostics

        let targetHeading = firstHeading(scan.text, side: .target)
        let sourceHeading = scan.text.isTargetOnly ? nil : firstHeading(scan.text, side: .source)
        let fallbackTitle = split.frontMatter.title.map(stripTitleSuffix) ?? defaultTitle(for: file.path)
        if targetHeading == nil, split.frontMatter.title == nil, !isInclude {
            diagnostics.append(
                .warning(
                    "docgen.article.untitled", at: SourceLocation(path: file.path, line: 1),
                    "the article has neither a 'title' in its front matter nor a '#' heading",
                    fix: "add 'title: …' to the front matter or start the body with '# Title'"))
        }
        let article = Article(
            path: file.path, frontMatter: split.frontMatter, body: scan.text, lines: lines,
            targetTitle: targetHeading ?? fallbackTitle, sourceTitle: sourceHeading)
        return (article, diagnostics)
    }

    /// The plain text of the first ATX level-1 heading of one side of a body, if any. Reads the
    /// pieces only up to that heading (usually the first line), without composing the body.
    static func firstHeading(_ body: BilingualText, side: TextSide) -> String? {
        var finder = HeadingFinder()
        for piece in body.pieces {
            switch piece {
            case .markdown(let text, _), .orphan(let text, _, _): finder.append(text)
            case .segment(let segment): finder.append(segment.text(side))
            }
            if let found = finder.found { return found }
        }
        finder.finish()
        return finder.found
    }

    /// The plain text of the first ATX level-1 heading of a Markdown text, if any.
    static func firstHeading(_ markdown: String) -> String? {
        var finder = HeadingFinder()
        finder.append(markdown)
        finder.finish()
        return finder.found
    }

    /// Reads Markdown line by line as it arrives and stops at the first `# ` heading outside
    /// code fences.
    struct HeadingFinder {
        private static let backticks = Array("```".utf8)
        private static let tildes = Array("~~~".utf8)
        private var line: [UInt8] = []
        private var inFence = false
        private(set) var found: String?

        mutating func append(_ text: String) {
            guard found == nil else { return }
            var text = text
            // Line ends are found with `memchr` and lines copied whole, not byte by byte.
            text.withUTF8 { bytes in
                var start = 0
                while let end = ByteSearch.firstIndex(
                    of: UInt8(ascii: "\n"), in: UnsafeBufferPointer(rebasing: bytes[start...]))
                {
                    line.append(contentsOf: bytes[start..<(start + end)])
                    check()
                    line.removeAll(keepingCapacity: true)
                    if found != nil { return }
                    start += end + 1
                }
                line.append(contentsOf: bytes[start...])
            }
        }

        mutating func finish() {
            if found == nil { check() }
        }

        private mutating func check() {
            var trimmed = line.drop(while: { $0 == UInt8(ascii: " ") })
            if trimmed.last == UInt8(ascii: "\r") { trimmed = trimmed.dropLast() }
            if trimmed.starts(with: Self.backticks) || trimmed.starts(with: Self.tildes) { inFence.toggle() }
            guard !inFence, trimmed.first == UInt8(ascii: "#"),
                trimmed.count == 1 || trimmed.dropFirst().first == UInt8(ascii: " ")
            else { return }
            let text = InlineText.plain(String(decoding: trimmed.dropFirst(), as: UTF8.self))
            if !text.isEmpty { found = text }
        }
    }

    /// Drops the docset suffix DocFX titles carry (`Billing | Partner Center` → `Billing`).
    static func stripTitleSuffix(_ title: String) -> String {
        guard let bar = title.range(of: " | ", options: .backwards) else { return title }
        let head = title[..<bar.lowerBound].trimmingCharacters(in: .whitespaces)
        return head.isEmpty ? title : head
    }

    private static func defaultTitle(for path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let stem = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
        return stem.replacingOccurrences(of: "-", with: " ").capitalized
    }
}
