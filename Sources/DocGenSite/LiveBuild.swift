import DocGenCore
import Foundation

/// The build of a `docgen serve` session, kept in memory between edits. The first build (and
/// any edit it cannot take the short way) is `SiteBuilder.build` with the cache held in memory;
/// after it, the configuration, theme, templates, navigation and renderer are made once
/// (`PreparedUpdate`) and kept. An edit that changes only the bodies of known articles (the
/// watcher names the files) then costs one `stat`, one read and one render per changed article
/// and the writes of its pages: no listing of the content, no site key, no cache file read. A
/// changed image is copied the same way.
/// Anything else (a new, deleted or renamed file, a TOC, the theme, a title or front matter, an
/// output changed by someone else) goes through `SiteBuilder.build`, which decides between an
/// incremental and a full build. Either way the output is byte for byte a clean build's.
///
/// Not thread-safe: call `build`, `prepare` and `installSearchIndex` from one queue.
/// `makeSearchIndex` only reads the output and may run on another.
public final class LiveBuild: @unchecked Sendable {
    /// The build's options (with a cache kept in memory).
    public let options: BuildOptions
    private let store: BuildCacheStore
    private var prepared: PreparedUpdate?
    /// Counts the long-way builds (a full one replaces the output, with its own index): a search
    /// index made before one is dropped.
    private var generation = 0

    /// A session building with `options` (its `cacheMemory` is set if it has none).
    public init(options: BuildOptions) {
        var options = options
        if options.cacheMemory == nil { options.cacheMemory = BuildCacheMemory() }
        options.defersSearchIndex = true
        self.options = options
        store = BuildCacheStore(output: options.output, memory: options.cacheMemory)
    }

    /// What one build did: its errors at once (what the pages' overlay shows), its full report
    /// on demand (every diagnostic sorted, counts per language: tens of milliseconds at
    /// thousands of articles, so `docgen serve` asks for it after the reload).
    public struct Outcome {
        /// Every error of the site, sorted for output.
        public let errors: [Diagnostic]
        /// Whether the output was updated in place (an incremental build or the short way).
        public let incremental: Bool
        /// Articles rendered.
        public let renderedArticles: Int
        /// Articles of the site.
        public let articleCount: Int
        private let makeReport: () -> BuildReport
        private let countWarnings: () -> Int

        init(report: BuildReport) {
            errors = report.diagnostics.filter { $0.severity == .error }
            incremental = report.incremental
            renderedArticles = report.renderedArticles
            articleCount = report.articleCount
            makeReport = { report }
            countWarnings = { report.diagnostics.count { $0.severity == .warning } }
        }

        init(
            errors: [Diagnostic], rendered: Int, articles: Int, report: @escaping () -> BuildReport,
            warnings: @escaping () -> Int
        ) {
            self.errors = errors
            incremental = true
            renderedArticles = rendered
            articleCount = articles
            makeReport = report
            countWarnings = warnings
        }

        /// The report a full build would give.
        public func report() -> BuildReport { makeReport() }

        /// The number of warnings of the report, without making it (no sorting of thousands of
        /// diagnostics, for the terminal's summary line).
        public func warningCount() -> Int { countWarnings() }
    }

    /// Brings the output up to date after the files at `changed` changed (absolute paths, as
    /// the watcher reports them; `nil`: unknown changes, as for the first build).
    public func build(changed: [String]? = nil) throws -> BuildReport {
        try update(changed: changed).report()
    }

    /// `build`, with the report left for later (see `Outcome`).
    public func update(changed: [String]?) throws -> Outcome {
        if let changed, let outcome = try quickUpdate(changed) { return outcome }
        prepared = nil
        generation += 1
        let report = try SiteBuilder.build(options)
        store.keepInMemory()
        return Outcome(report: report)
    }

    /// Makes what an edit to an article's body is rendered with, from the cache of the last
    /// build (after `build`, before the next edit, so the edit does not pay for it). Does
    /// nothing when the last build kept no cache (a build with a baseline revision).
    public func prepare() {
        guard prepared == nil, let cache = store.load() else { return }
        let listing = cache.stamps.keys.sorted().map { ListedFile(path: $0, stamp: cache.stamps[$0]!.stamp) }
        guard let themeFiles = try? ThemeLoader.files(overrides: options.templates) else { return }
        prepared = try? PreparedUpdate.make(options: options, listing: listing, themeFiles: themeFiles, cache: cache)
    }

    /// Whether the site has a search index to keep up to date after edits.
    public var hasSearch: Bool { prepared?.pagefind != nil }

    /// The short way: only bodies of known articles changed. `nil` when it does not apply
    /// (nothing is then written or changed).
    private func quickUpdate(_ paths: [String]) throws -> Outcome? {
        guard let prepared, let memory = options.cacheMemory else { return nil }
        let output = options.output.standardizedFileURL
        let lock = try OutputLock.acquire(for: output, wait: options.waitForOutput, waiting: options.onWait)
        defer { withExtendedLifetime(lock) {} }
        let root = options.content.standardizedFileURL.resolvingSymlinksInPath()
        let manifest = output.appendingPathComponent(OutputWriter.manifestName).path
        var report = BuildReport()
        // The cache is changed in place, under the memory's lock (a copy would cost more than the render).
        let done = try memory.modify { held -> (errors: [Diagnostic], rendered: Int, articles: Int)? in
            guard var cache = held.take() else { return nil }
            // Put back, changed or not; after a failed write, dropped (the next build reads the
            // file, sees the "updating" marker and builds everything).
            var keep = true
            defer { if keep { held = cache } }
            // Another program (a `docgen build` of the same output) wrote it since: the long way.
            guard let stamp = cache.manifestStamp, ContentListing.stamp(manifest) == stamp else { return nil }
            var changed: [(file: SourceFile, problems: [Diagnostic])] = []
            var stamps: [(String, BuildCache.StampedDigest)] = []
            var resources: [String] = []
            for path in paths {
                guard path.hasPrefix(root.path + "/") else { return nil }
                let relative = String(path.dropFirst(root.path.count + 1))
                // Hidden files and folders are not content (an editor's swap file, .git).
                if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
                var stamp = ContentListing.stamp(path)
                let known = cache.stamps[relative]
                // A new file may be an editor's temporary file about to be renamed over an article
                // (the rename can come after the watcher's settle window on a busy machine): given
                // a moment to go, it saves a rebuild of the whole site for a file that never stays.
                if stamp != nil, known == nil { stamp = Self.stampAfterAMoment(path) }
                // Gone before it was seen (an editor's temporary file, renamed over the article).
                if stamp == nil, known == nil { continue }
                let kind = ContentLoader.kind(of: relative)
                if kind == .resource, !SiteKey.isText(relative) {
                    // An image: in no page and not in the site key, copied when its stamp changes.
                    guard let stamp, let known else { return nil }
                    stamps.append((relative, BuildCache.StampedDigest(stamp: stamp, digest: known.digest)))
                    if stamp != known.stamp { resources.append(relative) }
                    continue
                }
                guard let stamp, let known, kind == .article,
                    cache.articles[relative] != nil
                else { return nil }
                var problems: [Diagnostic] = []
                guard let source = ContentLoader.read(root, relative, &problems) else { return nil }
                let digest = ContentDigest.of(source.text)
                stamps.append((relative, BuildCache.StampedDigest(stamp: stamp, digest: digest)))
                if digest != known.digest { changed.append((source, problems)) }
            }
            guard let parsed = prepared.parse(changed, against: cache) else { return nil }
            // Only now, when the edit is taken: a stamp recorded for a page not rendered would hide the edit.
            for (path, stamped) in stamps { cache.stamps[path] = stamped }
            if !parsed.isEmpty || !resources.isEmpty {
                do {
                    try prepared.apply(
                        &cache, parsed: parsed, resources: resources, store: store, report: &report,
                        indexSearch: false)
                } catch {
                    keep = false
                    throw error
                }
            }
            var errors = cache.siteDiagnostics.filter { $0.severity == .error }
            for record in cache.articles.values {
                for diagnostic in record.diagnostics where diagnostic.severity == .error { errors.append(diagnostic) }
            }
            return (errors.sortedForOutput(), parsed.count, cache.articles.count)
        }
        guard let done else { return nil }
        store.scheduleWrite()
        let options = self.options
        let rootLinkBase = prepared.config.rootLinkBase
        return Outcome(errors: done.errors, rendered: done.rendered, articles: done.articles) { [store] in
            guard let cache = store.load() else { return report }
            var report = report
            report.incremental = true
            report.published = true
            report.cacheHits = cache.articles.count - done.rendered
            report.renderedArticles = done.rendered
            return IncrementalBuild.summarize(
                cache, report: report, options: options, listing: Array(cache.stamps.keys), rootLinkBase: rootLinkBase)
        } warnings: { [store] in
            guard let cache = store.load() else { return 0 }
            var count = cache.siteDiagnostics.count { $0.severity == .warning }
            for record in cache.articles.values {
                count += record.diagnostics.count { $0.severity == .warning }
            }
            // The site-wide anchor check gives warnings only.
            return count + BuildCache.anchorDiagnostics(cache.articles).count
        }
    }

    /// The stamp of a new file after up to 50 ms, `nil` if it went meanwhile.
    private static func stampAfterAMoment(_ path: String) -> FileStamp? {
        for _ in 0..<5 {
            usleep(10_000)
            if ContentListing.stamp(path) == nil { return nil }
        }
        return ContentListing.stamp(path)
    }

    /// A search index made of the output as it was, waiting to be installed.
    public struct PendingSearchIndex: Sendable {
        fileprivate let made: SearchRefresh.Made
        fileprivate let generation: Int
        /// Seconds Pagefind took.
        public let seconds: Double
    }

    /// Runs Pagefind over the output as it is now into a folder beside it (seconds at the
    /// scale of thousands of pages). Only reads the output: run it off the build queue, then
    /// hand the result to `installSearchIndex` on it. `nil` without search.
    public func makeSearchIndex() -> PendingSearchIndex? {
        guard let pagefind = prepared?.pagefind else { return nil }
        let start = DispatchTime.now().uptimeNanoseconds
        let made = SearchRefresh(output: options.output).make(with: pagefind, lowPriority: true)
        return PendingSearchIndex(
            made: made, generation: generation, seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }

    /// Exchanges the made index with the output's and records it (cache, manifest). Returns
    /// Pagefind's problems; `nil` when the index was dropped because a build replaced the
    /// whole output (with its own index) meanwhile.
    public func installSearchIndex(_ pending: PendingSearchIndex) throws -> [Diagnostic]? {
        let refresh = SearchRefresh(output: options.output)
        guard pending.generation == generation, let prepared, var cache = store.load() else {
            refresh.discard()
            return nil
        }
        let output = options.output.standardizedFileURL
        let lock = try OutputLock.acquire(for: output, wait: options.waitForOutput)
        defer { withExtendedLifetime(lock) {} }
        guard let stamp = cache.manifestStamp,
            ContentListing.stamp(output.appendingPathComponent(OutputWriter.manifestName).path) == stamp
        else {
            refresh.discard()
            return nil
        }
        try store.markUpdating()
        try refresh.install(pending.made, into: &cache)
        try prepared.writeManifest(&cache)
        store.save(cache)
        return pending.made.problems
    }

    /// Waits until the cache file is written (before the process ends).
    public func flush() { options.cacheMemory?.flush() }
}
