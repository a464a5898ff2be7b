import DocGenContent
import DocGenCore
import DocGenTranslation
import Testing

/// Staleness as a value for the site (ids of stale segments with their previous English) and the
/// coverage figures: stale counts, include lines, characters for Chinese and Japanese.
@Suite struct CoverageStaleTests {
    private func fixtureDiff() throws -> RevisionDiff {
        RevisionDiff.compare(old: try Fixtures.articles("diff/old"), new: try Fixtures.articles("diff/new"))
    }

    @Test func staleSegmentsAreKeyedByTheirCurrentIDsWithTheEnglishTheyHadBefore() throws {
        let diff = try fixtureDiff()
        let stale = StaleTranslations(diff)
        #expect(stale.total == diff.staleCount)
        let edited = try #require(diff.changes.first { $0.status == .sourceChanged })
        let article = edited.article
        #expect(stale.segments(in: article)[try #require(edited.new?.id)] == edited.old?.sourceText)
        // Ids of the old revision mean nothing in the content being built.
        #expect(stale.segments(in: article)[try #require(edited.old?.id)] == nil)
        #expect(stale.count(in: "no-such-article.md") == 0)
        #expect(StaleTranslations.none.total == 0)
    }

    @Test func coverageCountsStaleSegmentsFromTheDiff() throws {
        let diff = try fixtureDiff()
        let articles = try Fixtures.articles("diff/new").map { ArticleParser.parse($0).article }
        let withDiff = CoverageReport.compute(articles: articles, diff: diff)
        #expect(withDiff.total.staleSegments == diff.staleCount)
        #expect(CoverageReport.compute(articles: articles).total.staleSegments == 0)
    }

    @Test func translatorRowsCarryThePreviousEnglishOfStaleSegments() throws {
        let text = """
            <span data-ttu-id="x-1">Un.</span><span class="sxs-lookup"><span data-stu-id="x-1">One.</span></span> <span data-ttu-id="x-2">Deux.</span><span class="sxs-lookup"><span data-stu-id="x-2">Two.</span></span>
            """
        let article = ArticleParser.parse(SourceFile(path: "a.md", text: text)).article
        let rows = TranslatorView.rows(for: article, findings: [], stale: ["x-2": "Too."])
        #expect(rows.map(\.isStale) == [false, true])
        #expect(rows[1].previousSourceText == "Too.")
    }

    @Test func japaneseIsMeasuredInCharactersAndFrenchInWords() {
        #expect(InlineText.characterCount("パートナー センター") == 9)
        #expect(InlineText.characterCount("[リンク](https://example.com/a) <b>太字</b>") == 5)
        #expect(InlineText.wordCount("パートナー センター") == 2)
        #expect(Language("ja-JP").countsCharacters && Language("zh-Hans").countsCharacters)
        #expect(!Language.french.countsCharacters && !Language("ko").countsCharacters)
        let text = """
            <span data-ttu-id="j-1">パートナー センターにサインインします。</span><span class="sxs-lookup"><span data-stu-id="j-1">Sign in to Partner Center.</span></span>
            """
        let article = ArticleParser.parse(SourceFile(path: "ja.md", text: text)).article
        let characters = CoverageReport.entry(for: article, findings: [], countingCharacters: true)
        #expect(characters.targetWords == 18)
        #expect(characters.sourceWords == 5)
        #expect(CoverageReport.entry(for: article, findings: []).targetWords == 2)
        #expect(CoverageReport.entry(for: article, findings: [], isInclude: true).isInclude)
    }
}
