import DocGenContent
import DocGenCore
import DocGenTranslation
import Testing

@Suite struct QATests {
    private func problems() throws -> Article {
        ArticleParser.parse(try Fixtures.articles("qa")[0]).article
    }

    /// Each segment of `qa/problems.md` carries exactly the problem its id is listed with here.
    @Test func eachProblemHasItsIdentifier() throws {
        let findings = TranslationChecker.check(try problems())
        var bySegment: [String: [String]] = [:]
        for finding in findings {
            let id = String(finding.summary.split(separator: ":")[0].dropFirst("segment ".count))
            bySegment[id, default: []].append(finding.identifier)
        }
        #expect(bySegment["q-1"] == ["docgen.qa.bold-mismatch"])
        #expect(bySegment["q-2"] == ["docgen.qa.italic-mismatch"])
        #expect(bySegment["q-3"] == ["docgen.qa.code-mismatch"])
        #expect(bySegment["q-4"] == ["docgen.qa.link-mismatch"])
        #expect(bySegment["q-5"] == ["docgen.qa.link-target-mismatch"])
        #expect(bySegment["q-6"]?.contains("docgen.qa.broken-link") == true)
        #expect(bySegment["q-7"] == ["docgen.qa.untranslated"])
        #expect(bySegment["q-8"] == ["docgen.qa.identical-to-source"])
        #expect(bySegment["q-9"] == ["docgen.qa.number-mismatch"])
        #expect(bySegment["q-10"] == ["docgen.qa.french-spacing"])
        // Localised link folders, times and spaced colons are fine.
        #expect(bySegment["q-11"] == nil)
        #expect(findings.allSatisfy { $0.severity == .warning && $0.location?.path == "problems.md" })
    }

    @Test func reportCountsPerArticle() throws {
        let qa = TranslationQA.check([try problems()])
        let report = try #require(qa.articles.first)
        #expect(report.segmentCount == 11)
        #expect(report.flaggedSegmentCount == 10)
        #expect(report.counts["docgen.qa.code-mismatch"] == 1)
        #expect(qa.summary().contains("problems.md: 10/11 segments flagged"))
    }

    @Test func translatorViewAndCoverage() throws {
        let article = try problems()
        let rows = TranslatorView.rows(for: article)
        #expect(rows.count == 11)
        #expect(rows[2].id == "q-3")
        #expect(rows[2].flags == ["docgen.qa.code-mismatch"])
        #expect(rows[10].flags.isEmpty)
        let everything = ArticleParser.parse(try Fixtures.articles("everything")[0]).article
        let coverage = CoverageReport.compute(articles: [everything, article])
        #expect(coverage.entries.map(\.article) == ["billing.md", "problems.md"])
        #expect(coverage.entries[0].translationType == .machine)
        #expect(coverage.entries[1].translationType == .human)
        #expect(coverage.entries[0].segments == 8)
        #expect(coverage.entries[1].flaggedSegments == 10)
        #expect(coverage.total.segments == 19)
        #expect(coverage.entries[0].sourceWords > 0)
    }
}
