import DocGenCompile
import DocGenContent
import DocGenCore
import DocGenTranslation
import Foundation

/// Collects, during a full build, what the next build needs to reuse its pages (`BuildCache`):
/// per article its digests, diagnostics and what its pages left behind. It also keeps each
/// article's diagnostics apart from the site's, which a full build reports all together.
struct CacheRecorder {
    /// The content listing the build read.
    let listing: [ListedFile]
    /// Whether digests are computed at all (no cache for `check`, `--no-cache` or a baseline).
    let caching: Bool
    /// The coverage lines of the include files.
    var includeCoverage: [CoverageReport.Entry] = []
    /// The output paths of everything that is not an article's page.
    var siteOutputs: [String] = []
    /// Root-relative links, pages holding them and HTML pages among the site's own pages.
    var siteCounts = [0, 0, 0]
    private var records: [String: BuildCache.ArticleRecord] = [:]
    private var digests: [String: (text: ContentDigest, facts: ContentDigest)] = [:]
    private var loaderDiagnostics: [String: [Diagnostic]] = [:]
    private var outcomes: [String: PageStage.Outcome] = [:]

    init(listing: [ListedFile], caching: Bool) {
        self.listing = listing
        self.caching = caching
    }

    /// Keeps the reading problems of article files for their articles; returns the others.
    mutating func keepArticleDiagnostics(_ problems: [Diagnostic]) -> [Diagnostic] {
        var others: [Diagnostic] = []
        for problem in problems {
            if let path = problem.location?.path, ContentLoader.kind(of: path) == .article {
                loaderDiagnostics[path, default: []].append(problem)
            } else {
                others.append(problem)
            }
        }
        return others
    }

    /// The digests of an article's text and of what other pages see of it.
    static func digests(_ article: Article, text: String) -> (text: ContentDigest, facts: ContentDigest) {
        (ContentDigest.of(text), SiteKey.facts(article, text: text))
    }

    /// The digests of a YAML page: any change to it is a change of the whole site.
    static func digests(_ text: String) -> (text: ContentDigest, facts: ContentDigest) {
        let digest = ContentDigest.of(text)
        return (digest, digest)
    }

    /// Records a parsed article (Markdown or YAML page) with its parse diagnostics.
    mutating func parsed(
        _ article: Article, diagnostics: [Diagnostic], digests: (text: ContentDigest, facts: ContentDigest)?
    ) {
        let zero = ContentDigest(high: 0, low: 0)
        records[article.path] = BuildCache.ArticleRecord(
            digest: digests?.text ?? zero, facts: digests?.facts ?? zero, targetTitle: article.targetTitle,
            sourceTitle: article.sourceTitle, isPage: article.frontMatter.redirectURL == nil,
            diagnostics: (loaderDiagnostics.removeValue(forKey: article.path) ?? []) + diagnostics, outputs: [],
            anchors: [], fragmentLinks: [], coverage: nil, rootRelativeLinks: 0, rootRelativePages: 0, htmlPages: 0)
    }

    /// Records what each page's rendering left behind.
    mutating func rendered(_ pages: [Article], outcomes: [PageStage.Outcome]) {
        for (article, outcome) in zip(pages, outcomes) {
            records[article.path]?.absorb(outcome)
        }
    }

    /// Every article's diagnostics (reading, parsing, rendering), and those of article files
    /// that are not content.
    var articleDiagnostics: [Diagnostic] {
        records.values.flatMap(\.diagnostics) + loaderDiagnostics.values.flatMap { $0 }
    }

    /// The site-wide anchor check over every recorded page.
    func anchorDiagnostics() -> [Diagnostic] {
        BuildCache.anchorDiagnostics(records)
    }

    /// The output paths of articles' pages.
    var articleOutputs: Set<String> { Set(records.values.flatMap(\.outputs)) }

    /// Every output path.
    var allOutputs: [String] { records.values.flatMap(\.outputs) + siteOutputs }

    /// The cache to save once the output is published.
    func cache(
        global: ContentDigest, siteDiagnostics: [Diagnostic], navigation: Navigation, targetLanguage: String,
        manifest output: URL
    ) -> BuildCache {
        let stamps = listing.reduce(into: [String: BuildCache.StampedDigest]()) { result, file in
            result[file.path] = BuildCache.StampedDigest(
                stamp: file.stamp, digest: records[file.path]?.digest ?? ContentDigest(high: 0, low: 0))
        }
        let facts = records.mapValues(\.facts)
        return BuildCache(
            siteKey: SiteKey.site(global: global, facts: facts), stamps: stamps, writtenAt: Self.now(),
            articles: records, siteDiagnostics: siteDiagnostics + loaderDiagnostics.values.flatMap { $0 },
            siteOutputs: siteOutputs.sorted(), siteCounts: siteCounts, includeCoverage: includeCoverage,
            navigation: navigation,
            targetLanguage: targetLanguage,
            manifestStamp: ContentListing.stamp(output.appendingPathComponent(OutputWriter.manifestName).path))
    }

    /// HTML pages per language code, from output paths (`fr/a.html` counts for `fr`).
    static func pagesPerLanguage(_ outputs: [String]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for path in outputs where path.hasSuffix(".html") {
            guard let slash = path.firstIndex(of: "/") else { continue }
            counts[String(path[..<slash]), default: 0] += 1
        }
        return counts
    }

    /// Nanoseconds since 1970.
    static func now() -> Int64 {
        Int64(Date().timeIntervalSince1970 * 1_000_000_000)
    }
}

extension BuildCache.ArticleRecord {
    /// Takes in what rendering the article's pages left behind.
    mutating func absorb(_ outcome: PageStage.Outcome) {
        diagnostics += outcome.diagnostics
        outputs = outcome.files
        anchors = outcome.anchors.sorted()
        fragmentLinks = outcome.fragmentLinks
        coverage = outcome.coverage
        rootRelativeLinks = outcome.links.links
        rootRelativePages = outcome.links.pages
        htmlPages = outcome.htmlPages
    }
}

extension BuildCache {
    /// The site-wide anchor check over the records of every page (the ids of a page are
    /// gathered only when a fragment link leads to it).
    static func anchorDiagnostics(_ records: [String: ArticleRecord]) -> [Diagnostic] {
        var anchors: [String: Set<String>] = [:]
        var links: [FragmentLink] = []
        for path in records.keys.sorted() {
            for link in records[path]?.fragmentLinks ?? [] {
                links.append(link)
                if anchors[link.page] == nil, let target = records[link.page], target.isPage {
                    anchors[link.page] = Set(target.anchors)
                }
            }
        }
        return PageStage.checkAnchors(anchors: anchors, links: links)
    }
}
