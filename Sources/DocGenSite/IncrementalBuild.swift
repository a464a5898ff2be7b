import DocGenCompile
import DocGenContent
import DocGenCore
import DocGenFlowchart
import DocGenRender
import DocGenTranslation
import Foundation

/// A repeated build that brings the previous output up to date from the build cache: when
/// nothing every page depends on changed (`BuildCache.siteKey`), it re-renders only the articles
/// whose text changed (and the coverage page if their lines changed), copies changed images, and
/// reports every diagnostic as a full build would. Otherwise (`run` returns `nil`) the build is a
/// full one. The result is byte for byte the output of a full build of the same content.
struct IncrementalBuild {
    let options: BuildOptions
    let listing: [ListedFile]
    let themeFiles: [String: [UInt8]]
    let global: ContentDigest
    let store: BuildCacheStore

    /// Files modified this close (ns) to the cache's writing are read again even with the same stamp.
    static let racyWindow: Int64 = 2_000_000_000

    /// Updates the output, or returns `nil` when a full build is needed.
    func run(_ cache: BuildCache, report start: BuildReport) throws -> BuildReport? {
        var report = start
        let manifest = options.output.standardizedFileURL.appendingPathComponent(OutputWriter.manifestName)
        guard cache.manifestStamp != nil, ContentListing.stamp(manifest.path) == cache.manifestStamp,
            SiteKey.site(global: global, facts: cache.articles.mapValues(\.facts)) == cache.siteKey
        else { return nil }
        var cache = cache
        var changed: [(file: SourceFile, problems: [Diagnostic])] = []
        var changedResources: [String] = []
        var stampsChanged = false
        let base = options.content.standardizedFileURL.resolvingSymlinksInPath()
        let unchanged = SiteBuilder.timed("check cache", &report) { () -> Bool in
            for file in listing {
                let old = cache.stamps[file.path]
                if let old, old.stamp == file.stamp, old.stamp.modified < cache.writtenAt - Self.racyWindow { continue }
                stampsChanged = stampsChanged || old?.stamp != file.stamp
                let kind = ContentLoader.kind(of: file.path)
                guard kind == .article else {
                    // Not articles: their bytes are in the site key (text files) or copied when their stamp changes.
                    if old?.stamp == file.stamp { continue }
                    changedResources.append(file.path)
                    cache.stamps[file.path] = BuildCache.StampedDigest(
                        stamp: file.stamp, digest: ContentDigest(high: 0, low: 0))
                    continue
                }
                var problems: [Diagnostic] = []
                guard let source = ContentLoader.read(base, file.path, &problems) else { return false }
                let digest = ContentDigest.of(source.text)
                cache.stamps[file.path] = BuildCache.StampedDigest(stamp: file.stamp, digest: digest)
                if digest == old?.digest { continue }
                guard cache.articles[file.path] != nil else { return false }
                changed.append((source, problems))
            }
            return true
        }
        guard unchanged else { return nil }
        if !changed.isEmpty || !changedResources.isEmpty {
            guard try update(&cache, changed: changed, resources: changedResources, report: &report) else {
                return nil
            }
        }
        if stampsChanged || !changed.isEmpty || !changedResources.isEmpty { store.save(cache) }
        report.incremental = true
        report.published = true
        report.cacheHits = cache.articles.count - changed.count
        report.renderedArticles = changed.count
        return summarize(cache, report: report)
    }

    /// Re-renders the changed articles into the output; `false` when one of them changed what
    /// other pages see of it (a full build is then needed; the output is untouched).
    private func update(
        _ cache: inout BuildCache, changed: [(file: SourceFile, problems: [Diagnostic])], resources: [String],
        report: inout BuildReport
    ) throws -> Bool {
        let (content, _) = try ContentLoader.load(
            root: options.content,
            listing: listing.filter {
                ContentLoader.kind(of: $0.path) != .article
            })
        let (config, _) = DocsetConfiguration.parse(docfx: content.docfx, docgen: content.docgenConfig)
        let parsed = changed.map { item -> (Article, [Diagnostic], ContentDigest) in
            let result = ArticleParser.parse(item.file)
            var article = result.article
            let defaults = config.metadata(for: article.path)
            if !defaults.isEmpty {
                article.frontMatter = article.frontMatter.addingDefaults(defaults, path: article.path)
            }
            return (article, item.problems + result.diagnostics, SiteKey.facts(result.article, text: item.file.text))
        }
        for (article, _, facts) in parsed where cache.articles[article.path]?.facts != facts { return false }
        // Pagefind indexes a whole site at once: a changed page means a new index, made by a full build.
        let search = options.search && SearchIndexer.locate(explicit: options.pagefind) != nil
        if search, !changed.isEmpty { return false }
        let (source, _) = SiteLanguages.source(configured: config.sourceLanguage, config: nil)
        try store.markUpdating()
        let sink = OutputInPlace(root: options.output.standardizedFileURL)
        try SiteBuilder.timed("pages", &report) {
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
                search: search, safeHTML: config.safeHTML || options.safeHTML)
            var (stage, _) = PageStageSetup.make(inputs, sink: sink, workers: options.workers)
            stage.progress = options.progress
            let rendered = parsed.filter { cache.articles[$0.0.path]?.isPage == true }
            let outcomes = stage.renderArticles(rendered.map(\.0))
            var coverageChanged = false
            for (article, problems, _) in parsed {
                guard var record = cache.articles[article.path] else { continue }
                let previous = record
                record.digest = cache.stamps[article.path]?.digest ?? record.digest
                record.diagnostics = problems
                if let index = rendered.firstIndex(where: { $0.0.path == article.path }) {
                    record.absorb(outcomes[index])
                    if let failure = outcomes[index].failure { throw failure }
                }
                coverageChanged = coverageChanged || record.coverage != previous.coverage
                for stale in Set(previous.outputs).subtracting(record.outputs) { sink.remove(stale) }
                cache.articles[article.path] = record
            }
            if coverageChanged {
                let entries = cache.articles.values.compactMap(\.coverage) + cache.includeCoverage
                if let page = stage.renderer.renderCoverage(pagePaths: Set(pages.keys), entries: entries) {
                    try sink.write(page)
                }
            }
            for resource in resources where SiteBuilder.isPublishedResource(resource) && config.isResource(resource) {
                try sink.copy(options.content.appendingPathComponent(resource), to: resource)
            }
        }
        let outputs = (cache.articles.values.flatMap(\.outputs) + cache.siteOutputs).sorted()
        try sink.writeManifest(outputs)
        cache.manifestStamp = ContentListing.stamp(
            options.output.standardizedFileURL.appendingPathComponent(OutputWriter.manifestName).path)
        cache.writtenAt = CacheRecorder.now()
        return true
    }

    /// The report a full build would give, from the cache.
    private func summarize(_ cache: BuildCache, report start: BuildReport) -> BuildReport {
        var report = start
        let records = cache.articles.values
        var diagnostics = cache.siteDiagnostics + records.flatMap(\.diagnostics)
        diagnostics += BuildCache.anchorDiagnostics(cache.articles)
        let links = cache.siteCounts[0] + records.reduce(0) { $0 + $1.rootRelativeLinks }
        let linkPages = cache.siteCounts[1] + records.reduce(0) { $0 + $1.rootRelativePages }
        let rootLinkBase = links > 0 ? configRootLinkBase() : nil
        if rootLinkBase == nil, links > 0 {
            diagnostics.append(SiteBuilder.rootRelativeLinkNote(links: links, pages: linkPages))
        }
        report.articleCount = cache.articles.count
        report.pageCount = cache.siteCounts[2] + records.reduce(0) { $0 + $1.htmlPages }
        report.pagesPerLanguage = CacheRecorder.pagesPerLanguage(records.flatMap(\.outputs) + cache.siteOutputs)
        report.diagnostics = diagnostics.sortedForOutput()
        return report
    }

    /// docgen.yml's `rootLinkBase` (part of the site key, so read only to word the report).
    private func configRootLinkBase() -> String? {
        let root = options.content.standardizedFileURL.resolvingSymlinksInPath()
        var problems: [Diagnostic] = []
        let docfx =
            listing.contains { $0.path == "docfx.json" } ? ContentLoader.read(root, "docfx.json", &problems) : nil
        let docgen =
            listing.contains { $0.path == "docgen.yml" } ? ContentLoader.read(root, "docgen.yml", &problems) : nil
        return DocsetConfiguration.parse(docfx: docfx, docgen: docgen).0.rootLinkBase
    }
}

/// Writes files straight into the output folder, each through a temporary file renamed over
/// the old one, so a reader never sees half a page (an incremental build's changes are small).
final class OutputInPlace: PageSink, @unchecked Sendable {
    let root: URL

    init(root: URL) { self.root = root }

    func write(_ file: OutputFile) throws {
        try place(file.path) { temporary in
            file.contents.withUnsafeBytes { FileManager.default.createFile(atPath: temporary, contents: Data($0)) }
        }
    }

    func copy(_ source: URL, to relative: String) throws {
        try place(relative) { temporary in
            (try? FileManager.default.copyItem(atPath: source.path, toPath: temporary)) != nil
        }
    }

    /// Removes a page the article no longer has.
    func remove(_ relative: String) {
        try? FileManager.default.removeItem(at: root.appendingPathComponent(relative))
    }

    /// Rewrites the manifest of everything the output holds.
    func writeManifest(_ paths: [String]) throws {
        let text = paths.joined(separator: "\n") + "\n"
        try place(OutputWriter.manifestName) { FileManager.default.createFile(atPath: $0, contents: Data(text.utf8)) }
    }

    private func place(_ relative: String, _ make: (String) -> Bool) throws {
        let target = root.appendingPathComponent(relative)
        let folder = target.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).docgen-\(UUID().uuidString)").path
        guard make(temporary), rename(temporary, target.path) == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            throw BuildFailure.writeFailed("cannot write \(relative)")
        }
    }
}
