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
        guard templates.has("translation"), !article.isTargetOnly, let target = bodies[.target],
            let source = bodies[.source]
        else { return nil }
        let language = paths.targetLanguage
        let outputPath = translatorViewPath(article)
        // Rows are joined here rather than looped in Mustache: an article can have thousands.
        let rows = TranslatorView.rows(for: article, findings: findings, stale: stale.segments(in: article.path))
        let rowsHTML = translatorRows(rows, target: target.segments, source: source.segments, language: language)
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

    /// The table rows of a translator view, written into one string. Light rows (tens of
    /// thousands per docset): the id column's monospace and the line breaks before each <small>
    /// come from the style sheet, and the optional </td> and </tr> end tags are left out (HTML
    /// closes a cell at the next <td> or <tr>).
    private func translatorRows(
        _ rows: [TranslatorView.Row], target: [(id: String, html: String)], source: [(id: String, html: String)],
        language: Language
    ) -> String {
        let targetHTML = SegmentHTML(target, rows: rows)
        let sourceHTML = SegmentHTML(source, rows: rows)
        let sourceLang = paths.sourceLanguage.code
        // The fixed markup around a row's source cell, joined once per page.
        let sourceCell = "<td lang=\"" + sourceLang + "\">"
        let staleBadge = HTMLEscaping.escape(theme.string("staleBadge", language))
        let previousLabel = HTMLEscaping.escape(theme.string("stalePreviousSource", language))
        // One string, reserved once (its pieces are valid UTF-8 already: appending them does not
        // check the bytes again, as making a string from a byte buffer would).
        var html = ""
        html.reserveCapacity(
            target.reduce(0) { $0 + $1.html.utf8.count } + source.reduce(0) { $0 + $1.html.utf8.count }
                + rows.count * 96)
        func write(_ text: String) { html.append(text) }
        for (index, row) in rows.enumerated() {
            let id = HTMLEscaping.escape(row.id)
            write("<tr id=\"seg-")
            write(id)
            switch (row.isStale, !row.flags.isEmpty) {
            case (true, true): write("\" class=\"stale flagged\"><td>")
            case (true, false): write("\" class=\"stale\"><td>")
            case (false, true): write("\" class=\"flagged\"><td>")
            case (false, false): write("\"><td>")
            }
            write(id)
            write("<small>l. ")
            write(String(row.line))
            write("</small><td>")
            write(targetHTML.html(at: index, id: row.id))
            write(sourceCell)
            write(sourceHTML.html(at: index, id: row.id))
            write("<td>")
            var badges = 0
            if row.isStale {
                write("<span class=\"badge badge-stale\">")
                write(staleBadge)
                write("</span>")
                badges += 1
            }
            for flag in row.flags {
                write(badges > 0 ? " <span class=\"badge\">" : "<span class=\"badge\">")
                write(HTMLEscaping.escape(flag.hasPrefix("docgen.qa.") ? String(flag.dropFirst(10)) : flag))
                write("</span>")
                badges += 1
            }
            if !row.messages.isEmpty {
                write("<small>")
                write(HTMLEscaping.escape(row.messages.joined(separator: "; ")))
                write("</small>")
            }
            if let previous = row.previousSourceText {
                write("<small class=\"stale-previous\">")
                write(previousLabel)
                write(" <span lang=\"")
                write(sourceLang)
                write("\">")
                write(HTMLEscaping.escape(previous))
                write("</span></small>")
            }
            write("\n")
        }
        return html
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
        // Made once per renderer: every translator view asks for the same two, and the language's
        // name comes from ICU.
        labels.value(key + "|" + language.code + "|" + reader.code) {
            let text = theme.string(key, reader)
            let name = languageName(language, in: reader)
            return text.replacingPlaceholder("{language}", with: name)
                ?? text.replacingOccurrences(of: "{language}", with: name)
        }
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

extension String {
    /// The text with each ASCII `placeholder` replaced, found on bytes (Foundation's search was
    /// most of a translator view's own time); `nil` when a non-ASCII character touches one,
    /// which could join it into another character that a search by characters would not match.
    fileprivate func replacingPlaceholder(_ placeholder: StaticString, with value: String) -> String? {
        var text = self
        return text.withUTF8 { bytes -> String? in
            let pattern = UnsafeBufferPointer(start: placeholder.utf8Start, count: placeholder.utf8CodeUnitCount)
            var result: [UInt8] = []
            var cursor = 0
            while let found = ByteSearch.firstIndex(
                of: pattern, in: UnsafeBufferPointer(rebasing: bytes[cursor...]))
            {
                let start = cursor + found
                let end = start + pattern.count
                if (start > 0 && bytes[start - 1] >= 0x80) || (end < bytes.count && bytes[end] >= 0x80) { return nil }
                result.append(contentsOf: bytes[cursor..<start])
                result.append(contentsOf: value.utf8)
                cursor = end
            }
            guard cursor > 0 else { return self }
            result.append(contentsOf: bytes[cursor...])
            return String(decoding: result, as: UTF8.self)
        }
    }
}

/// The rendered HTML of one side's segments, found by segment id (the first segment with an
/// id wins). The rows come in the order of the body's segments: when the ids are in the same
/// order and strictly increasing (so none repeats), each row's HTML is at its own index and no
/// table is built.
private struct SegmentHTML {
    private let segments: [(id: String, html: String)]
    private let byID: [String: String]?

    init(_ segments: [(id: String, html: String)], rows: [TranslatorView.Row]) {
        self.segments = segments
        var aligned = segments.count == rows.count
        if aligned {
            for index in segments.indices
            where segments[index].id != rows[index].id || (index > 0 && segments[index - 1].id >= segments[index].id) {
                aligned = false
                break
            }
        }
        byID = aligned ? nil : Dictionary(segments.map { ($0.id, $0.html) }, uniquingKeysWith: { first, _ in first })
    }

    /// The HTML of the segment of the row at `index`, whose id is `id`; empty when there is none.
    func html(at index: Int, id: String) -> String {
        guard let byID else { return segments[index].html }
        return byID[id] ?? ""
    }
}
