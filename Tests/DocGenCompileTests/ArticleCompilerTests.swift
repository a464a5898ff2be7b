import DocGenCompile
import DocGenContent
import DocGenCore
import DocGenMarkdown
import Testing

/// The compile stage in memory: one article in, one compiled value out.
@Suite struct ArticleCompilerTests {
    static func pair(_ id: String, _ target: String, _ source: String) -> String {
        "<span data-ttu-id=\"\(id)\">\(target)</span><span class=\"sxs-lookup\"><span data-stu-id=\"\(id)\">\(source)</span></span>"
    }

    static let text = """
        ---
        title: Factures
        ms.contentlocale: fr-FR
        ---
        # \(pair("a-1", "Factures", "Invoices"))

        ## \(pair("a-2", "Vue d’ensemble", "Overview"))

        \(pair("a-3", "Lisez **la** [page](other.md).", "Read **the** [page](other.md).")) \(pair("a-4", "Voir [rien](missing.md).", "See [nothing](missing.md)."))

        ![Organigramme](images/onboarding.png)

        [Plus bas](#overview)
        """

    func compile(_ text: String = text, flows: Set<String> = ["onboarding"]) -> CompiledArticle {
        let article = ArticleParser.parse(SourceFile(path: "billing/invoices.md", text: text)).article
        let links = LinkResolver(
            articlePaths: ["billing/invoices.md", "billing/other.md"], resourcePaths: ["billing/images/onboarding.png"],
            paths: PagePaths(targetLanguage: .french))
        return ArticleCompiler(links: links, flowNames: flows).compile(article)
    }

    static func segments(in node: MarkdownNode) -> [(id: String, text: String)] {
        if case .segment(let id) = node.kind { return [(id, node.plainText)] }
        return node.children.flatMap { segments(in: $0) }
    }

    static func links(in node: MarkdownNode) -> [String] {
        if case .link(let destination, _) = node.kind { return [destination] }
        return node.children.flatMap { links(in: $0) }
    }

    @Test func segmentsAreNodesOfTheTreeInBothLanguages() throws {
        let compiled = compile()
        let target = Self.segments(in: compiled.target.root)
        let source = Self.segments(in: try #require(compiled.source).root)
        #expect(target.map(\.id) == ["a-1", "a-2", "a-3", "a-4"])
        #expect(source.map(\.id) == ["a-1", "a-2", "a-3", "a-4"])
        #expect(target[2].text == "Lisez la page.")
        #expect(source[2].text == "Read the page.")
    }

    @Test func headingsShareTheEnglishIds() throws {
        let compiled = compile()
        #expect(compiled.target.headings.map(\.id) == ["invoices", "overview"])
        #expect(compiled.source?.headings.map(\.id) == ["invoices", "overview"])
        #expect(compiled.target.headings.map(\.text) == ["Factures", "Vue d’ensemble"])
        #expect(compiled.target.anchors.contains("overview"))
    }

    @Test func linksAreResolvedOnceForBothLanguages() throws {
        let compiled = compile()
        #expect(Self.links(in: compiled.target.root).prefix(2) == ["other.html", "missing.md"])
        #expect(Self.links(in: try #require(compiled.source).root).prefix(2) == ["other.html", "missing.md"])
        let missing = compiled.diagnostics.filter { $0.identifier == "docgen.link.missing-target" }
        #expect(missing.count == 1, "one report for a link both languages share")
        #expect(missing.first?.location?.line == 9)
        #expect(!compiled.diagnostics.contains { $0.identifier == "docgen.link.missing-anchor" })
    }

    @Test func flowPicturesBecomeEmbeds() {
        let compiled = compile()
        #expect(compiled.referencedFlows == ["onboarding"])
        func embeds(_ node: MarkdownNode) -> [MarkdownNode.Kind] {
            if case .embed = node.kind { return [node.kind] }
            return node.children.flatMap(embeds)
        }
        #expect(
            embeds(compiled.target.root) == [
                .embed(name: "onboarding", fallbackSource: "../../billing/images/onboarding.png")
            ])
        #expect(compile(flows: []).referencedFlows.isEmpty)
    }

    @Test func plainTextAndWordCountsLeaveMarkupOut() {
        let compiled = compile()
        #expect(compiled.target.plainText.hasPrefix("Factures\nVue d’ensemble\nLisez la page. Voir rien.\n"))
        #expect(!compiled.target.plainText.contains("<"))
        // Invoices, Overview, Read, the, page, See, nothing, Plus, bas: the flow picture's alt is no text.
        #expect(compiled.source?.wordCount == 9)
    }

    @Test func aMarkerCutByEmphasisStaysInlineHTML() {
        let text = "---\ntitle: T\n---\n**\(Self.pair("b-1", "gras", "bold"))** and *\(Self.pair("b-2", "un*", "one"))"
        let compiled = compile(text)
        #expect(Self.segments(in: compiled.target.root).first?.id == "b-1")
        #expect(compiled.target.plainText.contains("gras"))
        #expect(compiled.target.plainText.contains("un"))
    }

    @Test func aBackslashLinkToNothingGetsBothProblemsAtEachPlace() {
        // Two lines: problems on one line with one message are reported once (as they always were).
        let text = "---\ntitle: T\n---\n[a](sub\\none.md)\n\n[b](sub\\none.md)\n"
        let compiled = compile(text)
        let identifiers = compiled.diagnostics.map(\.identifier)
        #expect(identifiers.filter { $0 == "docgen.link.backslash" }.count == 2)
        #expect(identifiers.filter { $0 == "docgen.link.missing-target" }.count == 2)
        #expect(Set(compiled.diagnostics.compactMap(\.location?.line)) == [4, 6], "each where it is written")
    }
}
