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
    }

    /// The rows of an article, in segment order.
    public static func rows(for article: Article) -> [Row] {
        rows(for: article, findings: TranslationChecker.check(article))
    }

    /// The rows of an article from QA findings already computed for it.
    public static func rows(for article: Article, findings list: [Diagnostic]) -> [Row] {
        let findings = Dictionary(grouping: list, by: { $0.location })
        return article.segments.map { segment in
            let mine = findings[segment.location] ?? []
            return Row(
                id: segment.id, line: segment.location.line, targetText: segment.targetText,
                sourceText: segment.sourceText, flags: mine.map(\.identifier), messages: mine.map(\.summary))
        }
    }
}
