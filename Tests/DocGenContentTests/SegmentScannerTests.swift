import DocGenContent
import DocGenCore
import Testing

/// Builds a segment pair as the corpus writes it.
func pair(_ id: String, _ target: String, _ source: String) -> String {
    "<span data-ttu-id=\"\(id)\">\(target)</span><span class=\"sxs-lookup\"><span data-stu-id=\"\(id)\">\(source)</span></span>"
}

@Suite struct SegmentScannerTests {
    private func article(_ body: String) -> (Article, [Diagnostic]) {
        ArticleParser.parse(SourceFile(path: "a.md", text: "---\ntitle: T\n---\n" + body))
    }

    @Test func pairsEverywhereInTheBody() {
        let body = """
            # <a name="x"></a>\(pair("p-1", "Titre", "Title"))

            \(pair("p-2", "Un **gras**", "One **bold**")) \(pair("p-3", "Deux", "Two"))

            | \(pair("p-4", "Cellule", "Cell")) | b |
            |---|---|

            - [\(pair("p-5", "lien", "link"))](other.md)

            > [!NOTE]
            > \(pair("p-6", "Remarque", "Note text"))

            """
        let (article, diagnostics) = article(body)
        #expect(diagnostics.isEmpty)
        #expect(article.segments.map(\.id) == ["p-1", "p-2", "p-3", "p-4", "p-5", "p-6"])
        #expect(article.segments[1].targetText == "Un **gras**")
        #expect(article.segments[1].sourceText == "One **bold**")
        #expect(article.targetTitle == "Titre")
        #expect(article.sourceTitle == "Title")
        #expect(!article.isTargetOnly)
        let english = article.body.markdown(for: .source).text
        #expect(english.contains("One **bold** Two"))
        #expect(!english.contains("data-ttu-id"))
        let french = article.body.markdown(for: .target).text
        #expect(french.contains("[lien](other.md)"))
    }

    @Test func segmentPositionsAndRangesPointIntoTheFile() {
        let text = "---\ntitle: T\n---\nIntro " + pair("p-9", "é", "e") + "\n"
        let (article, _) = ArticleParser.parse(SourceFile(path: "a.md", text: text))
        let segment = article.segments[0]
        #expect(segment.location.line == 4)
        #expect(segment.location.column == 7)
        let bytes = Array(text.utf8)
        #expect(String(decoding: bytes[segment.targetRange], as: UTF8.self) == "é")
        #expect(String(decoding: bytes[segment.sourceRange], as: UTF8.self) == "e")
    }

    @Test func articleWithoutPairsIsTargetOnly() {
        let (article, diagnostics) = article("# Bonjour\n\nTexte.\n")
        #expect(diagnostics.isEmpty)
        #expect(article.isTargetOnly)
        #expect(article.sourceTitle == nil)
        #expect(article.targetTitle == "Bonjour")
    }

    @Test func unpairedTargetIsAnErrorAndItsTextIsKept() {
        let (article, diagnostics) = article("<span data-ttu-id=\"x-1\">Seul</span> suite\n")
        #expect(diagnostics.map(\.identifier) == ["docgen.segment.unpaired-target"])
        #expect(article.body.markdown(for: .source).text.contains("Seul suite"))
    }

    @Test func unpairedSourceIsAnErrorAndItsTextIsKept() {
        let (article, diagnostics) = article(
            "Avant <span class=\"sxs-lookup\"><span data-stu-id=\"x-1\">Alone</span></span> après\n")
        #expect(diagnostics.map(\.identifier) == ["docgen.segment.unpaired-source"])
        #expect(article.body.markdown(for: .target).text.contains("Avant Alone après"))
    }

    @Test func mismatchedAndDuplicateIdsAreWarnings() {
        let mismatched =
            "<span data-ttu-id=\"a-1\">Un</span><span class=\"sxs-lookup\"><span data-stu-id=\"a-2\">One</span></span>\n"
        let (_, first) = article(mismatched)
        #expect(first.map(\.identifier) == ["docgen.segment.id-mismatch"])
        let (article, second) = article(pair("a-1", "Un", "One") + " " + pair("a-1", "Deux", "Two") + "\n")
        #expect(second.map(\.identifier) == ["docgen.segment.duplicate-id"])
        #expect(article.segments.count == 2)
    }

    @Test func nestedAndUnclosedSpansAreErrors() {
        let nested =
            "<span data-ttu-id=\"n-1\">A <span data-ttu-id=\"n-2\">B</span></span>"
            + "<span class=\"sxs-lookup\"><span data-stu-id=\"n-1\">A B</span></span>\n"
        let (_, nestedDiagnostics) = article(nested)
        #expect(nestedDiagnostics.map(\.identifier).contains("docgen.segment.nested"))
        let (unclosed, unclosedDiagnostics) = article("<span data-ttu-id=\"u-1\">jamais fermé\n\nSuite\n")
        #expect(unclosedDiagnostics.map(\.identifier) == ["docgen.segment.unclosed"])
        #expect(unclosed.body.markdown(for: .target).text.contains("jamais fermé"))
    }
}

@Suite struct InlineTextTests {
    @Test func plainTextDropsMarkupAndKeepsWords() {
        #expect(
            InlineText.plain("**Gras** [lien](a.md) `code` <span a=\"b\">x</span> &amp; \\* ![img](p.png)")
                == "Gras lien code x & * img")
        #expect(InlineText.plain("  Titre   en\tdeux ##") == "Titre en deux")
        #expect(InlineText.plain("Qu’est-ce que l’Espace&nbsp;?") == "Qu’est-ce que l’Espace\u{00A0}?")
    }
}

@Suite struct WordCountTests {
    @Test func countsWordsAReaderSees() {
        #expect(InlineText.wordCount("Qu’est-ce que l’Espace partenaires ?") == 4)
        #expect(InlineText.wordCount("See [the **guide**](a/b-c.md) and <span class=\"x\">10 items</span>.") == 6)
        #expect(InlineText.wordCount("") == 0)
    }
}
