import DocGenCompile
import DocGenContent
import DocGenCore
import DocGenRender
import DocGenSite
import DocGenTranslation
import Foundation
import Testing

/// The coverage page: include files listed, linked from every page, sortable by a script the
/// table does not need, columns named in the target language with languages as names.
@Suite struct CoveragePageTests {
    static let built: (BuildReport, URL) = try! TestSupport.build(
        TestSupport.fixtures.appendingPathComponent("everything/content"))

    private func page(_ path: String) -> String { TestSupport.read(Self.built.1.appendingPathComponent(path)) ?? "" }

    @Test func includeFilesHaveTheirOwnLine() {
        let coverage = page("fr/coverage.html")
        #expect(coverage.contains("<tr class=\"coverage-include\">"))
        #expect(coverage.contains("<code>includes/shared.md</code>"))
    }

    @Test func everyHTMLPageOfTheSiteLinksToTheCoveragePage() throws {
        let pages = TestSupport.snapshot(Self.built.1).filter {
            $0.key.hasSuffix(".html") && ($0.key.hasPrefix("fr/") || $0.key.hasPrefix("en/"))
        }
        #expect(pages.count > 5)
        for (path, data) in pages {
            let html = String(decoding: data, as: UTF8.self)
            guard html.contains("<footer") else { continue }
            let depth = path.split(separator: "/").count - 1
            let expected =
                path.hasPrefix("fr/")
                ? String(repeating: "../", count: depth - 1) + "coverage.html"
                : String(repeating: "../", count: depth) + "fr/coverage.html"
            #expect(html.contains("class=\"coverage-link\" href=\"\(expected)\" hreflang=\"fr\""), "\(path)")
        }
        #expect(page("fr/index.html").components(separatedBy: "class=\"coverage-link\"").count == 3)
        #expect(page("en/index.html").contains(">Translation coverage</a>"))
    }

    @Test func theTableIsSortableByAScriptItDoesNotNeed() {
        let coverage = page("fr/coverage.html")
        #expect(coverage.contains("<table class=\"coverage-table\" data-sortable>"))
        #expect(coverage.contains("<script src=\"../assets/table-sort.js\" defer></script>"))
        #expect(coverage.contains("<p class=\"coverage-sort-hint\" hidden>"))
        #expect(
            FileManager.default.fileExists(atPath: Self.built.1.appendingPathComponent("assets/table-sort.js").path))
        #expect(coverage.contains("<th scope=\"col\" data-sort-type=\"number\">Mots (anglais)</th>"))
        #expect(coverage.contains("<th scope=\"col\" data-sort-type=\"number\">Mots (français)</th>"))
    }

    @Test func theTranslatorViewNamesItsColumnsLanguages() {
        let view = page("fr/everything.translation.html")
        #expect(view.contains("<th scope=\"col\">Traduction (français)</th><th scope=\"col\">Original (anglais)</th>"))
    }

    @Test func aJapaneseSiteCountsCharactersAndNamesItsLanguages() throws {
        let (theme, _) = try ThemeLoader.load(root: TestSupport.templates)
        let (templates, _) = PageTemplates.compile(theme)
        let japanese = Language("ja")
        let renderer = SiteRenderer(
            theme: theme, templates: templates, paths: PagePaths(targetLanguage: japanese),
            settings: SiteSettings(title: "Docs"))
        let text = """
            <span data-ttu-id="j-1">サインインします。</span><span class="sxs-lookup"><span data-stu-id="j-1">Sign in.</span></span>
            """
        let article = ArticleParser.parse(SourceFile(path: "ja.md", text: text)).article
        let entry = renderer.coverageEntry(article, findings: [])
        #expect(entry.targetWords == 8)
        let file = try #require(renderer.renderCoverage([article], entries: [entry]))
        let page = String(decoding: file.contents, as: UTF8.self)
        // The theme's Japanese strings, naming the languages in Japanese (CLDR).
        #expect(page.contains(">文字数 (日本語)</th>"))
        #expect(page.contains(">単語数 (英語)</th>"))
        #expect(!page.contains("French"))
    }
}
