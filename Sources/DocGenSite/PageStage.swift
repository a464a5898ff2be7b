import DocGenCompile
import DocGenContent
import DocGenCore
import DocGenFlowchart
import DocGenRender
import DocGenTranslation
import Foundation

/// The page stage of a build: compiles each article, renders its pages and writes them into the
/// staging folder, one article at a time on every worker, keeping only what the site-wide
/// checks need (anchors, fragment links, coverage). Then the pages of the whole site: homes,
/// tables of contents, redirects, flows, coverage, crawler files, 404 and the root chooser.
struct PageStage {
    let compiler: ArticleCompiler
    let renderer: SiteRenderer
    let staging: any PageSink
    let workers: Int?
    /// Told after each article: articles done, articles in all.
    var progress: (@Sendable (Int, Int) -> Void)?

    /// What remains of one article once its pages are written.
    struct Outcome: Sendable {
        var diagnostics: [Diagnostic] = []
        var anchors: Set<String> = []
        var fragmentLinks: [FragmentLink] = []
        var coverage: CoverageReport.Entry?
        var links = RootRelativeLinks()
        var htmlPages = 0
        var failure: BuildFailure?
        /// The output paths written, in order.
        var files: [String] = []

        /// Adds other outcomes' counts and first write failure to this one (not their diagnostics).
        mutating func count(_ outcomes: [Outcome]) {
            for outcome in outcomes {
                links.links += outcome.links.links
                links.pages += outcome.links.pages
                htmlPages += outcome.htmlPages
                failure = failure ?? outcome.failure
            }
        }
    }

    /// Links written relative to a web server root, counted as pages are written.
    struct RootRelativeLinks: Sendable {
        var links = 0
        var pages = 0

        mutating func count(_ file: OutputFile) {
            // 404.html links from the server root on purpose: it is served at any missing address.
            guard file.path.hasSuffix(".html"), file.path != "404.html" else { return }
            let found = Self.count(in: file.contents)
            links += found
            if found > 0 { pages += 1 }
        }

        /// `memmem` finds each candidate: every page is searched, and a byte loop was 1% of a build.
        static func count(in bytes: [UInt8]) -> Int {
            let marker: StaticString = " href=\"/"
            let length = marker.utf8CodeUnitCount
            return bytes.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return 0 }
                var count = 0
                var index = 0
                // A match counts when a byte follows it and that byte is not a second `/`
                // (`//host/…` is protocol-relative, not root-relative).
                while buffer.count - index > length,
                    let found = cMemmem(base + index, buffer.count - index, marker.utf8Start, length)
                {
                    let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + length
                    guard end < buffer.count else { break }
                    if buffer[end] != UInt8(ascii: "/") { count += 1 }
                    index = end
                }
                return count
            }
        }
    }

    /// Compiles, renders and writes each article's pages, on every worker.
    func renderArticles(_ articles: [Article]) -> [Outcome] {
        let counter = ProgressCounter(total: articles.count, report: progress)
        // Longest articles first, so that no worker is left with a long one while the others
        // are done; each outcome is put back at its article's place, so the order never shows.
        let order = articles.indices.sorted {
            (articles[$0].lines.byteCount, $1) > (articles[$1].lines.byteCount, $0)
        }
        let outcomes = Parallel.map(order, workers: workers) { index -> Outcome in
            let article = articles[index]
            defer { counter.advance() }
            let compiled = compiler.compile(article)
            let rendered = renderer.renderArticle(compiled)
            var outcome = Outcome(
                diagnostics: rendered.diagnostics, anchors: rendered.anchors, fragmentLinks: rendered.fragmentLinks,
                coverage: rendered.coverage)
            write(rendered.files, into: &outcome)
            return outcome
        }
        var result = [Outcome](repeating: Outcome(), count: articles.count)
        for (position, index) in order.enumerated() { result[index] = outcomes[position] }
        return result
    }

    /// The site's own pages: homes, tables of contents, redirects, flows, coverage (from the
    /// articles' and includes' lines), crawler files, 404 and the root chooser.
    func renderSitePages(_ articles: [Article], coverage: [CoverageReport.Entry], redirects: [Redirect]) -> Outcome {
        var total = Outcome()
        // Independent of one another: rendered on the workers, written in this order.
        let renderer = self.renderer
        let parts: [@Sendable () -> [OutputFile]] = [
            { renderer.renderHomes(articles) },
            { renderer.renderTableOfContents() },
            { renderer.renderSearchPages() },
            { renderer.renderRedirects(redirects) },
            { renderer.renderFlowPages() },
            { renderer.renderCoverage(articles, entries: coverage).map { [$0] } ?? [] },
            { renderer.renderCrawlerFiles(articles) },
            { renderer.renderNotFound().map { [$0] } ?? [] },
            { renderer.renderRoot().map { [$0] } ?? [] },
        ]
        write(Parallel.map(parts, workers: workers) { $0() }.flatMap { $0 }, into: &total)
        return total
    }

    /// The coverage lines of the include files that hold segments.
    func includeCoverage(_ includes: [Article]) -> [CoverageReport.Entry] {
        includes.filter { !$0.segments.isEmpty }.map {
            renderer.coverageEntry($0, findings: TranslationChecker.check($0), isInclude: true)
        }
    }

    /// The site-wide anchor check, once every page's anchors are known.
    static func checkAnchors(anchors: [String: Set<String>], links: [FragmentLink]) -> [Diagnostic] {
        links.compactMap { link -> Diagnostic? in
            guard let ids = anchors[link.page], !ids.contains(link.fragment) else { return nil }
            return .warning(
                "docgen.link.missing-anchor", at: link.location,
                "link to '\(link.page)#\(link.fragment)' names no heading or anchor of that page",
                fix: "use the id of one of its headings (its <a name> anchor, or the slug of its English text)")
        }
    }

    private func write(_ files: [OutputFile], into outcome: inout Outcome) {
        for file in files {
            outcome.files.append(file.path)
            outcome.links.count(file)
            if file.path.hasSuffix(".html") { outcome.htmlPages += 1 }
            do {
                try staging.write(file)
            } catch let failure as BuildFailure {
                outcome.failure = outcome.failure ?? failure
            } catch {
                outcome.failure = outcome.failure ?? .writeFailed("\(error)")
            }
        }
    }
}

/// Counts finished articles across workers for a progress display.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private let total: Int
    private let report: (@Sendable (Int, Int) -> Void)?

    init(total: Int, report: (@Sendable (Int, Int) -> Void)?) {
        self.total = total
        self.report = report
    }

    func advance() {
        guard let report else { return }
        lock.lock()
        done += 1
        let current = done
        lock.unlock()
        report(current, total)
    }
}

/// The C library's `memmem` (glibc declares it only for `_GNU_SOURCE`, which Swift's Glibc module
/// leaves out; macOS declares it too).
@_silgen_name("memmem")
private func cMemmem(
    _ haystack: UnsafeRawPointer, _ haystackLength: Int, _ needle: UnsafeRawPointer, _ needleLength: Int
) -> UnsafeMutableRawPointer?
