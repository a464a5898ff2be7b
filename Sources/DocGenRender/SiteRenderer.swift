import DocGenContent
import DocGenCore
import DocGenMarkdown

/// Renders the pages of a site: each article in both languages, a home page per language and
/// the root language chooser. Pure: articles and theme in, `OutputFile`s and diagnostics out.
public struct SiteRenderer: Sendable {
    /// The theme (strings and assets).
    public let theme: Theme
    /// The compiled templates.
    public let templates: PageTemplates
    /// Output paths.
    public let paths: PagePaths
    /// Link resolution over the content folder.
    public let links: LinkResolver
    /// The site's name, shown in the header and `<title>`.
    public let siteTitle: String

    /// Creates a renderer.
    public init(theme: Theme, templates: PageTemplates, paths: PagePaths, links: LinkResolver, siteTitle: String) {
        self.theme = theme
        self.templates = templates
        self.paths = paths
        self.links = links
        self.siteTitle = siteTitle
    }

    private var contexts: PageContext { PageContext(theme: theme, paths: paths, siteTitle: siteTitle) }

    /// Both language pages of one article.
    public func renderArticle(_ article: Article) -> (files: [OutputFile], diagnostics: [Diagnostic]) {
        let (bodies, diagnostics) = ArticleRenderer(links: links, theme: theme).render(article)
        let sourceSegments = bodies[.source].map { $0.segments.map { ["id": $0.id, "html": $0.html] } } ?? []
        var files: [OutputFile] = []
        var problems = diagnostics
        for language in paths.languages {
            let side = paths.side(for: language)
            let outputPath = paths.page(forArticle: article.path, in: language)
            let context: [String: Any]
            let template: String
            if let body = bodies[side] {
                context = articleContext(
                    article, body: body, language: language, outputPath: outputPath,
                    sourceSegments: side == .target ? sourceSegments : [])
                template = "article"
            } else {
                context = missingContext(article, language: language, outputPath: outputPath)
                template = "missing"
            }
            guard let html = templates.renderPage(template, context: context) else {
                problems.append(
                    .error(
                        "docgen.render.failed", at: SourceLocation(path: article.path, line: 1),
                        "the page \(outputPath) could not be rendered because a template is missing",
                        fix: "restore the theme's templates"))
                continue
            }
            files.append(OutputFile(path: outputPath, text: html))
        }
        return (files, problems)
    }

    private func articleContext(
        _ article: Article, body: RenderedBody, language: Language, outputPath: String, sourceSegments: [[String: String]]
    ) -> [String: Any] {
        let side = paths.side(for: language)
        let title = article.title(side) ?? article.targetTitle
        var context = contexts.base(outputPath: outputPath, language: language, kind: "article", title: title)
        let other = paths.languages.first { $0 != language } ?? language
        let otherPath = paths.page(forArticle: article.path, in: other)
        let outline = body.headings.filter { $0.level == 2 || $0.level == 3 }.map { heading -> [String: Any] in
            ["id": heading.id, "text": heading.text, "level": heading.level, "isH3": heading.level == 3]
        }
        var values: [String: Any] = [
            "content": body.html,
            "sourcePath": article.path,
            "outline": outline,
            "hasOutline": !outline.isEmpty,
            "otherLanguage": contexts.alternate(from: outputPath, to: otherPath, language: other),
            "alternates": paths.languages.map { lang in
                ["hreflang": lang.code, "url": SitePath.relativeURL(from: outputPath, to: paths.page(forArticle: article.path, in: lang))]
            },
            "machineTranslated": article.frontMatter.translationType == .machine && side == .target,
            "targetOnly": article.isTargetOnly,
            "segmentCount": article.segments.count,
            "sourceSegments": sourceSegments,
            "hasSourceSegments": !sourceSegments.isEmpty,
            "sourceLang": paths.sourceLanguage.code,
        ]
        if let description = article.frontMatter.description, side == .target || article.isTargetOnly {
            values["description"] = description
        }
        if let date = article.frontMatter.date ?? article.frontMatter.lastHandoff {
            values["date"] = ["iso": date.iso8601, "display": DateText.display(date, languageCode: language.code)]
        }
        PageContext.merge(values, into: &context)
        return context
    }

    private func missingContext(_ article: Article, language: Language, outputPath: String) -> [String: Any] {
        var context = contexts.base(
            outputPath: outputPath, language: language, kind: "missing", title: theme.string("missingTitle", language))
        let target = paths.targetLanguage
        let targetPath = paths.page(forArticle: article.path, in: target)
        PageContext.merge(
            [
                "articleTitle": article.targetTitle,
                "sourcePath": article.path,
                "otherLanguage": contexts.alternate(from: outputPath, to: targetPath, language: target),
                "alternates": [["hreflang": target.code, "url": SitePath.relativeURL(from: outputPath, to: targetPath)]],
                "robotsNoIndex": true,
            ], into: &context)
        return context
    }

    /// The home page of each language: every article, sorted by title, with English gaps marked.
    public func renderHomes(_ articles: [Article]) -> [OutputFile] {
        paths.languages.compactMap { language in
            let outputPath = paths.home(in: language)
            let side = paths.side(for: language)
            var context = contexts.base(outputPath: outputPath, language: language, kind: "home", title: siteTitle)
            let entries = articles.map { article -> [String: Any] in
                let title = article.title(side)
                return [
                    "title": title ?? article.targetTitle,
                    "url": SitePath.relativeURL(from: outputPath, to: paths.page(forArticle: article.path, in: language)),
                    "missingTranslation": title == nil,
                    "description": (side == .target ? article.frontMatter.description : nil) ?? "",
                    "sortKey": (title ?? article.targetTitle).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil),
                ]
            }.sorted { ($0["sortKey"] as! String, $0["url"] as! String) < ($1["sortKey"] as! String, $1["url"] as! String) }
            let other = paths.languages.first { $0 != language } ?? language
            PageContext.merge(
                [
                    "articles": entries, "articleCount": entries.count,
                    "otherLanguage": contexts.alternate(from: outputPath, to: paths.home(in: other), language: other),
                    "alternates": paths.languages.map { ["hreflang": $0.code, "url": SitePath.relativeURL(from: outputPath, to: paths.home(in: $0))] },
                ], into: &context)
            return templates.renderPage("home", context: context).map { OutputFile(path: outputPath, text: $0) }
        }
    }

    /// `index.html` at the output root: links to each language's home, and a script that sends
    /// a visitor to the language they chose before or their browser prefers.
    public func renderRoot() -> OutputFile? {
        let languages = paths.languages.map { language -> [String: Any] in
            ["code": language.code, "name": theme.string("languageName", language), "url": paths.home(in: language),
             "title": theme.string("chooseLanguage", language)]
        }
        let context: [String: Any] = [
            "site": ["title": siteTitle], "languages": languages, "defaultLanguage": paths.targetLanguage.code,
            "defaultURL": paths.home(in: paths.targetLanguage), "assets": PagePaths.assetsFolder + "/", "root": "",
        ]
        return templates.render("root", context: context).map { OutputFile(path: "index.html", text: $0) }
    }
}
