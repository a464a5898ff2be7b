import DocGenCore
import DocGenMarkdown
import Testing

@Suite struct DocFXTests {
    private func html(_ markdown: String, context: HTMLRenderContext = HTMLRenderContext()) -> String {
        let rewritten = DocFXDirectives.rewrite(markdown)
        return HTMLRenderer.render(CMark.parse(rewritten.text), context: context)
    }

    private let titles: [DocFXAlert: String] = [.note: "Remarque", .warning: "Avertissement", .tip: "Conseil"]

    @Test(arguments: ["> [!NOTE]\n> Texte.", ">[!NOTE]\n>Texte.", "> [!Note]   \n> Texte.", "> [!NOTE] Texte."])
    func alertsInEveryWritingBecomeCallouts(markdown: String) {
        let output = html(markdown, context: HTMLRenderContext(alertTitles: titles))
        #expect(output.contains("<div class=\"alert alert-note\" role=\"note\">"))
        #expect(output.contains("<p class=\"alert-title\">Remarque</p>"))
        #expect(output.contains("Texte."))
        #expect(!output.contains("[!"))
    }

    @Test func ordinaryQuotesStayQuotes() {
        #expect(html("> just a quote").contains("<blockquote>"))
    }

    @Test func headingAnchorsGiveTheHeadingItsId() {
        let output = html("## <a name=\"my-id\"></a>Titre")
        #expect(output.contains("<h2 id=\"my-id\">Titre"))
        #expect(!output.contains("name=\"my-id\""))
    }

    @Test func headingIdsComeFromTheGivenSlugSources() {
        let french = CMark.parse("## Vue d’ensemble\n\n## Vue d’ensemble\n")
        let headings = Headings.collect(in: french)
        let ids = Headings.ids(for: headings, slugSources: ["Overview", "Overview"])
        #expect(ids == ["overview", "overview-1"])
        #expect(Headings.slug("Qu’est-ce que l’Espace partenaires ?") == "quest-ce-que-lespace-partenaires")
    }

    @Test func imageDirectivesBecomeImages() {
        let output = html(":::image type=\"content\" source=\"images/a b.png\" alt-text=\"Capture [1]\":::")
        #expect(output.contains("<img src=\"images/a%20b.png\" alt=\"Capture [1]\""))
        let lightbox = html(":::image type=\"content\" source=\"s.png\" alt-text=\"A\" lightbox=\"big.png\":::")
        #expect(lightbox.contains("<a href=\"big.png\"><img src=\"s.png\""))
    }

    @Test func complexImagesKeepTheirLongDescription() {
        let markdown = """
            :::image type="complex" source="flow.png" alt-text="Diagramme":::
            Une **longue** description.
            :::image-end:::

            Après.
            """
        let output = html(markdown)
        #expect(output.contains("<img src=\"flow.png\" alt=\"Diagramme\""))
        #expect(output.contains("<details class=\"image-description\">"))
        #expect(output.contains("<strong>longue</strong>"))
        #expect(output.contains("</details>"))
        #expect(!output.contains(":::"))
    }

    @Test func noLocDirectiveKeepsItsText() {
        #expect(html("| a | :::no-loc text=\"УНН/NZOU\"::: |\n|---|---|\n| 1 | 2 |").contains("УНН/NZOU"))
    }

    @Test func unknownDirectivesAreDroppedWithAWarning() {
        let result = DocFXDirectives.rewrite("Avant\n:::row:::\nAprès\n")
        #expect(result.issues.map(\.diagnostic.identifier) == ["docgen.docfx.unsupported-directive"])
        #expect(!result.text.contains(":::"))
    }

    @Test func directivesInsideCodeFencesAreLeftAlone() {
        let result = DocFXDirectives.rewrite("```\n:::image source=\"x.png\":::\n```\n")
        #expect(result.text.contains(":::image"))
    }

    @Test func sourceMapLeadsBackToTheInput() {
        let input = "ab :::no-loc text=\"X\"::: cd"
        let result = DocFXDirectives.rewrite(input)
        let outputOffset = Array(result.text.utf8).lastIndex(of: UInt8(ascii: "c"))!
        let inputOffset = Array(input.utf8).lastIndex(of: UInt8(ascii: "c"))!
        #expect(result.map.inputOffset(forOutput: outputOffset) == inputOffset)
    }

    @Test func gfmTablesStrikethroughAutolinksAndTagfilter() {
        let output = html("| a | b |\n|:--|--:|\n| 1 | 2 |\n\n~~old~~ www.example.com\n\n<script>alert(1)</script>\n")
        #expect(output.contains("<th style=\"text-align:left\">a</th>"))
        #expect(output.contains("<td style=\"text-align:right\">2</td>"))
        #expect(output.contains("<del>old</del>"))
        #expect(output.contains("<a href=\"http://www.example.com\">"))
        #expect(output.contains("&lt;script>"))
        #expect(!output.contains("<script>"))
    }

    @Test func linksAndImagesGoThroughTheContext() {
        var seen: [String] = []
        let context = HTMLRenderContext(
            resolveLink: { destination, _ in
                seen.append(destination)
                return destination.replacingOccurrences(of: ".md", with: ".html")
            })
        let output = html("[a](other.md#x)", context: context)
        #expect(output.contains("<a href=\"other.html#x\">a</a>"))
        #expect(seen == ["other.md#x"])
    }

    @Test func segmentNodesAreWrappedAndCaptured() {
        let paragraph = MarkdownNode(
            kind: .paragraph,
            children: [
                MarkdownNode(
                    kind: .segment(id: "s-1"),
                    children: [
                        MarkdownNode(kind: .text("Un ")),
                        MarkdownNode(kind: .strong, children: [MarkdownNode(kind: .text("b"))]),
                    ]),
                MarkdownNode(kind: .text(" et ")),
                MarkdownNode(kind: .segment(id: "s-<2>"), children: [MarkdownNode(kind: .text("deux"))]),
            ])
        let result = HTMLRenderer.renderWithSegments(
            MarkdownNode(kind: .document, children: [paragraph]), context: HTMLRenderContext())
        #expect(result.segments.map(\.id) == ["s-1", "s-<2>"])
        #expect(result.segments[0].html == "Un <strong>b</strong>")
        #expect(
            result.html
                == "<p><span data-seg=\"s-1\">Un <strong>b</strong></span> et <span data-seg=\"s-&lt;2&gt;\">deux</span></p>\n"
        )
    }
}
