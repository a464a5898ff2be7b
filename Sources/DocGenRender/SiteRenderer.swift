import DocGenCompile
import DocGenContent
import DocGenCore
import DocGenFlowchart
import DocGenMarkdown
import DocGenTranslation

/// Everything the page stage needs to know about the site besides the articles themselves.
public struct SiteSettings: Sendable {
    /// The site's name, shown in the header and `<title>`.
    public var title: String
    /// The absolute URL the site is published at (ends with `/`), for canonical links and the sitemap.
    public var baseURL: String?
    /// A URL prefix for "view source" links.
    public var repositoryURL: String?
    /// Where root-relative links lead.
    public var rootLinkBase: String?
    /// Whether the site gets a search index: pages then carry the search box and `<lang>/search.html` is written.
    public var search: Bool

    /// Creates settings.
    public init(
        title: String, baseURL: String? = nil, repositoryURL: String? = nil, rootLinkBase: String? = nil,
        search: Bool = false
    ) {
        self.title = title
        self.baseURL = baseURL
        self.repositoryURL = repositoryURL
        self.rootLinkBase = rootLinkBase
        self.search = search
    }
}

/// One article's pages and what the site-wide checks need from them.
public struct RenderedArticle: Sendable {
    /// The pages written (one per language).
    public var files: [OutputFile]
    /// Problems found while rendering.
    public var diagnostics: [Diagnostic]
    /// Ids links may target on this article's pages.
    public var anchors: Set<String>
    /// Links from this article to other pages' fragments.
    public var fragmentLinks: [FragmentLink]
    /// The article's line of the translation coverage page.
    public var coverage: CoverageReport.Entry?
}

/// Renders the pages of a site: each article in both languages with its navigation furniture,
/// a home page per language and the root language chooser. Pure: values in, `OutputFile`s out.
public struct SiteRenderer: Sendable {
    /// The theme (strings and assets).
    public let theme: Theme
    /// The compiled templates.
    public let templates: PageTemplates
    /// Output paths.
    public let paths: PagePaths
    /// Site-wide settings.
    public let settings: SiteSettings
    /// Decision flows by name.
    public let flows: [String: Flow]
    /// The segments whose translation is out of date (none without a baseline revision).
    public let stale: StaleTranslations
    let furniture: Furniture
    /// Interface labels that name a language (`countLabel`), by key and languages.
    let labels = SharedMemo<String>()

    /// Creates a renderer over the site's navigation; `titles` maps each page's content path to its titles.
    public init(
        theme: Theme, templates: PageTemplates, paths: PagePaths, settings: SiteSettings,
        navigation: Navigation = Navigation(roots: []), titles: [String: (target: String, source: String?)] = [:],
        flows: [Flow] = [], stale: StaleTranslations = .none
    ) {
        self.stale = stale
        self.flows = Dictionary(flows.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        // Every text's language variables ({target}, {source}) are filled once for the site's pair.
        let theme = theme.resolved(target: paths.targetLanguage, source: paths.sourceLanguage)
        self.theme = theme
        self.templates = templates
        self.paths = paths
        self.settings = settings
        self.contexts = PageContext(theme: theme, paths: paths, siteTitle: settings.title, search: settings.search)
        self.furniture = Furniture(
            index: NavigationIndex(navigation), paths: paths, theme: theme, titles: titles,
            rootLinkBase: settings.rootLinkBase)
    }

    /// The site's name.
    public var siteTitle: String { settings.title }

    let contexts: PageContext

    /// Both language pages of one compiled article, and its translator view.
    public func renderArticle(_ compiled: CompiledArticle) -> RenderedArticle {
        let article = compiled.article
        let bodyRenderer = ArticleRenderer(theme: theme, flows: flows, paths: paths)
        var bodies: [TextSide: RenderedBody] = [:]
        // The English first: a stale segment's note on the translated page shows its current English.
        if let body = compiled.body(.source) { bodies[.source] = bodyRenderer.render(body, articlePath: article.path) }
        let staleIDs = stale.segments(in: article.path)
        var staleSource: [String: String] = [:]
        if !staleIDs.isEmpty {
            for (id, html) in bodies[.source]?.segments ?? [] where staleIDs[id] != nil { staleSource[id] = html }
        }
        if let body = compiled.body(.target) {
            bodies[.target] = bodyRenderer.render(body, articlePath: article.path, staleSource: staleSource)
        }
        let sourceSegments = bodies[.source]?.segments ?? []
        var files: [OutputFile] = []
        var problems = compiled.diagnostics
        for language in paths.languages {
            let side = paths.side(for: language)
            let outputPath = paths.page(forArticle: article.path, in: language)
            var context: [String: Any]
            let template: String
            if let body = bodies[side] {
                context = articleContext(
                    article, body: body, language: language, outputPath: outputPath,
                    sourceSegments: side == .target ? sourceSegments : [])
                template = "article"
            } else {
                context = missingContext(compiled, language: language, outputPath: outputPath)
                template = "missing"
            }
            PageContext.merge(
                furniture.context(forPage: article.path, outputPath: outputPath, language: language), into: &context)
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
        var coverage: CoverageReport.Entry?
        if article.kind == .markdown {
            let findings = TranslationChecker.check(article)
            coverage = coverageEntry(article, findings: findings)
            if let view = translatorView(article, bodies: bodies, findings: findings) { files.append(view) }
        }
        return RenderedArticle(
            files: files, diagnostics: problems, anchors: compiled.target.anchors,
            fragmentLinks: compiled.fragmentLinks, coverage: coverage)
    }

    private func articleContext(
        _ article: Article, body: RenderedBody, language: Language, outputPath: String,
        sourceSegments: [(id: String, html: String)]
    ) -> [String: Any] {
        let side = paths.side(for: language)
        let title = article.title(side) ?? article.targetTitle
        var context = contexts.base(outputPath: outputPath, language: language, kind: "article", title: title)
        let other = paths.languages.first { $0 != language } ?? language
        let otherPath = paths.page(forArticle: article.path, in: other)
        let outline = body.headings.filter { $0.level == 2 || $0.level == 3 }.map { heading -> [String: Any] in
            ["id": heading.id, "text": heading.text, "level": heading.level, "isH3": heading.level == 3]
        }
        // The page's values go straight into the base context's `page` dictionary, taken out so
        // that it is not shared (and copied at the first insertion), and put back at the end.
        var values = context.removeValue(forKey: "page") as? [String: Any] ?? [:]
        values.reserveCapacity(values.count + 40)
        values["content"] = body.html
        values["sourcePath"] = article.path
        values["outline"] = outline
        values["hasOutline"] = !outline.isEmpty
        values["otherLanguage"] = contexts.alternate(from: outputPath, to: otherPath, language: other)
        values["alternates"] = contexts.alternates(
            from: outputPath,
            to: (article.isTargetOnly ? [paths.targetLanguage] : paths.languages).map {
                ($0, paths.page(forArticle: article.path, in: $0))
            })
        values["machineTranslated"] = article.frontMatter.translationType == .machine && side == .target
        values["targetOnly"] = article.isTargetOnly
        values["segmentCount"] = article.segmentCount
        // The source segments themselves are read by the script from the source-language page.
        values["hasSourceSegments"] = !sourceSegments.isEmpty
        values["sourceLang"] = paths.sourceLanguage.code
        values["sourceDir"] = paths.sourceLanguage.direction
        values["pageKind"] = article.kind.rawValue
        values["isFAQ"] = article.kind == .faq
        values["isLanding"] = article.kind == .landing
        if side == .target, let type = article.frontMatter.translationType { values["translationType"] = type.rawValue }
        // An article not translated yet (no pairs, its locale another language, as DocFX falls back
        // to English) shows that language: the page says so in <html lang>, and is indexed in it.
        if side == .target, article.isTargetOnly, let locale = article.frontMatter.contentLocale, !locale.isEmpty,
            Language(locale) != language
        {
            values["contentLang"] = Language(locale).code
            values["contentDir"] = Language(locale).direction
        }
        for (key, value) in publishing(outputPath: outputPath, language: language) { values[key] = value }
        if let repository = settings.repositoryURL {
            values["sourceURL"] = repository + article.path
        }
        if let description = article.frontMatter.description, side == .target || article.isTargetOnly {
            values["description"] = description
        }
        if let date = article.frontMatter.date ?? article.frontMatter.lastHandoff {
            values["date"] = ["iso": date.iso8601, "display": DateText.display(date, languageCode: language.code)]
        }
        if article.kind == .faq, side == .target {
            values["structuredData"] = StructuredData.faqPage(article.faq, language: language)
        }
        context["page"] = values
        return context
    }

    /// Canonical URL and Open Graph values of a page.
    func publishing(outputPath: String, language: Language) -> [String: Any] {
        let canonical =
            settings.baseURL.map { $0 + outputPath }
            ?? (outputPath.split(separator: "/").last.map(String.init) ?? outputPath)
        var values: [String: Any] = [
            "canonical": canonical,
            "ogLocale": contexts.openGraphLocales[language.code] ?? language.openGraphLocale,
        ]
        if settings.baseURL != nil { values["absoluteURL"] = canonical }
        return values
    }

    private func missingContext(_ compiled: CompiledArticle, language: Language, outputPath: String) -> [String: Any] {
        let article = compiled.article
        var context = contexts.base(
            outputPath: outputPath, language: language, kind: "missing", title: theme.string("missingTitle", language))
        let target = paths.targetLanguage
        let targetPath = paths.page(forArticle: article.path, in: target)
        let flowsShown = compiled.referencedFlows.compactMap { flows[$0] }
        PageContext.merge(
            [
                "articleTitle": article.targetTitle,
                "sourcePath": article.path,
                "otherLanguage": contexts.alternate(from: outputPath, to: targetPath, language: target),
                "alternates": contexts.alternates(from: outputPath, to: [(target, targetPath)]),
                "robotsNoIndex": true,
                "canonical": SitePath.relativeURL(from: outputPath, to: targetPath),
                "hasFlows": !flowsShown.isEmpty,
                "flows": flowsShown.map { flow in
                    [
                        "html": FlowHTML.embed(
                            flow: flow, language: language, texts: theme.strings(for: language),
                            pagePath: String(outputPath.dropFirst(language.code.count + 1)))
                    ]
                },
            ], into: &context)
        return context
    }
}

extension Article {
    /// The number of complete segments, counted without collecting them (`segments.count`).
    fileprivate var segmentCount: Int {
        body.pieces.reduce(0) { count, piece in
            if case .segment = piece { count + 1 } else { count }
        }
    }
}
