import DocGenContent
import DocGenCore
import DocGenMarkdown
import DocGenTranslation

/// The translators' pages: per article, a table of target | source by segment with its id and
/// QA flags (next to the article page, so its links resolve the same way); for the docset, a
/// coverage page (segments, words, MT or HT, stale and flagged per article).
extension SiteRenderer {
    /// Where an article's translator view is written (`fr/a/b.translation.html`).
    func translatorViewPath(_ article: Article) -> String {
        SitePath.replacingExtension(
            of: paths.page(forArticle: article.path, in: paths.targetLanguage), with: "translation.html")
    }

    /// The translator view of an article with segments, built from both rendered bodies.
    func translatorView(_ article: Article, bodies: [TextSide: RenderedBody], findings: [Diagnostic]) -> OutputFile? {
        guard templates.has("translation"), !article.segments.isEmpty, let target = bodies[.target],
            let source = bodies[.source]
        else { return nil }
        let language = paths.targetLanguage
        let outputPath = translatorViewPath(article)
        let targetHTML = Dictionary(target.segments.map { ($0.id, $0.html) }, uniquingKeysWith: { a, _ in a })
        let sourceHTML = Dictionary(source.segments.map { ($0.id, $0.html) }, uniquingKeysWith: { a, _ in a })
        // Rows are joined here rather than looped in Mustache: an article can have thousands.
        let rows = TranslatorView.rows(for: article, findings: findings)
        let sourceLang = paths.sourceLanguage.code
        let rowsHTML = rows.map { row -> String in
            let id = HTMLEscaping.escape(row.id)
            let flags = row.flags.map {
                "<span class=\"badge\">\(HTMLEscaping.escape($0.replacingOccurrences(of: "docgen.qa.", with: "")))</span>"
            }.joined(separator: " ")
            let messages =
                row.messages.isEmpty
                ? "" : "<br><small>\(HTMLEscaping.escape(row.messages.joined(separator: "; ")))</small>"
            return
                "<tr id=\"seg-\(id)\"\(row.flags.isEmpty ? "" : " class=\"flagged\"")><td><code>\(id)</code><br><small>l. \(row.line)</small></td>"
                + "<td>\(targetHTML[row.id] ?? "")</td><td lang=\"\(sourceLang)\">\(sourceHTML[row.id] ?? "")</td>"
                + "<td>\(flags)\(messages)</td></tr>\n"
        }.joined()
        var context = contexts.base(
            outputPath: outputPath, language: language, kind: "translation",
            title: theme.string("translatorView", language) + " — " + article.targetTitle)
        PageContext.merge(
            [
                "rowsHTML": rowsHTML,
                "articleURL": SitePath.relativeURL(
                    from: outputPath, to: paths.page(forArticle: article.path, in: language)),
                "articleTitle": article.targetTitle, "sourcePath": article.path,
                "sourceLang": paths.sourceLanguage.code,
                "robotsNoIndex": true, "flaggedCount": rows.filter { !$0.flags.isEmpty }.count,
            ], into: &context)
        return templates.renderPage("translation", context: context).map { OutputFile(path: outputPath, text: $0) }
    }

    /// `fr/coverage.html`: the docset's translation coverage, one row per article.
    public func renderCoverage(_ articles: [Article], entries: [CoverageReport.Entry]) -> OutputFile? {
        guard templates.has("coverage") else { return nil }
        let language = paths.targetLanguage
        let outputPath = language.code + "/coverage.html"
        let report = CoverageReport(entries: entries.sorted { $0.article < $1.article })
        func row(_ entry: CoverageReport.Entry, link: Bool) -> [String: Any] {
            var values: [String: Any] = [
                "title": entry.title, "segments": entry.segments, "sourceWords": entry.sourceWords,
                "targetWords": entry.targetWords, "type": entry.translationType?.rawValue ?? "—",
                "stale": entry.staleSegments, "flagged": entry.flaggedSegments, "path": entry.article,
            ]
            if link, entry.segments > 0, let article = articles.first(where: { $0.path == entry.article }) {
                values["viewURL"] = SitePath.relativeURL(from: outputPath, to: translatorViewPath(article))
                values["articleURL"] = SitePath.relativeURL(
                    from: outputPath, to: paths.page(forArticle: article.path, in: language))
            }
            return values
        }
        var context = contexts.base(
            outputPath: outputPath, language: language, kind: "coverage", title: theme.string("coverageTitle", language)
        )
        PageContext.merge(
            [
                "entries": report.entries.map { row($0, link: true) }, "total": row(report.total, link: false),
                "robotsNoIndex": true,
            ],
            into: &context)
        return templates.renderPage("coverage", context: context).map { OutputFile(path: outputPath, text: $0) }
    }
}
