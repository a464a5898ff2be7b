import DocGenCompile
import DocGenContent
import DocGenCore
import DocGenRender
import DocGenSite
import Foundation
import Testing

/// Stale segments on the reader's page, rendered in memory: the segment is marked and the block
/// holding it is followed by a disclosure with the current English, where HTML allows a block.
@Suite struct StaleMarksTests {
    static let markdown = """
        ---
        title: Titre
        ---
        # <span data-ttu-id="t-101">Titre</span><span class="sxs-lookup"><span data-stu-id="t-101">Title</span></span>

        <span data-ttu-id="t-102">Un paragraphe.</span><span class="sxs-lookup"><span data-stu-id="t-102">A **new** paragraph.</span></span> <span data-ttu-id="t-103">Une autre phrase.</span><span class="sxs-lookup"><span data-stu-id="t-103">Another sentence.</span></span>

        - <span data-ttu-id="t-104">Un élément.</span><span class="sxs-lookup"><span data-stu-id="t-104">An item.</span></span>

        | A | B |
        |---|---|
        | <span data-ttu-id="t-105">Une cellule.</span><span class="sxs-lookup"><span data-stu-id="t-105">A cell.</span></span> | x |

        """

    private func render(stale: Set<String>) throws -> (target: String, source: RenderedBody) {
        let article = ArticleParser.parse(SourceFile(path: "a.md", text: Self.markdown)).article
        let (theme, _) = try ThemeLoader.load(root: TestSupport.templates)
        let paths = PagePaths(targetLanguage: .french)
        let compiler = ArticleCompiler(links: LinkResolver(articlePaths: ["a.md"], resourcePaths: [], paths: paths))
        let compiled = compiler.compile(article)
        let renderer = ArticleRenderer(theme: theme, paths: paths)
        let source = renderer.render(try #require(compiled.body(.source)), articlePath: "a.md")
        var staleSource: [String: String] = [:]
        for (id, html) in source.segments where stale.contains(id) { staleSource[id] = html }
        let target = renderer.render(
            try #require(compiled.body(.target)), articlePath: "a.md", staleSource: staleSource)
        return (target.html, source)
    }

    @Test func withoutStaleSegmentsTheBodyIsUnchanged() throws {
        let (plain, _) = try render(stale: [])
        #expect(!plain.contains("seg-stale"))
        #expect(!plain.contains("<details"))
    }

    @Test func aStaleSegmentIsMarkedAndItsParagraphFollowedByTheCurrentEnglish() throws {
        let (html, _) = try render(stale: ["t-102"])
        #expect(html.contains("<span class=\"seg-stale\" data-seg=\"t-102\">Un paragraphe.</span>"))
        #expect(html.contains("<span data-seg=\"t-103\">"))
        // After the paragraph, not inside it (a <details> cannot sit in a <p>).
        #expect(
            html.contains(
                "Une autre phrase.</span></p>\n<details class=\"stale-note\"><summary><span class=\"stale-label\">L’original en anglais a changé depuis cette traduction.</span> Afficher l’original actuel</summary><p class=\"stale-source\" lang=\"en\">A <strong>new</strong> paragraph.</p></details>\n"
            ))
        #expect(html.components(separatedBy: "<details").count == 2)
    }

    @Test func notesStandInsideListItemsAndTableCellsAndAfterHeadings() throws {
        let (html, _) = try render(stale: ["t-101", "t-104", "t-105"])
        #expect(html.contains("</h1>\n<details class=\"stale-note\">"))
        #expect(
            html.range(
                of:
                    #"<li><span class="seg-stale" data-seg="t-104">Un élément.</span>\n<details class="stale-note">.*</details>\n</li>"#,
                options: .regularExpression) != nil)
        #expect(
            html.range(
                of:
                    #"<td><span class="seg-stale" data-seg="t-105">Une cellule.</span><details class="stale-note">.*?</details>\n</td>"#,
                options: .regularExpression) != nil)
        #expect(html.components(separatedBy: "<details").count == 4)
    }
}
