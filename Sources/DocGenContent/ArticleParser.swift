import DocGenCore

/// Turns a Markdown file into an `Article`: front matter, then segments, then titles.
/// Pure: it takes a `SourceFile` value and returns the article with every problem found.
public enum ArticleParser {
    /// Parses one article. Never fails: problems are returned as diagnostics.
    /// `isInclude` is for files pulled into articles with `[!INCLUDE]`: they need no front matter or title.
    public static func parse(_ file: SourceFile, isInclude: Bool = false) -> (
        article: Article, diagnostics: [Diagnostic]
    ) {
        let split = FrontMatterParser.parse(file, requireFrontMatter: !isInclude)
        let bytes = Array(file.text.utf8)
        let lines = LineTable(bytes)
        let bodyStart = lines.offset(of: TextPosition(line: split.bodyLineOffset + 1, column: 1))
        let scan = SegmentScanner(bytes: bytes, path: file.path).scan(
            bodyStart: split.bodyLineOffset == 0 ? 0 : bodyStart)
        var diagnostics = split.diagnostics + scan.diagnostics

        let targetHeading = firstHeading(scan.text.markdown(for: .target).text)
        let sourceHeading = scan.text.isTargetOnly ? nil : firstHeading(scan.text.markdown(for: .source).text)
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

    /// The plain text of the first ATX level-1 heading of a Markdown text, if any.
    static func firstHeading(_ markdown: String) -> String? {
        var inFence = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: true) {
            let trimmed = line.drop(while: { $0 == " " })
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { inFence.toggle() }
            if inFence || !(trimmed.hasPrefix("# ") || trimmed == "#") { continue }
            let text = InlineText.plain(String(trimmed.dropFirst(1)))
            if !text.isEmpty { return text }
        }
        return nil
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
