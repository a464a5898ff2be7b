import DocGenContent
import DocGenCore
import DocGenRender
import DocGenSite
import Foundation
import Testing

/// Sites in other target languages than French (issue 13): German, Japanese and Arabic fixture
/// docsets, built with the repository's theme. Each checks the interface is in the page's
/// language, names languages through CLDR, and sets `lang`/`dir` right.
@Suite struct LanguagesTests {
    static let languages = TestSupport.fixtures.appendingPathComponent("languages")
    static let sites: [String: (BuildReport, URL)] = Dictionary(
        uniqueKeysWithValues: ["de-de", "ja-jp", "ar-sa"].map {
            ($0, try! TestSupport.build(languages.appendingPathComponent($0)))
        })

    private func page(_ site: String, _ path: String) -> String {
        TestSupport.read(Self.sites[site]!.1.appendingPathComponent(path)) ?? ""
    }

    private func htmlPages(_ site: String) -> [String: String] {
        TestSupport.snapshot(Self.sites[site]!.1).filter { $0.key.hasSuffix(".html") }
            .mapValues { String(decoding: $0, as: UTF8.self) }
    }

    @Test(arguments: ["de-de", "ja-jp", "ar-sa"])
    func buildsWithoutProblems(site: String) {
        #expect(Self.sites[site]!.0.diagnostics.isEmpty, "\(Self.sites[site]!.0.diagnostics)")
    }

    @Test(arguments: ["de-de", "ja-jp", "ar-sa"])
    func noPageSaysFrenchOnASiteInAnotherLanguage(site: String) {
        for (path, html) in htmlPages(site) {
            for word in ["French", "français", "Français", "anglais", "French only"] {
                #expect(!html.contains(word), "\(path) contains \(word)")
            }
        }
    }

    @Test func theLanguageSwitchNamesEachLanguageInItself() {
        let japanese = page("ja-jp", "ja/billing-overview.html")
        #expect(
            japanese.contains(
                "<span class=\"lang-code\" aria-hidden=\"true\">ja</span><span class=\"lang-name\">日本語</span>"))
        #expect(
            japanese.contains(
                "<span class=\"lang-code\" aria-hidden=\"true\">en</span><span class=\"lang-name\">English</span>"))
        #expect(
            !japanese.contains("<span class=\"lang-name\">English</span></span>"), "the current language is not English"
        )
        let english = page("de-de", "en/billing-overview.html")
        #expect(english.contains("title=\"Auf Deutsch lesen\""))
        #expect(english.contains("<span class=\"lang-name\">Deutsch</span>"))
    }

    @Test func theInterfaceIsInThePagesLanguage() {
        let german = page("de-de", "de/billing-overview.html")
        #expect(german.contains(">Zum Hauptinhalt springen</a>"))
        #expect(german.contains("aria-label=\"Inhaltsverzeichnis\""))
        #expect(german.contains("Original auf Englisch lesen"))
        #expect(german.contains("<p class=\"alert-title\">Hinweis</p>"))
        let japanese = page("ja-jp", "ja/billing-overview.html")
        #expect(japanese.contains("英語の原文を読む"))
        #expect(japanese.contains("data-column-target=\"日本語 (翻訳)\" data-column-source=\"英語 (原文)\""))
        let arabic = page("ar-sa", "ar/billing-overview.html")
        #expect(arabic.contains("قراءة النص الأصلي باللغة الإنجليزية"))
    }

    @Test func aTargetOnlyArticleNamesTheTargetLanguage() {
        let english = page("ja-jp", "en/billing/local-taxes.html")
        #expect(english.contains("This article exists only in Japanese: it has no English version."))
        #expect(english.contains("Read the article in Japanese"))
        #expect(english.contains("<span class=\"toc-untranslated\">(Japanese only)</span>"))
        let german = page("de-de", "de/billing/local-taxes.html")
        #expect(german.contains("Diesen Artikel gibt es nur auf Deutsch: Er hat kein Original auf Englisch."))
    }

    @Test func pagesAndPassagesCarryLangAndDir() {
        let arabic = page("ar-sa", "ar/billing-overview.html")
        #expect(arabic.hasPrefix("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">"))
        // The English of the segments is read from the English page and shown with the bar's lang and dir.
        #expect(
            arabic.contains(
                "data-source-lang=\"en\" data-source-dir=\"ltr\" data-source-page=\"../en/billing-overview.html\""))
        #expect(!arabic.contains("seg-sources"))
        #expect(arabic.contains("hreflang=\"en\" lang=\"en\" dir=\"ltr\" data-lang=\"en\""), "the language toggle")
        let english = page("ar-sa", "en/billing/local-taxes.html")
        #expect(english.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">"))
        #expect(english.contains("<p class=\"missing-article-title\" lang=\"ar\" dir=\"rtl\">"))
        #expect(english.contains("lang=\"ar\" dir=\"rtl\">الفوترة</span>"), "sidebar section in Arabic")
        #expect(page("ja-jp", "ja/billing-overview.html").contains("<html lang=\"ja\" dir=\"ltr\">"))
        #expect(page("ar-sa", "index.html").contains("<li lang=\"ar\" dir=\"rtl\">"))
    }

    @Test func alternatesIncludeXDefault() {
        let japanese = page("ja-jp", "ja/billing-overview.html")
        #expect(japanese.contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"billing-overview.html\">"))
        let english = page("ja-jp", "en/billing-overview.html")
        #expect(
            english.contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"../ja/billing-overview.html\">"))
        #expect(page("ja-jp", "en/index.html").contains("hreflang=\"x-default\" href=\"../ja/index.html\""))
        #expect(
            page("ja-jp", "index.html").contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"index.html\">"))
        #expect(
            page("ja-jp", "sitemap.xml").contains(
                "hreflang=\"x-default\" href=\"https://docs.example.com/ja-jp/ja/billing-overview.html\""))
        // A page in one language only has no alternates to choose between.
        #expect(!page("ja-jp", "ja/billing/local-taxes.html").contains("x-default"))
    }

    @Test func aSectionWithoutAPageIsPlainTextInTheBreadcrumbs() {
        for (site, folder) in [("de-de", "de"), ("ja-jp", "en")] {
            let html = page(site, folder + "/billing/download-invoices.html")
            let crumbs =
                html.components(separatedBy: "<nav class=\"breadcrumbs\"").dropFirst().first?
                .components(separatedBy: "</nav>").first ?? ""
            #expect(!crumbs.isEmpty)
            #expect(!crumbs.contains("href=\"\""), "\(site): \(crumbs)")
            #expect(
                crumbs.contains(
                    site == "de-de" ? "<li><span>Abrechnung</span></li>" : "<li><span lang=\"ja\">課金</span></li>"))
        }
        for (path, html) in htmlPages("de-de") { #expect(!html.contains("href=\"\""), "\(path)") }
    }

    @Test func theSourceSidebarUsesTheSourceTitleOfTheCurrentPage() {
        let english = page("de-de", "en/billing/download-invoices.html")
        #expect(
            english.contains("<a href=\"download-invoices.html\" aria-current=\"page\">Download invoices</a></li>"))
        let entry = english.components(separatedBy: "aria-current=\"page\">Download invoices</a>").last ?? ""
        #expect(!entry.prefix(20).contains("toc-untranslated"))
    }

    @Test func theFullTableOfContentsGivesAnEntryUnderAnUntitledSectionItsOwnLanguage() {
        // en/toc.html is what the script puts in the sidebar: an English title under a section
        // that has no page (and so no English) must not inherit the section's lang and note.
        let toc = page("ja-jp", "en/toc.html")
        #expect(
            toc.contains(
                "<span class=\"toc-heading\" lang=\"ja\">課金</span> <span class=\"toc-untranslated\">(Japanese only)</span>"
            ))
        #expect(toc.contains("<a href=\"billing/download-invoices.html\">Download invoices</a></li>"))
        #expect(
            toc.contains(
                "<a href=\"billing/local-taxes.html\" lang=\"ja\">日本のみ: 消費税について</a> <span class=\"toc-untranslated\">(Japanese only)</span>"
            ))
        let arabic = page("ar-sa", "en/toc.html")
        #expect(arabic.contains("<a href=\"billing/download-invoices.html\">Download invoices</a></li>"))
        #expect(arabic.contains("<span class=\"toc-heading\" lang=\"ar\" dir=\"rtl\">الفوترة</span>"))
    }

    @Test func coverageCountsJapaneseInCharactersAndSaysSo() {
        let coverage = page("ja-jp", "ja/coverage.html")
        #expect(coverage.contains(">文字数 (日本語)</th>"))
        #expect(coverage.contains(">単語数 (英語)</th>"))
        let german = page("de-de", "de/coverage.html")
        #expect(german.contains(">Wörter (Deutsch)</th>"))
        #expect(german.contains(">Wörter (Englisch)</th>"))
        // "請求書をダウンロードする" has 12 characters where a space-separated count would see 1 word.
        let row = coverage.components(separatedBy: "<code>billing/download-invoices.md</code>").last ?? ""
        let cells = row.components(separatedBy: "<td>").dropFirst().prefix(4).map { $0.prefix { $0 != "<" } }
        #expect(cells.count == 4)
        if cells.count == 4 {
            #expect(Int(cells[3]) ?? 0 > 40, "\(cells)")
            #expect(Int(cells[2]) ?? 0 < 30, "\(cells)")
        }
    }

    @Test func theFlowWidgetSpeaksThePagesLanguage() {
        let japanese = page("ja-jp", "ja/billing-overview.html")
        #expect(japanese.contains(">ステップ バイ ステップ</h2>"))
        #expect(japanese.contains("<summary>ダイアグラムのテキスト版</summary>"))
        #expect(japanese.contains("ユーザーは 10 人を超えますか?"))
        let german = page("de-de", "de/billing-overview.html")
        #expect(german.contains(">Schritt für Schritt</h2>"))
        #expect(german.contains("<strong>Frage</strong>: Haben Sie mehr als zehn Benutzer?"))
        #expect(german.contains("<em>Wenn Sie antworten „Ja“</em>"))
        #expect(page("de-de", "en/billing-overview.html").contains(">Step by step</h2>"))
    }
}

/// A docset in a language the theme has no strings for, and one whose source is not English.
@Suite struct LanguageFallbackTests {
    private func docset(_ files: [String: String]) -> URL {
        let root = TestSupport.temporaryFolder().appendingPathComponent("content")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try? FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data(text.utf8).write(to: url)
        }
        return root
    }

    private func article(locale: String, target: String, source: String) -> String {
        """
        ---
        title: "\(target)"
        ms.contentlocale: \(locale)
        ---
        # <span data-ttu-id="a1-1">\(target)</span><span class="sxs-lookup"><span data-stu-id="a1-1">\(source)</span></span>

        """
    }

    @Test func aLanguageWithoutStringsGetsAnEnglishInterfaceAndOneNote() throws {
        let content = docset(["a.md": article(locale: "sv-se", target: "Fakturor", source: "Invoices")])
        let (report, output) = try TestSupport.build(content)
        let notes = report.diagnostics.filter { $0.identifier == "docgen.strings.missing-language" }
        #expect(notes.count == 1)
        #expect(notes.first?.severity == .note)
        #expect(notes.first?.summary.contains("'sv'") == true)
        let swedish = TestSupport.read(output.appendingPathComponent("sv/a.html")) ?? ""
        #expect(swedish.contains("<html lang=\"sv\" dir=\"ltr\">"))
        #expect(swedish.contains(">Skip to main content</a>"))
        #expect(swedish.contains("<span class=\"lang-name\">Svenska</span>"))
        #expect(swedish.contains("data-column-target=\"Swedish (translation)\""))
    }

    @Test func theSourceLanguageComesFromConfiguration() throws {
        let content = docset([
            "a.md": article(locale: "en-us", target: "Invoices", source: "請求書"),
            "docgen.yml": "language: en\nsourceLanguage: ja\n",
        ])
        let (report, output) = try TestSupport.build(content)
        #expect(!report.diagnostics.contains { $0.severity == .error })
        let english = TestSupport.read(output.appendingPathComponent("en/a.html")) ?? ""
        #expect(
            english.contains("data-source-lang=\"ja\" data-source-dir=\"ltr\" data-source-page=\"../ja/a.html\""))
        #expect(english.contains("data-seg-toggle-label=\"Japanese original\""))
        #expect(english.contains("<span class=\"lang-name\">日本語</span>"))
        let japanese = TestSupport.read(output.appendingPathComponent("ja/a.html")) ?? ""
        #expect(japanese.contains("請求書</span>"), "the source text the English page's reader modes read")
        #expect(japanese.contains("<h1 id=\"invoices\"") || japanese.contains("請求書</span></h1>"))
        #expect(japanese.contains("<html lang=\"ja\" dir=\"ltr\">"))
    }
}
