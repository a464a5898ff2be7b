import DocGenCompile
import DocGenContent
import DocGenCore
import DocGenTranslation
import Foundation

/// What a build remembers for the next one, kept beside the output in `.<output>.docgen-cache/`
/// (never inside it, so it is never published; safe to delete: the next build is then a full
/// one). It holds a stamp and a digest of every content file, and per article what its pages
/// left behind (diagnostics, anchors, fragment links, coverage line, output paths), so that a
/// repeated build re-renders only the articles whose bytes changed. Anything that every page
/// depends on (theme, configuration, TOCs, includes, flows, the list of files, each article's
/// front matter and titles, docgen itself) is folded into one `siteKey`: when it changes, the
/// build is a full one.
struct BuildCache {
    /// Bumped when the layout of this value changes.
    static let format = 2

    /// What one article's pages left behind.
    struct ArticleRecord {
        /// The digest of the file's text.
        var digest: ContentDigest
        /// The digest of what other pages see of it (front matter, titles, kind, target-only).
        var facts: ContentDigest
        /// The target and English titles (the sidebar's and pager's labels).
        var targetTitle: String
        /// The English title.
        var sourceTitle: String?
        /// Whether it is a page (not a `redirect_url` article).
        var isPage: Bool
        /// Diagnostics of reading, parsing, compiling and rendering it.
        var diagnostics: [Diagnostic]
        /// The output paths its pages were written to.
        var outputs: [String]
        /// Ids other pages' fragment links may target.
        var anchors: [String]
        /// Its links to other pages' fragments.
        var fragmentLinks: [FragmentLink]
        /// Its line of the coverage page.
        var coverage: CoverageReport.Entry?
        /// Root-relative links counted in its pages.
        var rootRelativeLinks: Int
        /// Its pages with root-relative links.
        var rootRelativePages: Int
        /// HTML pages it wrote.
        var htmlPages: Int
    }

    var format = BuildCache.format
    /// The digest of every input that all pages depend on.
    var siteKey: ContentDigest
    /// The stamp of every listed content file, by content path, with the digest of its text.
    var stamps: [String: StampedDigest]
    /// When the cache was written (nanoseconds since 1970): files modified after this are re-read.
    var writtenAt: Int64
    /// Articles by content path (only those the docset's configuration counts as content).
    var articles: [String: ArticleRecord]
    /// Diagnostics of the whole site (configuration, TOCs, flows, includes, navigation, redirects).
    var siteDiagnostics: [Diagnostic]
    /// The output paths of everything that is not an article's page (site pages, assets, resources).
    var siteOutputs: [String]
    /// Root-relative links, pages holding them, and HTML pages among the site's own pages.
    var siteCounts: [Int]
    /// The coverage lines of the include files.
    var includeCoverage: [CoverageReport.Entry]
    /// The navigation the pages were rendered with.
    var navigation: Navigation
    /// The site's target language code.
    var targetLanguage: String
    /// The stamp of the output's manifest when the build finished (an output changed since is rebuilt).
    var manifestStamp: FileStamp?

    /// A stamp and the digest of the file's text it was taken with.
    struct StampedDigest {
        var stamp: FileStamp
        var digest: ContentDigest
    }
}

/// A build cache kept in memory between the builds of one process (`docgen serve`): a rebuild
/// after an edit reads no cache file, and the file is written in the background once no edit
/// came for `writeDelay` seconds, always with the latest cache, so a burst of edits costs one
/// write and no write competes with an edit's rebuild.
public final class BuildCacheMemory: @unchecked Sendable {
    /// Recursive: an update in place (`modify`) marks the output as being updated (`updating`).
    private let lock = NSRecursiveLock()
    private var cache: BuildCache?
    /// Bumped by every save and every in-place update of the output: a write removes the
    /// "updating" marker only if nothing happened since it took the cache it writes.
    private var version = 0
    private var writeScheduled = false
    /// When the cache last changed (uptime nanoseconds), and whether `flush` waits for the write.
    private var lastChange: UInt64 = 0
    private var flushing = false
    fileprivate let writer = DispatchQueue(label: "docgen build cache writer")
    /// Seconds without a change before the file is written.
    let writeDelay: Double

    /// An empty memory (the first build reads the cache file).
    public init(writeDelay: Double = 1) { self.writeDelay = writeDelay }

    fileprivate var value: BuildCache? {
        lock.lock()
        defer { lock.unlock() }
        return cache
    }

    /// Runs `body` on the cache held here, changed in place (no copy of its thousands of records).
    func modify<T>(_ body: (inout BuildCache?) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&cache)
    }

    fileprivate func store(_ new: BuildCache?) {
        lock.lock()
        cache = new
        version += 1
        lock.unlock()
    }

    /// Notes that the output is being updated in place (the marker is on disk).
    fileprivate func updating() {
        lock.lock()
        version += 1
        lock.unlock()
    }

    /// Schedules one write of the latest cache with `write`, which gets it and a function that
    /// runs its argument (the marker's removal) only if nothing changed while it was written,
    /// under the lock, so an update that starts meanwhile keeps its marker.
    fileprivate func scheduleWrite(_ write: @escaping @Sendable (BuildCache, (() -> Void) -> Void) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        lastChange = DispatchTime.now().uptimeNanoseconds
        guard !writeScheduled else { return }
        writeScheduled = true
        writeWhenQuiet(write)
    }

    /// Writes once no change came for `writeDelay` (so the encoding of thousands of records
    /// never competes with an edit's rebuild), else waits again.
    private func writeWhenQuiet(_ write: @escaping @Sendable (BuildCache, (() -> Void) -> Void) -> Void) {
        writer.asyncAfter(deadline: .now() + writeDelay) { [self] in
            lock.lock()
            let quietFor = Double(DispatchTime.now().uptimeNanoseconds - lastChange) / 1e9
            if quietFor < writeDelay, !flushing {
                lock.unlock()
                writeWhenQuiet(write)
                return
            }
            writeScheduled = false
            let latest = cache
            let taken = version
            lock.unlock()
            guard let latest else { return }
            write(latest) { clear in
                self.lock.lock()
                defer { self.lock.unlock() }
                if self.version == taken { clear() }
            }
        }
    }

    /// Waits until the cache file is written (before the process ends): for a write still
    /// waiting for its delay, then for the writer.
    public func flush() {
        lock.lock()
        flushing = true
        lock.unlock()
        defer {
            lock.lock()
            flushing = false
            lock.unlock()
        }
        while true {
            lock.lock()
            let pending = writeScheduled
            lock.unlock()
            if !pending { break }
            usleep(5_000)
        }
        writer.sync {}
    }
}

/// Where the cache of one output folder lives, and reading and writing it atomically.
struct BuildCacheStore {
    /// The cache folder: `.<output name>.docgen-cache` beside the output.
    let folder: URL
    /// The cache of earlier builds of this process, if it keeps one.
    var memory: BuildCacheMemory?

    init(output: URL, memory: BuildCacheMemory? = nil) {
        self.memory = memory
        let output = output.standardizedFileURL
        folder = output.deletingLastPathComponent().appendingPathComponent(
            ".\(output.lastPathComponent).docgen-cache")
    }

    private var file: URL { folder.appendingPathComponent("cache.bin") }
    /// Present while an incremental build updates the output in place: if a build dies there,
    /// the next one sees it and builds from scratch.
    private var marker: URL { folder.appendingPathComponent("updating") }

    /// The cache, or `nil` when there is none, it is unreadable, of another format, or a build
    /// was interrupted while updating the output.
    func load() -> BuildCache? {
        if let cached = memory?.value { return cached }
        guard !FileManager.default.fileExists(atPath: marker.path),
            let data = FileManager.default.contents(atPath: file.path),
            let cache = CacheCodec.decode(Array(data)), cache.format == BuildCache.format
        else { return nil }
        return cache
    }

    /// Puts the cache file in the memory when it holds none (a build that found nothing to
    /// change saves nothing, and the next edit should not read the file again).
    func keepInMemory() {
        guard let memory, memory.value == nil, let cache = load() else { return }
        memory.store(cache)
    }

    /// Writes the cache (atomically) and clears the marker; with a memory, keeps it there and
    /// writes the file a moment later (see `BuildCacheMemory`).
    func save(_ cache: BuildCache) {
        if let memory {
            memory.store(cache)
            scheduleWrite()
        } else {
            write(cache, clearMarker: true)
        }
    }

    /// Schedules the write of the memory's cache (after it was changed in place).
    func scheduleWrite() {
        guard let memory else { return }
        let store = self
        memory.scheduleWrite { cache, ifUnchanged in
            store.write(cache, clearMarker: false)
            ifUnchanged { try? FileManager.default.removeItem(at: store.marker) }
        }
    }

    private func write(_ cache: BuildCache, clearMarker: Bool) {
        let bytes = CacheCodec.encode(cache)
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? Data(bytes).write(to: file, options: .atomic)
        if clearMarker { try? FileManager.default.removeItem(at: marker) }
    }

    /// Marks the output as being updated in place.
    func markUpdating() throws {
        memory?.updating()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: marker.path, contents: Data()) else {
            throw BuildFailure.writeFailed("cannot write \(marker.path)")
        }
    }

    /// Deletes the cache (a build that cannot use one, such as one with a baseline revision).
    func remove() {
        memory?.store(nil)
        memory?.flush()
        try? FileManager.default.removeItem(at: folder)
    }
}
