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
        /// Findings left out because a reviewer accepted them (`QAAcceptance`).
        public var acceptedCount = 0
        /// The English and the translation of each segment with a finding, by location (for JSON).
        public var texts: [SourceLocation: (id: String, source: String, target: String)] = [:]

        /// The number of findings per identifier.
        public var counts: [String: Int] { findings.reduce(into: [:]) { $0[$1.identifier, default: 0] += 1 } }
    }

    /// The reports of the articles that have segments, sorted by path.
    public var articles: [ArticleReport]

    /// Every finding, in output order.
    public var findings: [Diagnostic] { articles.flatMap(\.findings) }

    /// How many findings were accepted and left out.
    public var acceptedCount: Int { articles.reduce(0) { $0 + $1.acceptedCount } }

    /// Checks every article, leaving out the findings `accepted` lists.
    public static func check(_ articles: [Article], accepted: QAAcceptance = QAAcceptance()) -> TranslationQA {
        TranslationQA(
            articles: articles.filter { !$0.segments.isEmpty }.sorted { $0.path < $1.path }.map { article in
                let locale = (article.frontMatter.contentLocale ?? "fr-fr").lowercased()
                var report = ArticleReport(
                    article: article.path, segmentCount: article.segments.count, findings: [], flaggedSegmentCount: 0)
                for segment in article.segments {
                    let found = TranslationChecker.check(segment, locale: locale)
                    let kept = found.filter {
                        !accepted.accepts(article: article.path, segmentID: segment.id, identifier: $0.identifier)
                    }
                    report.acceptedCount += found.count - kept.count
                    report.findings += kept
                    if !kept.isEmpty {
                        report.texts[segment.location] = (segment.id, segment.sourceText, segment.targetText)
                    }
                }
                report.flaggedSegmentCount = Set(report.findings.compactMap(\.location)).count
                return report
            })
    }

    /// The findings as JSON Lines, one object per finding with its position, segment, check, message
    /// and both texts, then a `{"summary": …}` object with the counts per check.
    public func jsonLines() -> String {
        var out = ""
        for report in articles {
            for finding in report.findings {
                let location = finding.location
                let text = location.flatMap { report.texts[$0] }
                out +=
                    JSONText.object([
                        ("path", JSONText.string(location?.path ?? report.article)),
                        ("line", String(location?.line ?? 0)), ("column", String(location?.column ?? 0)),
                        ("segment", text.map { JSONText.string($0.id) } ?? "null"),
                        ("identifier", JSONText.string(finding.identifier)),
                        ("severity", JSONText.string(finding.severity.rawValue)),
                        ("summary", JSONText.string(finding.summary)),
                        ("fix", finding.fix.map(JSONText.string) ?? "null"),
                        ("source", text.map { JSONText.string($0.source) } ?? "null"),
                        ("target", text.map { JSONText.string($0.target) } ?? "null"),
                    ]) + "\n"
            }
        }
        let totals = findings.reduce(into: [String: Int]()) { $0[$1.identifier, default: 0] += 1 }
        var fields = TranslationChecker.identifiers.map { ($0, String(totals[$0] ?? 0)) }
        fields += [
            ("findings", String(findings.count)), ("accepted", String(acceptedCount)),
            ("segments", String(articles.reduce(0) { $0 + $1.segmentCount })),
            ("flaggedSegments", String(articles.reduce(0) { $0 + $1.flaggedSegmentCount })),
        ]
        return out + JSONText.object([("summary", JSONText.object(fields))]) + "\n"
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
        if acceptedCount > 0 { out += " accepted \(acceptedCount);" }
        out += "\n"
        return out
    }
}
