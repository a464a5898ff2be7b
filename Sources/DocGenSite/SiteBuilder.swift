import DocGenCompile
import DocGenContent
import DocGenCore
import DocGenFlowchart
import DocGenRender
import DocGenTranslation
import Foundation

/// What a build needs to know.
public struct BuildOptions: Sendable {
    /// The folder of Markdown articles.
    public var content: URL
    /// The folder the site is written to (replaced as a whole).
    public var output: URL
    /// The theme folder.
    public var templates: URL
    /// Replace an output folder docgen did not write.
    public var force: Bool
    /// Threads for the parallel stages (`nil`: one per core). The output is the same for any number.
    public var workers: Int?
    /// The git revision of the content's repository translators last worked from (`--since`;
    /// overrides docgen.yml `baseline`): segments whose English changed since then while their
    /// translation did not are counted and marked stale. `nil`: docgen.yml's, or none.
    public var since: String?
    /// Hold raw HTML to the safe allow-list (`--safe-html`; docgen.yml `safeHTML: true` also does).
    public var safeHTML = false

    /// Creates build options.
    public init(
        content: URL, output: URL, templates: URL, force: Bool = false, workers: Int? = nil, since: String? = nil
    ) {
        self.workers = workers
        self.since = since
        self.content = content
        self.output = output
        self.templates = templates
        self.force = force
    }
}

/// What a build did: counts, stage timings and every diagnostic.
public struct BuildReport: Sendable {
    /// Articles and YAML pages parsed.
    public var articleCount = 0
    /// HTML pages written.
    public var pageCount = 0
    /// Every diagnostic, sorted for output.
    public var diagnostics: [Diagnostic] = []
    /// Seconds spent in each named stage, in order.
    public var stageTimes: [(name: String, seconds: Double)] = []
}

/// The build, as a flat list of named, timed stages:
/// load content → load theme → parse pages → build navigation → render pages → check links → write output.
public enum SiteBuilder {
    /// Builds the site. Throws only when the build cannot run at all (missing folders, unsafe
    /// output, write failure); problems in the content are diagnostics in the report.
    public static func build(_ options: BuildOptions) throws -> BuildReport {
        var report = BuildReport()
        var diagnostics: [Diagnostic] = []
        let writer = OutputWriter(output: options.output, force: options.force)
        try writer.checkSafe(content: options.content)

        var content = try timed("load content", &report) {
            let (content, problems) = try ContentLoader.load(root: options.content, excluding: options.output)
            diagnostics += problems
            return content
        }
        let theme = try timed("load theme", &report) {
            let (theme, problems) = try ThemeLoader.load(root: options.templates)
            diagnostics += problems
            return theme
        }
        let (config, configProblems) = DocsetConfiguration.parse(docfx: content.docfx, docgen: content.docgenConfig)
        diagnostics += configProblems

        let articles = timed("parse pages", &report) { () -> [Article] in
            let sources = content.articles.filter { config.isContent($0.path) }
            let yamlPages = content.structureFiles.filter {
                config.isContent($0.path) && YamlPageParser.kind(of: $0.text) != nil && !isFlowFile($0)
            }
            let parsed =
                Parallel.map(sources, workers: options.workers) { ArticleParser.parse($0) }
                + yamlPages.compactMap { YamlPageParser.parse($0) }
            diagnostics += parsed.flatMap(\.diagnostics)
            return parsed.map { item in
                var article = item.article
                let defaults = config.metadata(for: article.path)
                if !defaults.isEmpty {
                    article.frontMatter = article.frontMatter.addingDefaults(defaults, path: article.path)
                }
                return article
            }.sorted { $0.path < $1.path }
        }
        let flows = timed("parse flows", &report) { () -> [Flow] in
            content.structureFiles.filter(isFlowFile).compactMap { file in
                let result = FlowParser.parse(file)
                diagnostics += result.diagnostics
                guard let flow = result.flow else { return nil }
                diagnostics += FlowValidator.validate(flow)
                return flow
            }
        }
        let includes = content.includeFiles.map { ArticleParser.parse($0, isInclude: true) }
        diagnostics += includes.flatMap(\.diagnostics)
        let stale = timed("staleness", &report) { () -> StaleTranslations in
            guard let revision = options.since ?? config.baseline else { return .none }
            let (stale, problem) = Staleness.compute(
                revision: revision, content: options.content, current: content.articles + content.includeFiles,
                location: options.since == nil ? config.baselineLocation : nil)
            if let problem { diagnostics.append(problem) }
            return stale
        }
        // The articles' file texts are parsed into `articles` by now; letting them go lowers the
        // build's peak memory by the size of the docset.
        content.articles.removeAll()
        let pageSet = Set(articles.map(\.path))
        let navigation = timed("build navigation", &report) { () -> Navigation in
            let tocs = content.structureFiles.filter { TableOfContents.isTOCFile($0.path) }.map { file in
                let (toc, problems) = TOCParser.parse(file)
                diagnostics += problems
                return toc
            }
            let titles = Dictionary(articles.map { ($0.path, $0.targetTitle) }, uniquingKeysWith: { a, _ in a })
            let (navigation, problems) = NavigationBuilder(tocs: tocs, pageTitles: titles).build()
            diagnostics += problems
            return navigation
        }
        var redirects: [Redirect] = articles.compactMap {
            RedirectParser.fromFrontMatter(
                $0, pages: pageSet, docsetFolder: options.content.standardizedFileURL.lastPathComponent)
        }
        if let file = content.redirections {
            let (parsed, problems) = RedirectParser.parse(
                file,
                docsetFolder: file.path.hasPrefix("../") ? options.content.standardizedFileURL.lastPathComponent : "",
                pages: pageSet)
            redirects += parsed
            diagnostics += problems
        }

        let targetLanguage = config.targetLanguage.map(Language.init) ?? SiteLanguages.target(of: articles)
        let pages = articles.filter { $0.frontMatter.redirectURL == nil }
        let paths = PagePaths(targetLanguage: targetLanguage)
        let staging = try writer.stage()
        let outcome = timed("pages", &report) { () -> PageStage.Outcome in
            let yamlPages = Set(pages.filter { $0.kind != .markdown }.map(\.path))
            let links = LinkResolver(
                articlePaths: Set(pages.map(\.path)).subtracting(yamlPages), resourcePaths: Set(content.resources),
                otherPages: yamlPages, paths: paths, rootLinkBase: config.rootLinkBase)
            let labels = Dictionary(
                paths.languages.map { ($0.code, theme.string("imageDescription", $0)) }, uniquingKeysWith: { a, _ in a }
            )
            let compiler = ArticleCompiler(
                links: links, includes: includes.map(\.article), flowNames: Set(flows.map(\.name)),
                imageDescriptionLabels: labels, safeHTML: config.safeHTML || options.safeHTML)
            let (templates, templateDiagnostics) = PageTemplates.compile(theme)
            diagnostics += templateDiagnostics
            let settings = SiteSettings(
                title: config.siteTitle ?? theme.string("siteTitle", paths.targetLanguage), baseURL: config.baseURL,
                repositoryURL: config.repositoryURL, rootLinkBase: config.rootLinkBase)
            let titles = Dictionary(
                pages.map { ($0.path, (target: $0.targetTitle, source: $0.sourceTitle)) },
                uniquingKeysWith: { a, _ in a })
            let renderer = SiteRenderer(
                theme: theme, templates: templates, paths: paths, settings: settings, navigation: navigation,
                titles: titles, flows: flows, stale: stale)
            let stage = PageStage(compiler: compiler, renderer: renderer, staging: staging, workers: options.workers)
            return stage.run(pages: pages, includes: includes.map(\.article), redirects: redirects)
        }
        diagnostics += outcome.diagnostics
        if config.rootLinkBase == nil, outcome.links.links > 0 {
            diagnostics.append(rootRelativeLinkNote(links: outcome.links.links, pages: outcome.links.pages))
        }
        try timed("publish", &report) {
            do {
                if let failure = outcome.failure { throw failure }
                for asset in theme.assets { try staging.write(asset) }
                for resource in content.resources where isPublishedResource(resource) && config.isResource(resource) {
                    try staging.copy(options.content.appendingPathComponent(resource), to: resource)
                }
                try writer.publish(staging)
            } catch {
                writer.discard(staging)
                throw error
            }
        }
        report.articleCount = articles.count
        report.pageCount = outcome.htmlPages
        report.diagnostics = diagnostics.sortedForOutput()
        return report
    }

    /// One note for all links written relative to a web server root (`/azure/…`, as DocFX docsets
    /// link to other docsets): they work only on that server, so the site says where to point them.
    static func rootRelativeLinkNote(links count: Int, pages: Int) -> Diagnostic {
        Diagnostic(
            "docgen.link.root-relative", .note, at: nil,
            "\(count) links on \(pages) pages start with '/' (links to other docsets, such as /azure/…); they work only on the server they were written for",
            fix: "set rootLinkBase in docgen.yml (for example https://docs.microsoft.com/fr-fr) to make them absolute")
    }

    /// Decision flows are YAML files in a `flows/` folder of the content.
    static func isFlowFile(_ file: SourceFile) -> Bool {
        let parts = file.path.split(separator: "/")
        return parts.count >= 2 && parts[parts.count - 2].lowercased() == "flows"
            && ["yml", "yaml"].contains(SitePath.pathExtension(file.path))
    }

    /// Resources copied to the output: images and downloads, not the docset's own configuration.
    static func isPublishedResource(_ path: String) -> Bool {
        let ext = SitePath.pathExtension(path)
        return !["md", "yml", "yaml", "json"].contains(ext) && !path.hasPrefix(".") && !path.hasPrefix("../")
    }

    private static func timed<T>(_ name: String, _ report: inout BuildReport, _ work: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try work()
        report.stageTimes.append((name, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
        return result
    }
}
