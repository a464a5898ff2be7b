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
    let staging: OutputStaging
    let workers: Int?

    /// What remains of one article once its pages are written.
    struct Outcome: Sendable {
        var diagnostics: [Diagnostic] = []
        var anchors: Set<String> = []
        var fragmentLinks: [FragmentLink] = []
        var coverage: CoverageReport.Entry?
        var links = RootRelativeLinks()
        var htmlPages = 0
        var failure: BuildFailure?
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

        static func count(in bytes: [UInt8]) -> Int {
            let marker = Array(" href=\"/".utf8)
            var count = 0
            var index = 0
            while index + marker.count < bytes.count {
                if bytes[index] == marker[0], bytes[index + marker.count] != UInt8(ascii: "/"),
                    bytes[index..<(index + marker.count)].elementsEqual(marker)
                {
                    count += 1
                }
                index += 1
            }
            return count
        }
    }

    /// Compiles, renders and writes every article; then the site's own pages. Include files are
    /// not pages, but each has its line on the coverage page.
    func run(pages articles: [Article], includes: [Article] = [], redirects: [Redirect]) -> Outcome {
        let outcomes = Parallel.map(articles, workers: workers) { article -> Outcome in
            let compiled = compiler.compile(article)
            let rendered = renderer.renderArticle(compiled)
            var outcome = Outcome(
                diagnostics: rendered.diagnostics, anchors: rendered.anchors, fragmentLinks: rendered.fragmentLinks,
                coverage: rendered.coverage)
            write(rendered.files, into: &outcome)
            return outcome
        }
        var total = Outcome()
        var siteFiles = renderer.renderHomes(articles)
        siteFiles += renderer.renderTableOfContents()
        siteFiles += renderer.renderSearchPages()
        siteFiles += renderer.renderRedirects(redirects)
        siteFiles += renderer.renderFlowPages()
        let includeLines = includes.filter { !$0.segments.isEmpty }.map {
            renderer.coverageEntry($0, findings: TranslationChecker.check($0), isInclude: true)
        }
        if let coverage = renderer.renderCoverage(articles, entries: outcomes.compactMap(\.coverage) + includeLines) {
            siteFiles.append(coverage)
        }
        siteFiles += renderer.renderCrawlerFiles(articles)
        if let notFound = renderer.renderNotFound() { siteFiles.append(notFound) }
        if let root = renderer.renderRoot() { siteFiles.append(root) }
        write(siteFiles, into: &total)
        let anchors = Dictionary(zip(articles.map(\.path), outcomes.map(\.anchors)), uniquingKeysWith: { a, _ in a })
        for outcome in outcomes {
            total.diagnostics += outcome.diagnostics
            total.links.links += outcome.links.links
            total.links.pages += outcome.links.pages
            total.htmlPages += outcome.htmlPages
            total.failure = total.failure ?? outcome.failure
        }
        // The site-wide anchor check, once every page's anchors are known.
        total.diagnostics += outcomes.flatMap(\.fragmentLinks).compactMap { link -> Diagnostic? in
            guard let ids = anchors[link.page], !ids.contains(link.fragment) else { return nil }
            return .warning(
                "docgen.link.missing-anchor", at: link.location,
                "link to '\(link.page)#\(link.fragment)' names no heading or anchor of that page",
                fix: "use the id of one of its headings (its <a name> anchor, or the slug of its English text)")
        }
        return total
    }

    private func write(_ files: [OutputFile], into outcome: inout Outcome) {
        for file in files {
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
