import DocGenContent
import DocGenCore
import Testing

@Suite struct NavigationTests {
    private let pages: [String: String] = [
        "index.yml": "Accueil", "overview.md": "Vue d’ensemble", "billing/a.md": "A", "billing/b.md": "B",
        "news/index.md": "Annonces", "news/2021-may.md": "Mai", "loose/z.md": "Zèbre", "loose/a.md": "Abeille",
    ]

    private func toc(_ path: String, _ text: String) -> TableOfContents {
        TOCParser.parse(SourceFile(path: path, text: text)).0
    }

    @Test func yamlEntriesKeepNamesEscapesAndKeywords() {
        let (toc, diagnostics) = TOCParser.parse(
            SourceFile(
                path: "TOC.yml",
                text: """
                    - name: "Qu’est-ce que l’Espace\\_?"
                      href: overview.md
                      displayName: mpn, renew
                    - name: Section
                      hreff: typo.md
                      items:
                        - name: Enfant
                          href: billing/a.md
                    """))
        #expect(toc.entries.count == 2)
        #expect(toc.entries[0].name == "Qu’est-ce que l’Espace\u{00A0}?")
        #expect(toc.entries[0].keywords == "mpn, renew")
        #expect(toc.entries[1].items.first?.href == "billing/a.md")
        #expect(diagnostics.map(\.identifier) == ["docgen.toc.unknown-key"])
        #expect(diagnostics.first?.location?.line == 5)
    }

    @Test func markdownTOCNestsByHeadingLevel() {
        let toc = toc("news/TOC.md", "# [Annonces](index.md)\n## [Mai](2021-may.md)\n# Plain heading\n")
        #expect(toc.entries.map(\.name) == ["Annonces", "Plain heading"])
        #expect(toc.entries[0].items.map(\.href) == ["2021-may.md"])
    }

    @Test func nestedTOCsFoldersAndMissingTargetsResolve() {
        let root = toc(
            "TOC.yml",
            """
            - name: Accueil
              href: index.yml
            - name: Annonces
              href: news/TOC.md
            - name: Facturation
              href: billing/
            - name: Externe
              href: https://example.com/x?toc=/a/toc.json
            - name: Cassé
              href: missing.md
            - name: Vue
              href: overview.md#section
            """)
        let news = toc("news/TOC.md", "# [Annonces](index.md)\n# [Mai](2021-may.md)\n")
        let (navigation, diagnostics) = NavigationBuilder(tocs: [root, news], pageTitles: pages).build()
        #expect(diagnostics.map(\.identifier) == ["docgen.toc.missing-target"])
        #expect(diagnostics.first?.location?.line == 9)
        let nodes = navigation.roots
        #expect(nodes[0].pagePath == "index.yml")
        #expect(nodes[1].children.map(\.pagePath) == ["news/index.md", "news/2021-may.md"])
        #expect(nodes[2].pagePath == "billing/a.md", "a folder href opens its first page")
        #expect(nodes[3].target == .external("https://example.com/x?toc=/a/toc.json"))
        #expect(nodes[5].target == .page("overview.md", suffix: "#section"))
        let order = NavigationIndexOrder.pages(navigation)
        #expect(order.prefix(4) == ["index.yml", "news/index.md", "news/2021-may.md", "billing/a.md"])
    }

    @Test func folderWithoutTOCGetsOneDerivedFromTitles() {
        let (navigation, diagnostics) = NavigationBuilder(tocs: [], pageTitles: pages).build()
        #expect(diagnostics.isEmpty)
        let loose = navigation.roots.first { $0.name == "Loose" }
        #expect(loose?.children.map(\.name) == ["Abeille", "Zèbre"])
        let news = navigation.roots.first { $0.name == "News" }
        #expect(news?.children.first?.pagePath == "news/index.md", "the index page comes first")
    }

    @Test func selfReferencingTOCIsACycleNotACrash() {
        let root = toc("TOC.yml", "- name: Moi\n  href: TOC.yml\n")
        let (_, diagnostics) = NavigationBuilder(tocs: [root], pageTitles: pages).build()
        #expect(diagnostics.map(\.identifier) == ["docgen.toc.cycle"])
    }
}

/// Reading order of pages, as previous/next links follow it.
enum NavigationIndexOrder {
    static func pages(_ navigation: Navigation) -> [String] {
        var seen = Set<String>()
        return navigation.flattened().compactMap { $0.node.pagePath }.filter { seen.insert($0).inserted }
    }
}

@Suite struct CaseMismatchTests {
    @Test func hrefThatDiffersOnlyInCaseResolvesWithAWarning() {
        let toc = TOCParser.parse(SourceFile(path: "TOC.yml", text: "- name: Prix\n  href: Get-Special-Pricing.md\n")).0
        let (navigation, diagnostics) = NavigationBuilder(tocs: [toc], pageTitles: ["get-special-pricing.md": "Prix"])
            .build()
        #expect(navigation.roots.first?.pagePath == "get-special-pricing.md")
        #expect(diagnostics.map(\.identifier) == ["docgen.toc.case-mismatch"])
    }
}

@Suite struct InvalidYAMLTests {
    @Test func invalidTOCAndYAMLPagesAreDiagnosedAtTheirLine() throws {
        let (toc, diagnostics) = TOCParser.parse(
            SourceFile(path: "TOC.yml", text: "- name: A\n  href: a.md\n- name: [oops\n"))
        #expect(toc.entries.isEmpty)
        #expect(diagnostics.map(\.identifier) == ["docgen.toc.invalid-yaml"])
        #expect((diagnostics.first?.location?.line ?? 0) >= 3)
        let page = try #require(
            YamlPageParser.parse(SourceFile(path: "faq.yml", text: "### YamlMime:FAQ\ntitle: [x\nsections: []\n")))
        #expect(page.diagnostics.map(\.identifier) == ["docgen.yamlpage.invalid-yaml"])
    }

    @Test func aLongDerivedFolderIsSplitIntoLetterGroups() throws {
        var pages: [String: String] = [:]
        for index in 0..<30 {
            pages[String(format: "big/gerer-%02d.md", index)] = String(format: "Gérer l’élément %02d", index)
        }
        for index in 0..<8 { pages["big/b-\(index).md"] = "Bilan \(index)" }
        for index in 0..<6 { pages["big/c-\(index).md"] = "Créer \(index)" }
        for index in 0..<3 { pages["big/n-\(index).md"] = "\(index) étapes" }
        pages["small/a.md"] = "Seul"
        let (navigation, _) = NavigationBuilder(tocs: [], pageTitles: pages).build()
        let big = try #require(navigation.roots.first { $0.name == "Big" })
        let groups = big.children
        #expect(groups.allSatisfy { $0.pagePath == nil && $0.isLanguageNeutral && $0.children.count <= 25 })
        #expect(
            groups.map(\.name) == [
                "#–C", "Gérer l’élément 0–Gérer l’élément 2", "Gérer l’élément 25–Gérer l’élément 29",
            ])
        #expect(groups.flatMap(\.children).count == 47, "every page is in one group")
        let small = try #require(navigation.roots.first { $0.name == "Small" })
        #expect(small.children.map(\.name) == ["Seul"], "a short folder stays a flat list")
    }
}
