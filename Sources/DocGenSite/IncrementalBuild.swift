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
        let prepared = try PreparedUpdate.make(options: options, listing: listing, themeFiles: themeFiles, cache: cache)
        guard let parsed = prepared.parse(changed, against: cache) else { return false }
        try prepared.apply(
            &cache, parsed: parsed, resources: resources, store: store, report: &report,
            indexSearch: !options.defersSearchIndex)
        return true
    }

    /// The report a full build would give, from the cache.
    private func summarize(_ cache: BuildCache, report start: BuildReport) -> BuildReport {
        Self.summarize(cache, report: start, options: options, listing: listing.map(\.path))
    }

    /// The report a full build of `options.content` (whose files are `paths`) would give, from the
    /// cache; `rootLinkBase` is docgen.yml's when the caller knows it (else it is read).
    static func summarize(
        _ cache: BuildCache, report start: BuildReport, options: BuildOptions, listing paths: [String],
        rootLinkBase known: String?? = nil
    ) -> BuildReport {
        var report = start
        let records = cache.articles.values
        var diagnostics = cache.siteDiagnostics + records.flatMap(\.diagnostics)
        diagnostics += BuildCache.anchorDiagnostics(cache.articles)
        let links = cache.siteCounts[0] + records.reduce(0) { $0 + $1.rootRelativeLinks }
        let linkPages = cache.siteCounts[1] + records.reduce(0) { $0 + $1.rootRelativePages }
        let rootLinkBase = links > 0 ? (known ?? configRootLinkBase(options: options, listing: paths)) : nil
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
    private static func configRootLinkBase(options: BuildOptions, listing: [String]) -> String? {
        let root = options.content.standardizedFileURL.resolvingSymlinksInPath()
        var problems: [Diagnostic] = []
        let docfx = listing.contains("docfx.json") ? ContentLoader.read(root, "docfx.json", &problems) : nil
        let docgen = listing.contains("docgen.yml") ? ContentLoader.read(root, "docgen.yml", &problems) : nil
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
