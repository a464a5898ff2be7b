import DocGenCore
import Foundation
import Testing

@testable import DocGenSite

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A small DocFX docset with TOC files, YAML pages, docfx.json, docgen.yml and redirects, built end to end.
@Suite struct DocsetSiteTests {
    static let docset = TestSupport.fixtures.appendingPathComponent("docset/docs")

    static let built: (BuildReport, URL) = try! TestSupport.build(docset)

    private func page(_ path: String) -> String { TestSupport.read(Self.built.1.appendingPathComponent(path)) ?? "" }

    @Test func docfxJSONExcludesIncludesAndReadme() {
        #expect(
            !FileManager.default.fileExists(
                atPath: Self.built.1.appendingPathComponent("fr/includes/snippet.html").path))
        #expect(!FileManager.default.fileExists(atPath: Self.built.1.appendingPathComponent("fr/README.html").path))
        #expect(
            page("fr/guide/start.html").contains("Docs d’essai")
                || page("fr/guide/start.html").contains("Docs d&#39;essai")
                || page("fr/guide/start.html").contains("Docs d’essai"))
    }

    @Test func everyPageHasSidebarBreadcrumbsOutlineAndPager() {
        for language in ["fr", "en"] {
            let start = page("\(language)/guide/start.html")
            #expect(start.contains("class=\"sidebar\""), "\(language): sidebar")
            #expect(start.contains("aria-current=\"page\""), "\(language): current page marked")
            #expect(start.contains("class=\"breadcrumbs\""), "\(language): breadcrumbs")
            #expect(start.contains("class=\"outline\""), "\(language): outline")
            #expect(start.contains("rel=\"prev\"") && start.contains("rel=\"next\""), "\(language): previous/next")
            #expect(start.contains("href=\"configure.html\" rel=\"next\""), "\(language): next follows TOC order")
        }
        #expect(
            page("fr/guide/start.html").contains("Guide\u{00A0}pratique"), "YAML escape \\_ decodes to a no-break space"
        )
        #expect(page("fr/guide/start.html").contains("data-keywords=\"start, begin\""))
    }

    @Test func englishSidebarUsesEnglishTitlesAndMarksTheRest() {
        let english = page("en/guide/start.html")
        #expect(english.contains(">Configure</a>"))
        #expect(english.contains("lang=\"fr\">Annonces</span>"), "a French-only entry is marked, not silently French")
        #expect(english.contains("toc-untranslated"))
    }

    @Test func yamlPagesRenderAndTheLandingIsTheHome() {
        let home = page("fr/index.html")
        #expect(home.contains("Documentation d’essai") || home.contains("Documentation d&#39;essai"))
        #expect(home.contains("href=\"guide/start.html\""))
        #expect(FileManager.default.fileExists(atPath: Self.built.1.appendingPathComponent("fr/articles.html").path))
        let faq = page("fr/faq.html")
        #expect(faq.contains("\"@type\":\"FAQPage\""))
        #expect(faq.contains("Comment démarrer"))
        #expect(page("en/faq.html").contains("page-missing"))
    }

    @Test func redirectsLandInBothLanguages() {
        for language in ["fr", "en"] {
            let old = page("\(language)/old-start.html")
            #expect(old.contains("http-equiv=\"refresh\" content=\"0; url=guide/start.html\""), "\(language)")
            #expect(old.contains("rel=\"canonical\""))
            #expect(page("\(language)/moved.html").contains("url=guide/start.html"), "redirect_url front matter")
        }
        #expect(page("fr/gone.html").contains("url=https://example.com/gone"))
    }

    @Test func sitemapHasHreflangPairsAndCrawlerFilesExist() throws {
        let sitemap = page("sitemap.xml")
        let document = try XMLDocument(data: Data(sitemap.utf8))
        let urls = try document.nodes(forXPath: "//*[local-name()='url']")
        #expect(urls.count >= 6)
        #expect(sitemap.contains("<loc>https://docs.example.com/site/fr/guide/start.html</loc>"))
        #expect(sitemap.contains("hreflang=\"en\" href=\"https://docs.example.com/site/en/guide/start.html\""))
        #expect(page("robots.txt").contains("Sitemap: https://docs.example.com/site/sitemap.xml"))
        #expect(page("404.html").contains("https://docs.example.com/site/fr/index.html"))
        let start = page("fr/guide/start.html")
        #expect(start.contains("rel=\"canonical\" href=\"https://docs.example.com/site/fr/guide/start.html\""))
        #expect(start.contains("property=\"og:title\"") && start.contains("property=\"og:description\""))
        #expect(start.contains("https://git.example.com/docs/blob/main/guide/start.md"), "view source link")
        #expect(start.contains("favicon"))
    }

    @Test func linksAnchorsAndTOCHrefsAreCheckedAndResolved() {
        let ids = Self.built.0.diagnostics.map(\.identifier)
        #expect(ids.contains("docgen.toc.missing-target"))
        let anchor = Self.built.0.diagnostics.first { $0.identifier == "docgen.link.missing-anchor" }
        #expect(anchor?.location?.path == "guide/start.md")
        #expect(anchor?.location?.line == 14)
        #expect(
            !Self.built.0.diagnostics.contains { $0.summary.contains("#options") }, "an existing anchor is not reported"
        )
        let start = page("en/guide/start.html")
        #expect(start.contains("href=\"configure.html#options\""))
        #expect(start.contains("href=\"../faq.html\""))
        #expect(
            start.contains("https://learn.example.com/fr-fr/azure/overview?toc=/azure/toc.json"),
            "root-relative TOC href")
        #expect(!Self.built.0.diagnostics.hasErrors)
    }
}

@Suite struct RootRelativeLinkTests {
    @Test func rootRelativeLinksGetOneNoteUnlessARootIsConfigured() {
        let page = OutputFile(
            path: "fr/a.html", text: "<a href=\"/azure/x\">a</a> <a href=\"//cdn/x\">b</a> <a href=\"/b\">c</a>")
        var links = PageStage.RootRelativeLinks()
        for file in [
            page, OutputFile(path: "x.css", text: " href=\"/z"), OutputFile(path: "404.html", text: " href=\"/z"),
        ] {
            links.count(file)
        }
        #expect(links.links == 2 && links.pages == 1, "only HTML pages other than 404.html count")
        let note = SiteBuilder.rootRelativeLinkNote(links: links.links, pages: links.pages)
        #expect(note.identifier == "docgen.link.root-relative")
        #expect(note.severity == .note)
        #expect(note.summary.hasPrefix("2 links on 1 pages"))
        var none = PageStage.RootRelativeLinks()
        none.count(OutputFile(path: "a.html", text: "<a href=\"a.html\">"))
        #expect(none.links == 0)
    }
}
