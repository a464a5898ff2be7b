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
        #expect(diff.staleCount == 2)  // the edited sentence and the markup-only change
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

@Suite struct DiffReconciliationTests {
    private func snapshot(_ id: String, _ source: String, _ target: String, _ line: Int) -> SegmentSnapshot {
        SegmentSnapshot(id: id, sourceText: source, targetText: target, line: line)
    }

    @Test func movedSentenceIsUnchangedWithBothPositions() {
        let a = snapshot("1", "Open the invoice.", "Ouvrez la facture.", 1)
        let b = snapshot("2", "Select Billing.", "Sélectionnez Facturation.", 2)
        let c = snapshot("3", "Click Save.", "Cliquez sur Enregistrer.", 3)
        let changes = SegmentMatcher.changes(
            article: "a.md", old: [a, b, c],
            new: [c, a, b].enumerated().map {
                var moved = $0.element
                moved.line = $0.offset + 1
                return moved
            })
        #expect(changes.count == 3)
        #expect(changes.allSatisfy { $0.status == .unchanged })
        let moved = changes.filter(\.isMoved)
        #expect(moved.count == 1)
        #expect(moved.first?.old?.line == 3 && moved.first?.new?.line == 1)
    }

    @Test func rewrittenEnglishBesideTheSameFrenchIsStale() {
        let old = [snapshot("1", "Sign in to Partner Center.", "Connectez-vous.", 1)]
        let new = [snapshot("2", "Use your work account for everything here.", "Connectez-vous.", 1)]
        let changes = SegmentMatcher.changes(article: "a.md", old: old, new: new)
        #expect(changes.map(\.status) == [.sourceChanged])
        #expect(changes[0].isStale)
    }

    @Test func similarityIgnoresCaseAndStopsUnrelatedPairs() {
        #expect(SegmentMatcher.similarity("Select the Billing page.", "select the billing page") == 1)
        #expect(
            SegmentMatcher.similarity("Go to the settings of your account.", "Add a user to the list of your team.")
                == 0)
        let old = [snapshot("1", "Go to the settings of your account.", "Allez aux paramètres.", 1)]
        let new = [snapshot("2", "Add a user to the list of your team.", "Ajoutez un utilisateur.", 1)]
        #expect(SegmentMatcher.changes(article: "a.md", old: old, new: new).map(\.status) == [.added, .removed])
    }

    @Test func jsonHasEverySegmentAndASummaryThatReconciles() throws {
        let diff = RevisionDiff.compare(old: try Fixtures.articles("diff/old"), new: try Fixtures.articles("diff/new"))
        let lines = DiffFormatter.jsonLines(diff).split(separator: "\n")
        #expect(lines.count == diff.changes.count)
        #expect(lines.contains { $0.contains(#""status":"unchanged""#) })
        let summary = DiffFormatter.jsonSummary(diff)
        #expect(summary.hasPrefix(#"{"summary":{"unchanged":4,"#))
        #expect(summary.contains(#""stale":2"#))
    }
}
