import DocGenCompile
import DocGenContent
import DocGenCore
import DocGenFlowchart
import DocGenRender
import DocGenTranslation
import Foundation

/// What an incremental update renders changed articles with: the configuration, and the page
/// stage (compiler, templates, renderer with the navigation and titles of the cache) writing in
/// place into the output. A repeated `docgen build` makes one per build; `docgen serve` keeps
/// one between edits (`LiveBuild`), valid as long as the site key does not change, so an edit
/// to an article's body re-reads, re-renders and writes that article and nothing else.
struct PreparedUpdate {
    let options: BuildOptions
    let config: DocsetConfiguration
    /// Every non-article file of the content (images are copied when they change).
    let resources: Set<String>
    let stage: PageStage
    let sink: OutputInPlace
    /// The Pagefind that indexes the site, when search is on and it is installed.
    let pagefind: URL?

    /// Reads the content's other files and makes the page stage as a full build would.
    static func make(
        options: BuildOptions, listing: [ListedFile], themeFiles: [String: [UInt8]], cache: BuildCache
    ) throws -> PreparedUpdate {
        let (content, _) = try ContentLoader.load(
            root: options.content, listing: listing.filter { ContentLoader.kind(of: $0.path) != .article })
        let (config, _) = DocsetConfiguration.parse(docfx: content.docfx, docgen: content.docgenConfig)
        let pagefind = options.search ? SearchIndexer.locate(explicit: options.pagefind) : nil
        let (source, _) = SiteLanguages.source(configured: config.sourceLanguage, config: nil)
        let sink = OutputInPlace(root: options.output.standardizedFileURL)
        let (theme, _) = ThemeLoader.load(files: themeFiles)
        let flows = content.structureFiles.filter(SiteBuilder.isFlowFile).compactMap { FlowParser.parse($0).flow }
        let includes = content.includeFiles.map { ArticleParser.parse($0, isInclude: true).article }
        let pages = cache.articles.filter(\.value.isPage)
        let yamlPages = Set(pages.keys.filter { ContentLoader.kind(of: $0) != .article })
        let inputs = PageStageSetup.Inputs(
            config: config, theme: theme,
            paths: PagePaths(targetLanguage: Language(cache.targetLanguage), sourceLanguage: source),
            navigation: cache.navigation,
            titles: pages.mapValues { (target: $0.targetTitle, source: $0.sourceTitle) },
            articlePages: Set(pages.keys).subtracting(yamlPages), yamlPages: yamlPages,
            resources: Set(content.resources), includes: includes, flows: flows, stale: .none,
            search: pagefind != nil, safeHTML: config.safeHTML || options.safeHTML)
        var (stage, _) = PageStageSetup.make(inputs, sink: sink, workers: options.workers)
        stage.progress = options.progress
        return PreparedUpdate(
            options: options, config: config, resources: Set(content.resources), stage: stage, sink: sink,
            pagefind: pagefind)
    }

    /// A changed article, parsed (with the configuration's metadata defaults).
    typealias Parsed = (article: Article, problems: [Diagnostic], facts: ContentDigest)

    /// Parses the changed articles; `nil` when one of them changed what other pages see of it
    /// (front matter, titles, kind, target-only: a full build is then needed).
    func parse(_ changed: [(file: SourceFile, problems: [Diagnostic])], against cache: BuildCache) -> [Parsed]? {
        let parsed = changed.map { item -> Parsed in
            let result = ArticleParser.parse(item.file)
            var article = result.article
            let defaults = config.metadata(for: article.path)
            if !defaults.isEmpty {
                article.frontMatter = article.frontMatter.addingDefaults(defaults, path: article.path)
            }
            return (article, item.problems + result.diagnostics, SiteKey.facts(result.article, text: item.file.text))
        }
        for item in parsed where cache.articles[item.article.path]?.facts != item.facts { return nil }
        return parsed
    }

    /// Re-renders the parsed articles (`parse`) into the output, copies the changed resources,
    /// rewrites the manifest if the output's files changed and, with search, re-indexes the
    /// site (`reindexSearch`). The cache's stamps must hold the articles' new digests.
    func apply(
        _ cache: inout BuildCache, parsed: [Parsed], resources: [String], store: BuildCacheStore,
        report: inout BuildReport, indexSearch: Bool = true
    ) throws {
        try store.markUpdating()
        var outputsChanged = false
        try SiteBuilder.timed("pages", &report) {
            let rendered = parsed.filter { cache.articles[$0.article.path]?.isPage == true }
            let outcomes = stage.renderArticles(rendered.map(\.article))
            var coverageChanged = false
            for (article, problems, _) in parsed {
                guard var record = cache.articles[article.path] else { continue }
                let previous = record
                record.digest = cache.stamps[article.path]?.digest ?? record.digest
                record.diagnostics = problems
                if let index = rendered.firstIndex(where: { $0.article.path == article.path }) {
                    record.absorb(outcomes[index])
                    if let failure = outcomes[index].failure { throw failure }
                }
                coverageChanged = coverageChanged || record.coverage != previous.coverage
                if record.outputs != previous.outputs {
                    outputsChanged = true
                    for stale in Set(previous.outputs).subtracting(record.outputs) { sink.remove(stale) }
                }
                cache.articles[article.path] = record
            }
            if coverageChanged {
                let pages = Set(cache.articles.filter(\.value.isPage).keys)
                let entries = cache.articles.values.compactMap(\.coverage) + cache.includeCoverage
                if let page = stage.renderer.renderCoverage(pagePaths: pages, entries: entries) {
                    try sink.write(page)
                }
            }
            for resource in resources
            where SiteBuilder.isPublishedResource(resource) && config.isResource(resource) {
                try sink.copy(options.content.appendingPathComponent(resource), to: resource)
            }
        }
        if indexSearch, pagefind != nil, !parsed.isEmpty {
            try SiteBuilder.timed("search index", &report) { try reindexSearch(&cache) }
            outputsChanged = true
        }
        // A body edit writes the same files again: the manifest (thousands of lines) stays.
        if outputsChanged || cache.manifestStamp == nil { try writeManifest(&cache) }
        cache.writtenAt = CacheRecorder.now()
    }

    /// Indexes the output as it is now with Pagefind into a folder beside it and exchanges that
    /// with the output's index folder in one step (`SearchRefresh`); the cache then owns the new
    /// index's files, and a failure is kept as a site diagnostic (the output then has no index,
    /// as after a full build whose indexing failed). The manifest is not rewritten here.
    func reindexSearch(_ cache: inout BuildCache) throws {
        guard let pagefind else { return }
        let refresh = SearchRefresh(output: options.output)
        let made = refresh.make(with: pagefind)
        try refresh.install(made, into: &cache)
    }

    /// Rewrites the output's manifest from the cache and records its new stamp.
    func writeManifest(_ cache: inout BuildCache) throws {
        let outputs = (cache.articles.values.flatMap(\.outputs) + cache.siteOutputs).sorted()
        try sink.writeManifest(outputs)
        cache.manifestStamp = ContentListing.stamp(
            options.output.standardizedFileURL.appendingPathComponent(OutputWriter.manifestName).path)
        cache.writtenAt = CacheRecorder.now()
    }
}
