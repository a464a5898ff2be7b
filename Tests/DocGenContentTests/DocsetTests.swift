import DocGenContent
import DocGenCore
import Testing

@Suite struct DocsetTests {
    @Test func globsFollowDocFXRules() {
        #expect(Glob("**/*.md").matches("a.md"))
        #expect(Glob("**/*.md").matches("a/b/c.md"))
        #expect(!Glob("*.md").matches("a/b.md"))
        #expect(Glob("**/includes/**").matches("x/includes/y.md"))
        #expect(Glob("README.md").matches("readme.md"))
    }

    @Test func docfxJSONSelectsContentAndMetadata() {
        let docfx = SourceFile(
            path: "docfx.json",
            text: """
                {"build": {"content": [{"files": ["**/*.md", "**/*.yml"], "exclude": ["**/includes/**", "README.md"]}],
                 "resource": [{"files": ["**/*.png"]}],
                 "globalMetadata": {"titleSuffix": "Partner Center", "searchScope": ["A", "B"]},
                 "fileMetadata": {"ms.topic": {"billing/**": "billing"}}}}
                """)
        let docgen = SourceFile(
            path: "docgen.yml", text: "title: Mon site\nbaseURL: https://example.com/docs\nlanguag: fr\n")
        let (config, diagnostics) = DocsetConfiguration.parse(docfx: docfx, docgen: docgen)
        #expect(config.isContent("a/b.md"))
        #expect(!config.isContent("x/includes/y.md"))
        #expect(!config.isContent("README.md"))
        #expect(config.isResource("images/a.png") && !config.isResource("notes.txt"))
        #expect(config.siteTitle == "Mon site")
        #expect(config.baseURL == "https://example.com/docs/")
        #expect(config.metadata(for: "billing/x.md")["ms.topic"] == "billing")
        #expect(config.metadata(for: "x.md")["searchScope"] == "A, B")
        #expect(diagnostics.map(\.identifier) == ["docgen.config.unknown-key"])
    }

    @Test func yamlPagesBecomeTargetOnlyArticles() throws {
        let faq = SourceFile(
            path: "faq.yml",
            text: """
                ### YamlMime:FAQ
                metadata:
                  title: FAQ meta
                  ms.date: 05/06/2021
                title: Questions fréquentes
                summary: Résumé **gras**.
                sections:
                - name: Profils
                  questions:
                  - question: >
                      Pourquoi ?
                    answer: Parce que [voir](a.md).
                """)
        let (article, diagnostics) = try #require(YamlPageParser.parse(faq))
        #expect(diagnostics.isEmpty)
        #expect(article.kind == .faq)
        #expect(article.targetTitle == "Questions fréquentes")
        #expect(article.isTargetOnly)
        #expect(article.frontMatter.date == MetadataDate(year: 2021, month: 5, day: 6))
        #expect(article.faq.map(\.question) == ["Pourquoi ?"])
        let markdown = article.body.markdown(for: .target).text
        #expect(markdown.contains("### Pourquoi ?") && markdown.contains("[voir](a.md)"))

        let landing = SourceFile(
            path: "index.yml",
            text:
                "### YamlMime:Landing\ntitle: Accueil\nlandingContent:\n- title: Démarrer\n  linkLists:\n  - linkListType: concept\n    links:\n    - text: Vue\n      url: overview.md\n"
        )
        let (page, _) = try #require(YamlPageParser.parse(landing))
        #expect(page.kind == .landing)
        #expect(page.body.markdown(for: .target).text.contains("- [Vue](<overview.md>)"))
        #expect(YamlPageParser.parse(SourceFile(path: "TOC.yml", text: "- name: x\n")) == nil)
    }

    @Test func redirectionsMapToPagesOrURLs() {
        let file = SourceFile(
            path: "../.openpublishing.redirection.json",
            text: """
                {"redirections": [
                  {"source_path": "docs/old.md", "redirect_url": "/docs/new", "redirect_document_id": false},
                  {"source_path": "docs/gone.md", "redirect_url": "https://example.com/gone"},
                  {"source_path": "other/x.md", "redirect_url": "/other/y"},
                  {"source_path": "docs/new.md", "redirect_url": "/docs/elsewhere"}
                ]}
                """)
        let (redirects, diagnostics) = RedirectParser.parse(file, docsetFolder: "docs", pages: ["new.md"])
        #expect(redirects.map(\.sourcePath) == ["old.md", "gone.md"])
        #expect(redirects[0].target == .page("new.md", suffix: ""))
        #expect(redirects[1].target == .external("https://example.com/gone"))
        #expect(diagnostics.map(\.identifier) == ["docgen.redirect.shadows-page"])
        // Each entry is located at the line of its own source path.
        #expect(redirects.map(\.location.line) == [2, 3])
        #expect(diagnostics.map { $0.location?.line } == [5])
    }
}

@Suite struct RootRedirectionTests {
    @Test func aRedirectionFileAtTheContentRootNeedsNoDocsetPrefix() {
        let file = SourceFile(
            path: ".openpublishing.redirection.json",
            text: #"{"redirections": [{"source_path": "docs/old.md", "redirect_url": "/docs/new"}]}"#)
        let (redirects, _) = RedirectParser.parse(file, docsetFolder: "", pages: ["docs/new.md"])
        #expect(redirects.map(\.sourcePath) == ["docs/old.md"])
        #expect(redirects.first?.target == .page("docs/new.md", suffix: ""))
    }
}
