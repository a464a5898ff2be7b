import DocGenContent
import DocGenCore

/// The QA findings of a docset, with counts per article and per identifier.
public struct TranslationQA: Sendable {
    /// One article's findings.
    public struct ArticleReport: Sendable {
        /// The article path.
        public var article: String
        /// How many segments the article has.
        public var segmentCount: Int
        /// The findings, in segment order.
        public var findings: [Diagnostic]
        /// How many segments have at least one finding.
        public var flaggedSegmentCount: Int

        /// The number of findings per identifier.
        public var counts: [String: Int] { findings.reduce(into: [:]) { $0[$1.identifier, default: 0] += 1 } }
    }

    /// The reports of the articles that have segments, sorted by path.
    public var articles: [ArticleReport]

    /// Every finding, in output order.
    public var findings: [Diagnostic] { articles.flatMap(\.findings) }

    /// Checks every article.
    public static func check(_ articles: [Article]) -> TranslationQA {
        TranslationQA(
            articles: articles.filter { !$0.segments.isEmpty }.sorted { $0.path < $1.path }.map { article in
                let findings = TranslationChecker.check(article)
                let flagged = Set(findings.compactMap(\.location)).count
                return ArticleReport(
                    article: article.path, segmentCount: article.segments.count, findings: findings,
                    flaggedSegmentCount: flagged)
            })
    }

    /// A table of counts: one line per article with findings, then the totals per identifier.
    public func summary() -> String {
        var out = ""
        for report in articles where !report.findings.isEmpty {
            let counts = report.counts.sorted { $0.key < $1.key }
                .map { "\($0.key.replacingOccurrences(of: "docgen.qa.", with: "")) \($0.value)" }
            out +=
                "\(report.article): \(report.flaggedSegmentCount)/\(report.segmentCount) segments flagged ("
                + counts.joined(separator: ", ") + ")\n"
        }
        let totals = findings.reduce(into: [String: Int]()) { $0[$1.identifier, default: 0] += 1 }
        out += "Totals:"
        for identifier in TranslationChecker.identifiers { out += " \(identifier) \(totals[identifier] ?? 0);" }
        out += "\n"
        return out
    }
}
