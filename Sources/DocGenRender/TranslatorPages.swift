import DocGenContent
import DocGenCore
import DocGenMarkdown
import DocGenTranslation

/// The translators' pages: per article, a table of target | source by segment with its id, QA
/// flags and stale mark (next to the article page, so its links resolve the same way); for the
/// docset, a coverage page (segments, words, MT or HT, stale and flagged per article and include).
extension SiteRenderer {
    /// Where an article's translator view is written (`fr/a/b.translation.html`).
    func translatorViewPath(_ article: Article) -> String { translatorViewPath(article.path) }

    /// The translator view's output path of the article at a content path.
    func translatorViewPath(_ articlePath: String) -> String {
        SitePath.replacingExtension(
            of: paths.page(forArticle: articlePath, in: paths.targetLanguage), with: "translation.html")
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
        let rows = TranslatorView.rows(for: article, findings: findings, stale: stale.segments(in: article.path))
        let sourceLang = paths.sourceLanguage.code
        let staleBadge = HTMLEscaping.escape(theme.string("staleBadge", language))
        let previousLabel = HTMLEscaping.escape(theme.string("stalePreviousSource", language))
        let rowsHTML = rows.map { row -> String in
            let id = HTMLEscaping.escape(row.id)
            var flags = row.flags.map {
                "<span class=\"badge\">\(HTMLEscaping.escape($0.hasPrefix("docgen.qa.") ? String($0.dropFirst(10)) : $0))</span>"
            }
            if row.isStale { flags.insert("<span class=\"badge badge-stale\">\(staleBadge)</span>", at: 0) }
            let messages =
                row.messages.isEmpty
                ? "" : "<small>\(HTMLEscaping.escape(row.messages.joined(separator: "; ")))</small>"
            let previous = row.previousSourceText.map {
                "<small class=\"stale-previous\">\(previousLabel) <span lang=\"\(sourceLang)\">\(HTMLEscaping.escape($0))</span></small>"
            }
            let classes = (row.isStale ? ["stale"] : []) + (row.flags.isEmpty ? [] : ["flagged"])
            // Light rows (tens of thousands per docset): the id column's monospace and the line
            // breaks before each <small> come from the style sheet, and the optional </td> and
            // </tr> end tags are left out (HTML closes a cell at the next <td> or <tr>).
            return
                "<tr id=\"seg-\(id)\"\(classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\"")><td>\(id)<small>l. \(row.line)</small>"
                + "<td>\(targetHTML[row.id] ?? "")<td lang=\"\(sourceLang)\">\(sourceHTML[row.id] ?? "")"
                + "<td>\(flags.joined(separator: " "))\(messages)\(previous ?? "")\n"
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
                "staleCount": rows.filter(\.isStale).count, "hasStale": rows.contains(where: \.isStale),
                "targetColumnLabel": countLabel("columnTranslationIn", of: language, in: language),
                "sourceColumnLabel": countLabel("columnOriginalIn", of: paths.sourceLanguage, in: language),
            ], into: &context)
        return templates.renderPage("translation", context: context).map { OutputFile(path: outputPath, text: $0) }
    }

    /// An article's or include file's line of the coverage page, with its stale count, and its
    /// translation measured in characters when the target language has no spaces between words.
    public func coverageEntry(_ article: Article, findings: [Diagnostic], isInclude: Bool = false)
        -> CoverageReport.Entry
    {
        CoverageReport.entry(
            for: article, findings: findings, staleSegments: stale.count(in: article.path),
            countingCharacters: paths.targetLanguage.countsCharacters, isInclude: isInclude)
    }

    /// The name of `language` in the language `reader`'s interface is written in: the strings'
    /// `language.<code>` when set, else CLDR's (`japonais` in French, `Japanese` in English).
    func languageName(_ language: Language, in reader: Language) -> String {
        // `string` reads the two tables `strings(for:)` would merge, without merging them per call.
        let key = "language." + language.code
        let text = theme.string(key, reader)
        return text != key ? text : language.name(in: theme.interfaceLanguage(for: reader))
    }

    /// A column label naming a language: `key`'s text with `{language}` replaced by its name.
    func countLabel(_ key: String, of language: Language, in reader: Language) -> String {
        theme.string(key, reader).replacingOccurrences(of: "{language}", with: languageName(language, in: reader))
    }

    /// `fr/coverage.html`: the docset's translation coverage, one row per article and include file.
    public func renderCoverage(_ articles: [Article], entries: [CoverageReport.Entry]) -> OutputFile? {
        renderCoverage(pagePaths: Set(articles.map(\.path)), entries: entries)
    }

    /// `fr/coverage.html` from the content paths of the site's pages (all an incremental build keeps).
    public func renderCoverage(pagePaths pages: Set<String>, entries: [CoverageReport.Entry]) -> OutputFile? {
        guard templates.has("coverage") else { return nil }
        let language = paths.targetLanguage
        let outputPath = paths.coverage
        let report = CoverageReport(entries: entries.sorted { $0.article < $1.article })
        func row(_ entry: CoverageReport.Entry, link: Bool) -> [String: Any] {
            var values: [String: Any] = [
                "title": entry.title.isEmpty ? entry.article : entry.title, "segments": entry.segments,
                "sourceWords": entry.sourceWords, "targetWords": entry.targetWords,
                "type": entry.translationType?.rawValue ?? "—", "stale": entry.staleSegments,
                "flagged": entry.flaggedSegments, "path": entry.article, "isInclude": entry.isInclude,
                "hasStale": entry.staleSegments > 0,
            ]
            if link, !entry.isInclude, entry.segments > 0, pages.contains(entry.article) {
                values["viewURL"] = SitePath.relativeURL(from: outputPath, to: translatorViewPath(entry.article))
                values["articleURL"] = SitePath.relativeURL(
                    from: outputPath, to: paths.page(forArticle: entry.article, in: language))
            }
            return values
        }
        var context = contexts.base(
            outputPath: outputPath, language: language, kind: "coverage", title: theme.string("coverageTitle", language)
        )
        let targetKey = language.countsCharacters ? "columnCharactersIn" : "columnWordsIn"
        PageContext.merge(
            [
                "entries": report.entries.map { row($0, link: true) }, "total": row(report.total, link: false),
                "robotsNoIndex": true,
                "sourceCountLabel": countLabel("columnWordsIn", of: paths.sourceLanguage, in: language),
                "targetCountLabel": countLabel(targetKey, of: language, in: language),
            ],
            into: &context)
        return templates.renderPage("coverage", context: context).map { OutputFile(path: outputPath, text: $0) }
    }
}
