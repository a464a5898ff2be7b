import DocGenContent
import DocGenCore

/// Translation coverage of a docset: per article, how many segments and words, MT or HT,
/// how many segments are stale (English changed, translation not) and how many QA flagged.
/// Include files have a line of their own, since their segments are translated once for every
/// article that includes them.
public struct CoverageReport: Hashable, Sendable {
    /// One article's line of the coverage page.
    public struct Entry: Hashable, Sendable, Codable {
        /// The article path.
        public var article: String
        /// The translated title.
        public var title: String
        /// `MT`, `HT` or `nil` when the front matter does not say.
        public var translationType: TranslationType?
        /// How many segments (0 for a target-only article).
        public var segments: Int
        /// English words in the segments.
        public var sourceWords: Int
        /// Translated words in the segments; characters (letters and digits) when the target
        /// language is written without spaces between words (see `Language.countsCharacters`).
        public var targetWords: Int
        /// Segments whose English changed while the translation did not (from a revision diff).
        public var staleSegments: Int
        /// Segments with at least one QA finding.
        public var flaggedSegments: Int
        /// The line is an include file's (`includes/…`), not a page's.
        public var isInclude = false

        /// Creates a line (the build cache reads lines back with it).
        public init(
            article: String, title: String, translationType: TranslationType?, segments: Int, sourceWords: Int,
            targetWords: Int, staleSegments: Int, flaggedSegments: Int, isInclude: Bool = false
        ) {
            self.article = article
            self.title = title
            self.translationType = translationType
            self.segments = segments
            self.sourceWords = sourceWords
            self.targetWords = targetWords
            self.staleSegments = staleSegments
            self.flaggedSegments = flaggedSegments
            self.isInclude = isInclude
        }
    }

    /// The articles, sorted by path.
    public var entries: [Entry]

    /// Totals over all entries (`article` is empty, `title` is "Total").
    public var total: Entry {
        entries.reduce(
            Entry(
                article: "", title: "Total", translationType: nil, segments: 0, sourceWords: 0, targetWords: 0,
                staleSegments: 0, flaggedSegments: 0)
        ) { sum, entry in
            var sum = sum
            sum.segments += entry.segments
            sum.sourceWords += entry.sourceWords
            sum.targetWords += entry.targetWords
            sum.staleSegments += entry.staleSegments
            sum.flaggedSegments += entry.flaggedSegments
            return sum
        }
    }

    /// Computes the coverage of the articles. Pass the diff from the revision translators last
    /// worked on to count stale segments; without one, `staleSegments` is 0.
    public static func compute(articles: [Article], diff: RevisionDiff? = nil) -> CoverageReport {
        let stale = diff.map(StaleTranslations.init) ?? .none
        let entries = articles.sorted { $0.path < $1.path }.map { article in
            entry(
                for: article, findings: TranslationChecker.check(article), staleSegments: stale.count(in: article.path))
        }
        return CoverageReport(entries: entries)
    }

    /// One article's entry, from QA findings already computed for it (so a build that also shows
    /// the translator view checks each article once, on any thread). `countingCharacters` measures
    /// the translation in characters (Chinese, Japanese) instead of words.
    public static func entry(
        for article: Article, findings: [Diagnostic], staleSegments: Int = 0, countingCharacters: Bool = false,
        isInclude: Bool = false
    ) -> Entry {
        let measure = countingCharacters ? InlineText.characterCount : InlineText.wordCount
        let segments = article.segments  // gathered from the body on each call
        return Entry(
            article: article.path, title: article.targetTitle, translationType: article.frontMatter.translationType,
            segments: segments.count,
            sourceWords: segments.reduce(0) { $0 + InlineText.wordCount($1.sourceText) },
            targetWords: segments.reduce(0) { $0 + measure($1.targetText) },
            staleSegments: staleSegments, flaggedSegments: Set(findings.compactMap(\.location)).count,
            isInclude: isInclude)
    }

    /// A report from entries computed separately (kept in the order given).
    public init(entries: [Entry]) { self.entries = entries }

}
