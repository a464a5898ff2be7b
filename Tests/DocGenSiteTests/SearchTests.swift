import DocGenCore
import DocGenSite
import Foundation
import Testing

/// Search (issue 11): what pages give Pagefind to index, and the build's search stage run with a
/// stand-in for Pagefind (a shell script), so these tests need no outside program.
@Suite struct SearchTests {
    /// A docset written here: an MT article in a TOC section, and a French-only article.
    static let content: URL = {
        let root = TestSupport.temporaryFolder().appendingPathComponent("content")
        let files = [
            "TOC.yml": """
            - name: Facturation
              items:
              - name: Factures
                href: billing/invoice.md
            - name: Seul
              href: plain.md
            """,
            "billing/invoice.md": """
            ---
            title: Factures
            ms.date: 04/03/2021
            ms.translationtype: MT
            ms.contentlocale: fr-FR
            ---
            # <span data-ttu-id="a-1">Lire votre facture</span><span class="sxs-lookup"><span data-stu-id="a-1">Read your invoice</span></span>

            ## <span data-ttu-id="a-2">L’état du paiement</span><span class="sxs-lookup"><span data-stu-id="a-2">Payment status</span></span>

            <span data-ttu-id="a-3">Les factures sont mensuelles.</span><span class="sxs-lookup"><span data-stu-id="a-3">Invoices are monthly.</span></span>
            """,
            "untranslated.md": """
            ---
            title: Not translated yet
            ms.contentlocale: en-US
            ---
            # Not translated yet

            Invoices are monthly.
            """,
            "plain.md": """
            ---
            title: Seul
            ms.translationtype: HT
            ms.contentlocale: fr-FR
            ---
            # Seulement en français

            Aucun original anglais.
            """,
        ]
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try? FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? text.write(to: url, atomically: true, encoding: .utf8)
        }
        return root
    }()

    /// A stand-in for Pagefind: writes a small bundle into `--site` and notes where it ran.
    static func fakePagefind(exitStatus: Int = 0) -> URL {
        try! TestSupport.stubPagefind(
            """
            echo x > "$out/index/fr_1.pf_index"
            echo ui > "$out/pagefind-ui.js"
            echo "$site" > "$out/ran-in"
            ls "$site/fr" > "$out/pages-seen"
            find "$site" -name '*.html' ! -path '*/pagefind/*' | sort | xargs cat | cksum > "$out/pages-digest"
            echo "indexing went wrong" >&2
            exit \(exitStatus)
            """)
    }

    static func build(search: Bool, pagefind: URL? = nil, output: URL? = nil) throws -> (BuildReport, URL) {
        let output = output ?? TestSupport.temporaryFolder().appendingPathComponent("site")
        let report = try SiteBuilder.build(
            BuildOptions(
                content: content, output: output, templates: TestSupport.templates, search: search,
                pagefind: pagefind))
        return (report, output)
    }

    static let plain: (BuildReport, URL) = try! build(search: false)

    private func page(_ site: URL, _ path: String) -> String {
        TestSupport.read(site.appendingPathComponent(path)) ?? ""
    }

    /// The `<article …>` element that Pagefind indexes, from its start tag to its end.
    private func indexed(_ html: String) -> Substring? {
        guard let start = html.range(of: "<article class=\"content\" data-segments"),
            let end = html.range(of: "</article>", range: start.upperBound..<html.endIndex)
        else { return nil }
        return html[start.lowerBound..<end.upperBound]
    }

    @Test func articlePagesMarkTheirTextWithTitleSectionTranslationAndLanguage() throws {
        let french = page(Self.plain.1, "fr/billing/invoice.html")
        #expect(french.contains("<html lang=\"fr\" dir=\"ltr\">"))
        let article = try #require(indexed(french))
        #expect(article.hasPrefix("<article class=\"content\" data-segments=\"3\" data-pagefind-body"))
        #expect(article.contains("data-pagefind-filter=\"language:fr\""))
        #expect(
            article.contains(
                "data-pagefind-meta=\"title[data-search-title], section[data-search-section], translation[data-search-translation]\""
            ))
        #expect(article.contains("data-search-title=\"Lire votre facture\""))
        #expect(article.contains("data-search-section=\"Facturation\""))
        #expect(article.contains("data-search-translation=\"MT\""))
        #expect(article.contains("<p class=\"last-updated\" data-pagefind-ignore>"))

        // The English page is indexed as English, and an original is no translation.
        let english = page(Self.plain.1, "en/billing/invoice.html")
        #expect(english.contains("<html lang=\"en\" dir=\"ltr\">"))
        let source = try #require(indexed(english))
        #expect(source.contains("data-pagefind-filter=\"language:en\""))
        #expect(source.contains("data-search-title=\"Read your invoice\""))
        #expect(source.contains("data-search-section=\"Facturation\""))
        #expect(!source.contains("data-search-translation"))
        #expect(source.contains("Invoices are monthly.") && !source.contains("mensuelles"))
    }

    @Test func aPageShowingEnglishForWantOfATranslationIsIndexedAsEnglish() throws {
        let html = page(Self.plain.1, "fr/untranslated.html")
        #expect(html.contains("<html lang=\"en\" dir=\"ltr\">"))
        #expect(try #require(indexed(html)).contains("data-pagefind-filter=\"language:en\""))
        // The site's own pages in French stay French.
        #expect(page(Self.plain.1, "fr/plain.html").contains("<html lang=\"fr\" dir=\"ltr\">"))
        #expect(page(Self.plain.1, "fr/index.html").contains("<html lang=\"fr\" dir=\"ltr\">"))
    }

    @Test func onlyTheArticleTextIsIndexedNotTheFurniture() throws {
        let html = page(Self.plain.1, "fr/billing/invoice.html")
        #expect(html.components(separatedBy: "data-pagefind-body").count == 2)
        let article = try #require(indexed(html))
        for furniture in [
            "class=\"sidebar\"", "class=\"outline\"", "class=\"banner", "class=\"breadcrumbs\"",
            "class=\"pager\"", "class=\"site-header\"", "class=\"reader-modes\"",
        ] {
            #expect(html.contains(furniture) || furniture.contains("reader"))
            #expect(!article.contains(furniture), "\(furniture) is inside the indexed text")
        }
    }

    @Test func pagesThatAreNotArticlesAreNotIndexed() {
        let snapshot = TestSupport.snapshot(Self.plain.1)
        let indexedPages = snapshot.filter { String(decoding: $0.value, as: UTF8.self).contains("data-pagefind-body") }
            .keys.sorted()
        // The English page of the French-only article says there is none: not indexed.
        #expect(
            indexedPages == [
                "en/billing/invoice.html", "fr/billing/invoice.html", "fr/plain.html", "fr/untranslated.html",
            ])
        #expect(snapshot["fr/billing/invoice.translation.html"] != nil)
        #expect(snapshot["en/plain.html"] != nil && snapshot["fr/coverage.html"] != nil)
    }

    @Test func withoutSearchThereIsNoBoxNoSearchPageAndNoIndex() {
        let snapshot = TestSupport.snapshot(Self.plain.1)
        #expect(snapshot.keys.allSatisfy { !$0.hasPrefix("pagefind/") && !$0.hasSuffix("search.html") })
        #expect(!page(Self.plain.1, "fr/billing/invoice.html").contains("site-search"))
        #expect(!page(Self.plain.1, "fr/billing/invoice.html").contains("search.js"))
        #expect(!Self.plain.0.stageTimes.contains { $0.name == "search index" })
    }

    @Test func theIndexIsMadeInTheStagingFolderAndOwnedByTheManifest() throws {
        let output = TestSupport.temporaryFolder().appendingPathComponent("site")
        let (report, site) = try Self.build(search: true, pagefind: Self.fakePagefind(), output: output)
        #expect(report.diagnostics.filter { $0.identifier.hasPrefix("docgen.search") }.isEmpty)
        #expect(report.stageTimes.contains { $0.name == "search index" })
        // Pagefind ran over the complete staged site, before the swap.
        let ranIn = page(site, "pagefind/ran-in")
        #expect(ranIn.contains(".site.docgen-new-") && !ranIn.contains("docgen-old"))
        #expect(page(site, "pagefind/pages-seen").contains("search.html"))
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("pagefind/pagefind.js").path))
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("pagefind/pagefind-ui.js").path))
        let manifest = page(site, ".docgen-manifest")
        #expect(manifest.contains("pagefind/pagefind.js\n") && manifest.contains("pagefind/index/fr_1.pf_index\n"))
        // docgen owns the index: a second build replaces the folder without --force.
        let (again, _) = try Self.build(search: true, pagefind: Self.fakePagefind(), output: output)
        #expect(again.pageCount == report.pageCount)
    }

    @Test func pagesOfAnIndexedSiteCarryTheSearchLinkAndTheSearchPages() throws {
        let (_, site) = try Self.build(search: true, pagefind: Self.fakePagefind())
        let article = page(site, "fr/billing/invoice.html")
        #expect(
            article.contains(
                "<div class=\"site-search\" data-root=\"../../\"><a class=\"search-link\" href=\"../search.html\">"))
        #expect(article.contains("<script src=\"../../assets/search.js\" defer></script>"))
        let search = page(site, "fr/search.html")
        #expect(search.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(search.contains("class=\"search-nojs\"") && search.contains("href=\"toc.html\""))
        #expect(search.contains("Chercher aussi en anglais") && search.contains("data-other-lang=\"en\""))
        #expect(!search.contains("data-pagefind-body"))
        let english = page(site, "en/search.html")
        #expect(english.contains("<html lang=\"en\" dir=\"ltr\">") && english.contains("Also search in French"))
    }

    @Test func aFailingPagefindIsAnErrorAndTheSiteIsPublishedWithoutAnIndex() throws {
        let (report, site) = try Self.build(search: true, pagefind: Self.fakePagefind(exitStatus: 3))
        let failure = try #require(report.diagnostics.first { $0.identifier == "docgen.search.failed" })
        #expect(failure.severity == .error)
        #expect(failure.summary.contains("exit status 3") && failure.summary.contains("indexing went wrong"))
        #expect(failure.fix?.contains("--no-search") == true)
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("pagefind").path))
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("fr/billing/invoice.html").path))
        #expect(!page(site, ".docgen-manifest").contains("pagefind/"))
    }

    @Test func aMissingPagefindIsOneNoteAndNoSearchBox() throws {
        let missing = URL(fileURLWithPath: "/nonexistent/pagefind")
        let (report, site) = try Self.build(search: true, pagefind: missing)
        let notes = report.diagnostics.filter { $0.identifier == "docgen.search.unavailable" }
        #expect(notes.count == 1 && notes.first?.severity == .note)
        #expect(notes.first?.fix?.contains("pip install pagefind-bin-extended") == true)
        #expect(!page(site, "fr/billing/invoice.html").contains("site-search"))
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("fr/search.html").path))
    }

    @Test func pagefindReadsEveryPageButTheTranslatorViews() throws {
        let glob = SearchIndexer.glob
        #expect(glob.hasPrefix("**/{") && glob.hasSuffix("}.html"))
        // Checked with a regular expression that means what the wax glob means.
        let alternatives = String(glob.dropFirst(4).dropLast(6))
            .replacingOccurrences(of: ".", with: "\\.")
            .replacingOccurrences(of: "*", with: "[^/]*")
            .replacingOccurrences(of: "[!", with: "[^")
            .replacingOccurrences(of: ",", with: "|")
        let pattern = "^(.*/)?(" + alternatives + ")\\.html$"
        let regex = try Regex(pattern)
        for kept in [
            "fr/a.html", "en/invoice-file.html", "fr/configuration.html", "fr/translation.html", "fr/n.html",
            "fr/sub/a-translation.html", "fr/ation.html", "index.html", "fr/xtranslation.html",
        ] {
            #expect((try? regex.wholeMatch(in: kept)) != nil, "\(kept) should be indexed")
        }
        for skipped in ["fr/a.translation.html", "fr/sub/b.translation.html", "fr/.translation.html"] {
            #expect((try? regex.wholeMatch(in: skipped)) == nil, "\(skipped) should be skipped")
        }
    }

    @Test func theIndexEntryIsWrittenWithSortedLanguages() throws {
        let file = TestSupport.temporaryFolder().appendingPathComponent("pagefind-entry.json")
        let entry =
            #"{"version":"1.5.2","languages":{"fr":{"hash":"fr_1","wasm":"fr","page_count":2},"en":{"hash":"en_2","wasm":null,"page_count":1}},"include_characters":["_","＿"]}"#
        try entry.write(to: file, atomically: true, encoding: .utf8)
        SearchIndexer.sortKeys(ofJSONAt: file)
        #expect(
            TestSupport.read(file)
                == #"{"include_characters":["_","＿"],"languages":{"en":{"hash":"en_2","page_count":1,"wasm":null},"fr":{"hash":"fr_1","page_count":2,"wasm":"fr"}},"version":"1.5.2"}"#
        )
    }

    @Test func pagefindIsFoundFromTheEnvironmentOrThePath() throws {
        let fake = Self.fakePagefind()
        #expect(SearchIndexer.locate(environment: ["DOCGEN_PAGEFIND": fake.path]) == fake)
        #expect(SearchIndexer.locate(environment: ["DOCGEN_PAGEFIND": "/nonexistent/pagefind"]) == nil)
        let folder = fake.deletingLastPathComponent()
        #expect(SearchIndexer.locate(environment: ["PATH": "/nonexistent:\(folder.path)"])?.path == fake.path)
    }
}
