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
    /// A theme folder whose files replace the built-in theme's, file by file (`nil`: the built-in theme).
    public var templates: URL?
    /// Replace an output folder docgen did not write.
    public var force: Bool
    /// Threads for the parallel stages (`nil`: one per core). The output is the same for any number.
    public var workers: Int?
    /// The git revision of the content's repository translators last worked from (`--since`;
    /// overrides docgen.yml `baseline`): segments whose English changed since then while their
    /// translation did not are counted and marked stale. `nil`: docgen.yml's, or none.
    public var since: String?
    /// Leave the previous output as it was when the build has errors (`--keep-on-error`), instead
    /// of publishing the new site with them. With `strict`, warnings count as errors here too.
    public var keepOnError = false
    /// Whether warnings count as errors (`--strict`), for `keepOnError`.
    public var strict = false
    /// Wait for another build of the same output to finish (the default), or refuse at once.
    public var waitForOutput = true
    /// Told once when the build waits for another one (with its process id when known).
    public var onWait: (@Sendable (Int32?) -> Void)?
    /// Whether to index the site for search with Pagefind (`docgen build` does unless `--no-search`;
    /// off by default here, so library callers and tests do not depend on an outside program).
    public var search: Bool
    /// The Pagefind executable to run; `nil`: found by `SearchIndexer.locate`.
    public var pagefind: URL?

    /// Write the site. `false` is `docgen check`: every page is rendered for its diagnostics
    /// and nothing is written.
    public var writesOutput = true
    /// Keep a build cache beside the output and re-render only what changed (`false`: build
    /// everything and remove the cache). Builds with a baseline revision never use one.
    public var usesCache = true
    /// The cache of earlier builds in this process (`docgen serve`), so a rebuild reads no cache file.
    public var cacheMemory: BuildCacheMemory?
    /// Called from any thread as article pages are written: articles done, articles to render.
    public var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?
    /// Hold raw HTML to the safe allow-list (`--safe-html`; docgen.yml `safeHTML: true` also does).
    public var safeHTML = false
    /// Leave the search index of an update in place to the caller (`docgen serve` makes it in the
    /// background after the reload, `LiveBuild.makeSearchIndex`); a full build still indexes its
    /// staged site before the swap.
    public var defersSearchIndex = false
    /// Leave the build's content model (articles, navigation, outcomes) allocated when `build`
    /// returns, for a process that exits right after (`docgen build`): freeing it piece by piece
    /// is serial work the operating system does at once on exit. A long-running caller
    /// (`docgen serve`, tests) keeps the default and gets the memory back.
    public var keepsMemoryUntilExit = false

    /// Creates build options.
    public init(
        content: URL, output: URL, templates: URL?, force: Bool = false, workers: Int? = nil, since: String? = nil,
        search: Bool = false, pagefind: URL? = nil
    ) {
        self.search = search
        self.pagefind = pagefind
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
    /// Whether the new site replaced the output (`false` when `keepOnError` kept the previous one).
    public var published = false
    /// Articles whose pages were kept from the previous build (the build cache).
    public var cacheHits = 0
    /// Articles whose pages were rendered by this build.
    public var renderedArticles = 0
    /// HTML pages of the site per language code (`fr`, `en`), all of them, kept or written.
    public var pagesPerLanguage: [String: Int] = [:]
    /// Whether this build updated the previous output from the cache instead of building all.
    public var incremental = false
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
        guard FileManager.default.fileExists(atPath: options.content.path) else {
            throw BuildFailure.contentMissing(options.content.path)
        }
        // The output's place is checked before the lock file is made beside it; its files (for
        // foreign ones) once the lock's recovery may have put a previous site back, after the
        // incremental attempt (see below).
        if options.writesOutput { try writer.checkLocation(content: options.content) }
        // Held to the end of the build: one build at a time writes, cleans up and swaps this output.
        let outputLock =
            options.writesOutput ? try writer.lock(wait: options.waitForOutput, waiting: options.onWait) : nil
        defer { withExtendedLifetime(outputLock) {} }
        let listing = timed("list content", &report) { ContentListing.walk(options.content, excluding: options.output) }
        let themeFiles = try ThemeLoader.files(overrides: options.templates)
        let store = BuildCacheStore(output: options.output, memory: options.cacheMemory)
        let caching = options.writesOutput && options.usesCache && options.since == nil
        let global = caching ? SiteKey.global(options: options, listing: listing, themeFiles: themeFiles) : nil
        // A --keep-on-error build must be able to leave the output as it was: it is a full one.
        if let global, !options.keepOnError, let cache = store.load() {
            let incremental = IncrementalBuild(
                options: options, listing: listing, themeFiles: themeFiles, global: global, store: store)
            if let done = try incremental.run(cache, report: report) { return done }
        }
        // After the incremental attempt: it only rewrites files the cache says this build wrote
        // into an output whose manifest is as that build left it, and checking every file of a
        // large output for foreign ones would cost more than the whole incremental build.
        if options.writesOutput { try writer.checkSafe(content: options.content) }
        var recorder = CacheRecorder(listing: listing, caching: caching)
        // The theme (strings files, templates) depends on nothing below: it is read and compiled on a
        // thread of its own while the content is loaded and parsed, instead of as a serial step.
        let workers = options.workers
        let themeWork = Parallel.start(workers: workers) { () -> (Theme, [Diagnostic], PageTemplates, [Diagnostic]) in
            let (theme, problems) = ThemeLoader.load(files: themeFiles, workers: workers)
            let (templates, templateProblems) = PageTemplates.compile(theme)
            return (theme, problems, templates, templateProblems)
        }

        // The articles are read by the parse below, each text let go once it is parsed: the texts
        // and the parsed articles are never all in memory together.
        let content = try timed("load content", &report) {
            let (content, problems) = try ContentLoader.load(
                root: options.content, listing: listing, excluding: options.output, workers: options.workers,
                readingArticles: false)
            diagnostics += recorder.keepArticleDiagnostics(problems)
            return content
        }
        // The theme's diagnostics keep their place in the list; the theme itself is awaited only
        // where the pages need it, so it is read while the articles are parsed.
        let themeDiagnosticsIndex = diagnostics.count
        // The tables of contents (Yams) and the include files are read beside the articles, not after them.
        let tocWork = Parallel.start(workers: options.workers) {
            content.structureFiles.filter { TableOfContents.isTOCFile($0.path) }.map { TOCParser.parse($0) }
        }
        let includesWork = Parallel.start(workers: options.workers) {
            content.includeFiles.map { ArticleParser.parse($0, isInclude: true) }
        }
        let (config, configProblems) = DocsetConfiguration.parse(docfx: content.docfx, docgen: content.docgenConfig)
        diagnostics += configProblems

        // Staleness compares the articles' texts with a revision's: only then are they all read first.
        var texts: [SourceFile]?
        var stalenessProblem: Diagnostic?
        let stale = timed("staleness", &report) { () -> StaleTranslations in
            guard let revision = options.since ?? config.baseline else { return .none }
            let read = ContentLoader.readArticles(content, workers: options.workers) { $0 }
            diagnostics += recorder.keepArticleDiagnostics(read.flatMap(\.1))
            texts = read.compactMap(\.0)
            let (stale, problem) = Staleness.compute(
                revision: revision, content: options.content, current: texts! + content.includeFiles,
                location: options.since == nil ? config.baselineLocation : nil)
            stalenessProblem = problem
            return stale
        }
        let articles = timed("parse pages", &report) {
            parsePages(
                content, texts: texts, config: config, workers: options.workers, recorder: &recorder,
                diagnostics: &diagnostics)
        }
        let flows = timed("parse flows", &report) { () -> [Flow] in
            content.structureFiles.filter(isFlowFile).compactMap { file in
                let result = FlowParser.parse(file)
                diagnostics += result.diagnostics
                return result.flow
            }
        }
        let includes = includesWork.value
        diagnostics += includes.flatMap(\.diagnostics)
        if let stalenessProblem { diagnostics.append(stalenessProblem) }
        let pageSet = Set(articles.map(\.path))
        let navigation = timed("build navigation", &report) { () -> Navigation in
            let tocs = tocWork.value.map { (toc, problems) in
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

        // Pagefind is found before the pages are rendered: without it they get no search box.
        let pagefind =
            options.search ? timed("find pagefind", &report) { SearchIndexer.locate(explicit: options.pagefind) } : nil
        if options.search, pagefind == nil { diagnostics.append(SearchIndexer.missingNote) }
        let (theme, themeProblems, templates, templateProblems) = timed("load theme", &report) { themeWork.value }
        diagnostics.insert(contentsOf: themeProblems, at: themeDiagnosticsIndex)
        let (sourceLanguage, sourceProblems) = SiteLanguages.source(
            configured: config.sourceLanguage, config: content.docgenConfig)
        let (targetLanguage, languageProblems) = SiteLanguages.target(
            configured: config.targetLanguage, config: content.docgenConfig, articles: articles,
            source: sourceLanguage)
        diagnostics += sourceProblems + languageProblems
        let paths = PagePaths(targetLanguage: targetLanguage, sourceLanguage: sourceLanguage)
        // Flow labels are required in the site's two languages, known only now.
        for flow in flows { diagnostics += FlowValidator.validate(flow, languages: paths.languages) }
        if let note = theme.missingStringsNote(target: targetLanguage, source: sourceLanguage) {
            diagnostics.append(note)
        }
        let plan = OutputPlan(
            paths: paths, articles: articles.filter { $0.frontMatter.redirectURL == nil }, redirects: redirects,
            flows: flows, assets: theme.assets.map(\.path),
            resources: content.resources.filter { isPublishedResource($0) && config.isResource($0) },
            hasBaseURL: config.baseURL != nil)
        diagnostics += plan.diagnostics
        let pages = plan.articles
        redirects = plan.redirects
        let staging: any PageSink = options.writesOutput ? try writer.stage() : DiscardingSink()
        (staging as? OutputStaging)?.expectRefusals(plan.reported)
        let outcome = timed("pages", &report) { () -> PageStage.Outcome in
            let yamlPages = Set(pages.filter { $0.kind != .markdown }.map(\.path))
            let inputs = PageStageSetup.Inputs(
                config: config, theme: theme, paths: paths, navigation: navigation,
                titles: Dictionary(
                    pages.map { ($0.path, (target: $0.targetTitle, source: $0.sourceTitle)) },
                    uniquingKeysWith: { a, _ in a }),
                articlePages: Set(pages.map(\.path)).subtracting(yamlPages), yamlPages: yamlPages,
                resources: Set(content.resources), includes: includes.map(\.article), flows: flows, stale: stale,
                search: pagefind != nil, safeHTML: config.safeHTML || options.safeHTML)
            var stage = PageStageSetup.make(inputs, templates: templates, sink: staging, workers: options.workers)
            stage.progress = options.progress
            diagnostics += templateProblems
            let perArticle = stage.renderArticles(pages)
            recorder.includeCoverage = stage.includeCoverage(includes.map(\.article))
            var outcome = stage.renderSitePages(
                pages, coverage: perArticle.compactMap(\.coverage) + recorder.includeCoverage, redirects: redirects)
            recorder.siteCounts = [outcome.links.links, outcome.links.pages, outcome.htmlPages]
            outcome.count(perArticle)
            recorder.rendered(pages, outcomes: perArticle)
            return outcome
        }
        diagnostics += outcome.diagnostics
        var siteDiagnostics = diagnostics
        diagnostics += recorder.articleDiagnostics + recorder.anchorDiagnostics()
        if config.rootLinkBase == nil, outcome.links.links > 0 {
            diagnostics.append(rootRelativeLinkNote(links: outcome.links.links, pages: outcome.links.pages))
        }
        var published = false
        if let staging = staging as? OutputStaging {
            do {
                if let failure = outcome.failure { throw failure }
                try timed("assets", &report) {
                    for asset in theme.assets { try staging.write(asset) }
                    for resource in plan.resources {
                        try staging.copy(
                            options.content.appendingPathComponent(resource), to: paths.resource(resource))
                    }
                }
                // Indexed in the staging folder, so the index is swapped in with the pages it describes.
                var late: [Diagnostic] = []
                if let pagefind {
                    late += timed("search index", &report) { SearchIndexer.index(staging, with: pagefind) }
                }
                late += staging.diagnostics
                diagnostics += late
                siteDiagnostics += late
                let articleOutputs = recorder.articleOutputs  // a set built once, not once per path
                recorder.siteOutputs = staging.writtenPaths.filter { !articleOutputs.contains($0) }
                let failed = diagnostics.contains {
                    $0.severity == .error || (options.strict && $0.severity == .warning)
                }
                try timed("publish", &report) {
                    if options.keepOnError, failed {
                        writer.discard(staging)
                    } else {
                        try writer.publish(staging)
                        published = true
                    }
                }
            } catch {
                writer.discard(staging)
                throw error
            }
        }
        report.published = published
        if let global, published, options.since == nil, config.baseline == nil {
            timed("save cache", &report) {
                store.save(
                    recorder.cache(
                        global: global, siteDiagnostics: siteDiagnostics, navigation: navigation,
                        targetLanguage: targetLanguage.code, manifest: writer.output))
            }
        } else if options.writesOutput {
            store.remove()
        }
        report.articleCount = articles.count
        report.pageCount = outcome.htmlPages
        report.renderedArticles = pages.count
        report.pagesPerLanguage = CacheRecorder.pagesPerLanguage(recorder.allOutputs)
        report.diagnostics = diagnostics.sortedForOutput()
        if options.keepsMemoryUntilExit {
            LeftoverMemory.keep(
                articles, pages, content, navigation, includes, flows, recorder, outcome, theme, templates, plan,
                diagnostics, siteDiagnostics)
        }
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

    static func timed<T>(_ name: String, _ report: inout BuildReport, _ work: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try work()
        report.stageTimes.append((name, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
        return result
    }
}

/// What one-shot builds leave allocated until the process exits (`BuildOptions.keepsMemoryUntilExit`).
enum LeftoverMemory {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var kept: [Any] = []

    static func keep(_ values: Any...) {
        lock.lock()
        kept.append(values)
        lock.unlock()
    }
}
