import DocGenCompile
import DocGenContent
import DocGenCore
import DocGenFlowchart
import DocGenRender
import DocGenTranslation

/// Makes the page stage (compiler and renderer) from the site's values, the same way for a
/// full build and an incremental one, so both render a page byte for byte alike.
enum PageStageSetup {
    /// The site's values the page stage is made of.
    struct Inputs {
        var config: DocsetConfiguration
        var theme: Theme
        var paths: PagePaths
        var navigation: Navigation
        /// Each page's target and English titles, by content path.
        var titles: [String: (target: String, source: String?)]
        /// Markdown pages (not YAML pages, not redirects), by content path.
        var articlePages: Set<String>
        /// YAML pages by content path.
        var yamlPages: Set<String>
        /// Every non-article file of the content, by content path.
        var resources: Set<String>
        var includes: [Article]
        var flows: [Flow]
        var stale: StaleTranslations
        /// Whether the site has a search index (pages get the search box).
        var search = false
        /// Whether raw HTML is held to the safe allow-list (`--safe-html`, docgen.yml `safeHTML`).
        var safeHTML = false
    }

    /// The page stage writing into `sink`, and the diagnostics of compiling the templates.
    static func make(_ inputs: Inputs, sink: any PageSink, workers: Int?) -> (PageStage, [Diagnostic]) {
        let (templates, diagnostics) = PageTemplates.compile(inputs.theme)
        return (make(inputs, templates: templates, sink: sink, workers: workers), diagnostics)
    }

    /// The page stage with the theme's templates already compiled (a full build compiles them
    /// while it loads the content).
    static func make(_ inputs: Inputs, templates: PageTemplates, sink: any PageSink, workers: Int?) -> PageStage {
        let paths = inputs.paths
        let theme = inputs.theme
        let links = LinkResolver(
            articlePaths: inputs.articlePages, resourcePaths: inputs.resources, otherPages: inputs.yamlPages,
            paths: paths, rootLinkBase: inputs.config.rootLinkBase)
        let labels = Dictionary(
            paths.languages.map { ($0.code, theme.string("imageDescription", $0)) }, uniquingKeysWith: { a, _ in a })
        let compiler = ArticleCompiler(
            links: links, includes: inputs.includes, flowNames: Set(inputs.flows.map(\.name)),
            imageDescriptionLabels: labels, safeHTML: inputs.safeHTML)
        let config = inputs.config
        let settings = SiteSettings(
            title: config.siteTitle ?? theme.string("siteTitle", paths.targetLanguage), baseURL: config.baseURL,
            repositoryURL: config.repositoryURL, rootLinkBase: config.rootLinkBase,
            search: inputs.search)
        let renderer = SiteRenderer(
            theme: theme, templates: templates, paths: paths, settings: settings, navigation: inputs.navigation,
            titles: inputs.titles, flows: inputs.flows, stale: inputs.stale)
        return PageStage(compiler: compiler, renderer: renderer, staging: sink, workers: workers)
    }
}
