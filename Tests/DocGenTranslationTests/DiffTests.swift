import DocGenCore
import DocGenTranslation
import Testing

@Suite struct DiffTests {
    private func fixtureDiff() throws -> RevisionDiff {
        RevisionDiff.compare(old: try Fixtures.articles("diff/old"), new: try Fixtures.articles("diff/new"))
    }

    @Test func segmentsAreMatchedByEnglishAcrossNewIDs() throws {
        let diff = try fixtureDiff()
        #expect(diff.counts[.unchanged] == 4)
        #expect(diff.counts[.sourceChanged] == 1)
        #expect(diff.counts[.targetChanged] == 1)
        #expect(diff.counts[.markupOnly] == 1)
        #expect(diff.counts[.added] == 2)
        #expect(diff.counts[.removed] == 1)
        #expect(diff.staleCount == 1)
        #expect(diff.hasDifferences)
        let edited = try #require(diff.changes.first { $0.status == .sourceChanged })
        #expect(edited.old?.id == "aaaa1-103")
        #expect(edited.new?.id == "bbbb2-103")
        #expect(edited.isStale)
        #expect(edited.similarity > 0.5 && edited.similarity < 1)
        // Repeated English sentences pair in order.
        let yes = diff.changes.filter { $0.new?.sourceText == "Yes" }
        #expect(yes.map { $0.old?.id } == ["aaaa1-106", "aaaa1-107"])
    }

    @Test func identicalRevisionsHaveNoDifferences() throws {
        let old = try Fixtures.articles("diff/old")
        let diff = RevisionDiff.compare(old: old, new: old)
        #expect(!diff.hasDifferences)
        #expect(diff.counts[.unchanged] == 8)
    }

    @Test func humanAndJSONOutputMatchGolden() throws {
        let diff = try fixtureDiff()
        try Fixtures.expectGolden(DiffFormatter.human(diff), "diff.txt")
        try Fixtures.expectGolden(DiffFormatter.jsonLines(diff), "diff.jsonl")
        #expect(DiffFormatter.human(diff, color: true).contains("\u{1B}[31m[-"))
    }

    @Test func wordDiffMarksRemovalsAndAdditions() {
        #expect(
            WordDiff.render("Open the invoice of last month.", "Open the invoice of the previous month.")
                == "Open the invoice of [-last-] {+the previous+} month.")
        #expect(WordDiff.similarity("a b c d", "a b c d") == 1)
        #expect(WordDiff.similarity("a b", "c d") == 0)
    }
}
