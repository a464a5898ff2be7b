import DocGenContent
import DocGenCore
import DocGenRender
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

    /// Creates build options.
    public init(content: URL, output: URL, templates: URL, force: Bool = false) {
        self.content = content
        self.output = output
        self.templates = templates
        self.force = force
    }
}

/// What a build did: counts, stage timings and every diagnostic.
public struct BuildReport: Sendable {
    /// Articles parsed.
    public var articleCount = 0
    /// HTML pages written.
    public var pageCount = 0
    /// Every diagnostic, sorted for output.
    public var diagnostics: [Diagnostic] = []
    /// Seconds spent in each named stage, in order.
    public var stageTimes: [(name: String, seconds: Double)] = []
}

/// The build, as a flat list of named, timed stages:
/// load content → load theme → parse articles → render pages → write output.
public enum SiteBuilder {
    /// Builds the site. Throws only when the build cannot run at all (missing folders, unsafe
    /// output, write failure); problems in the content are diagnostics in the report.
    public static func build(_ options: BuildOptions) throws -> BuildReport {
        var report = BuildReport()
        let writer = OutputWriter(output: options.output, force: options.force)
        try writer.checkSafe(content: options.content)

        let (content, loadDiagnostics) = try timed("load content", &report) {
            try ContentLoader.load(root: options.content, excluding: options.output)
        }
        let (theme, themeDiagnostics) = try timed("load theme", &report) { try ThemeLoader.load(root: options.templates) }
        let parsed = timed("parse articles", &report) { Parallel.map(content.articles) { ArticleParser.parse($0) } }
        let articles = parsed.map(\.article)
        let targetLanguage = SiteLanguages.target(of: articles)
        let (files, renderDiagnostics) = timed("render pages", &report) {
            renderPages(articles: articles, resources: content.resources, theme: theme, target: targetLanguage)
        }
        try timed("write output", &report) {
            let copies = content.resources.filter(isPublishedResource).map {
                (output: $0, source: options.content.appendingPathComponent($0))
            }
            try writer.write(files: files + theme.assets, copies: copies)
        }
        report.articleCount = articles.count
        report.pageCount = files.filter { $0.path.hasSuffix(".html") }.count
        report.diagnostics = (loadDiagnostics + themeDiagnostics + parsed.flatMap(\.diagnostics) + renderDiagnostics)
            .sortedForOutput()
        return report
    }

    /// Renders every page; the articles are rendered in parallel, the result is in a fixed order.
    static func renderPages(articles: [Article], resources: [String], theme: Theme, target: Language)
        -> ([OutputFile], [Diagnostic])
    {
        let paths = PagePaths(targetLanguage: target)
        let (templates, templateDiagnostics) = PageTemplates.compile(theme)
        let links = LinkResolver(
            articlePaths: Set(articles.map(\.path)), resourcePaths: Set(resources), paths: paths)
        let siteTitle = theme.string("siteTitle", target)
        let renderer = SiteRenderer(theme: theme, templates: templates, paths: paths, links: links, siteTitle: siteTitle)
        let rendered = Parallel.map(articles) { renderer.renderArticle($0) }
        var files = rendered.flatMap(\.files)
        files += renderer.renderHomes(articles)
        if let root = renderer.renderRoot() { files.append(root) }
        return (files, templateDiagnostics + rendered.flatMap(\.diagnostics))
    }

    /// Resources copied to the output: images and downloads, not the docset's own configuration.
    static func isPublishedResource(_ path: String) -> Bool {
        let ext = SitePath.pathExtension(path)
        return !["md", "yml", "yaml", "json"].contains(ext) && !path.hasPrefix(".")
    }

    private static func timed<T>(_ name: String, _ report: inout BuildReport, _ work: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try work()
        report.stageTimes.append((name, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
        return result
    }
}
