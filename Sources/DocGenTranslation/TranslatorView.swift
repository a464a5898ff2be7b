import DocGenContent
import DocGenCore

/// The data of an article's translator view: one row per segment with its id, the translated and
/// the English Markdown, and the QA flags. The site stage renders it as a target | source table.
public enum TranslatorView {
    /// One row of the table.
    public struct Row: Hashable, Sendable {
        /// The segment id.
        public var id: String
        /// The 1-based line of the segment in the article.
        public var line: Int
        /// The translated Markdown.
        public var targetText: String
        /// The English Markdown.
        public var sourceText: String
        /// The QA identifiers found on this segment (`docgen.qa.code-mismatch`…), in check order.
        public var flags: [String]
        /// The one-line summaries of those findings, in the same order.
        public var messages: [String]
        /// The English at the baseline revision when the segment is stale (its English changed
        /// since, its translation did not); `nil` otherwise.
        public var previousSourceText: String? = nil

        /// Whether the translation is out of date.
        public var isStale: Bool { previousSourceText != nil }
    }

    /// The rows of an article, in segment order.
    public static func rows(for article: Article) -> [Row] {
        rows(for: article, findings: TranslationChecker.check(article))
    }

    /// The rows of an article from QA findings already computed for it.
    /// `stale` maps the ids of the article's stale segments to their English at the baseline.
    public static func rows(for article: Article, findings list: [Diagnostic], stale: [String: String] = [:]) -> [Row] {
        let findings = Dictionary(grouping: list, by: { $0.location })
        return article.segments.map { segment in
            let mine = findings[segment.location] ?? []
            return Row(
                id: segment.id, line: segment.location.line, targetText: segment.targetText,
                sourceText: segment.sourceText, flags: mine.map(\.identifier), messages: mine.map(\.summary),
                previousSourceText: stale[segment.id])
        }
    }
}
