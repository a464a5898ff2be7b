import DocGenCore
import DocGenSite
import Foundation
import Testing

/// A repeated build with the build cache gives, for every kind of change, the same bytes and
/// the same diagnostics as a clean build of the changed content; an article's body change
/// re-renders that article only.
struct IncrementalBuildTests {
    /// A copy of the default site (`Content/`: TOC, flow, docgen.yml) with an include file and an image.
    private func site() throws -> URL {
        let root = TestSupport.temporaryFolder().appendingPathComponent("content")
        try FileManager.default.copyItem(at: TestSupport.repoRoot.appendingPathComponent("Content"), to: root)
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("includes"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("images"), withIntermediateDirectories: true)
        try write(root, "includes/note.md", "Une note incluse.\n")
        try write(root, "images/pixel.png", "PNG-1")
        try edit(root, "unable-to-sign-in.md") {
            $0 + "\n[!INCLUDE [note](includes/note.md)]\n\n![Une image](images/pixel.png)\n"
        }
        return root
    }

    private func write(_ root: URL, _ path: String, _ text: String) throws {
        try Data(text.utf8).write(to: root.appendingPathComponent(path))
    }

    private func edit(_ root: URL, _ path: String, _ change: (String) -> String) throws {
        let url = root.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        let changed = change(text)
        #expect(changed != text, "the edit must change \(path)")
        try Data(changed.utf8).write(to: url)
    }

    /// Builds with the cache, applies `change`, builds again, and compares with a clean build.
    @discardableResult
    private func rebuild(
        templates: URL? = nil, _ change: (URL) throws -> Void
    ) throws -> BuildReport {
        let content = try site()
        let folder = TestSupport.temporaryFolder()
        let output = folder.appendingPathComponent("site")
        let first = try SiteBuilder.build(BuildOptions(content: content, output: output, templates: templates))
        #expect(!first.incremental)
        let unchanged = try SiteBuilder.build(BuildOptions(content: content, output: output, templates: templates))
        #expect(unchanged.incremental, "a build with nothing changed uses the cache")
        #expect(unchanged.renderedArticles == 0)
        #expect(unchanged.diagnostics == first.diagnostics)
        try change(content)
        let report = try SiteBuilder.build(BuildOptions(content: content, output: output, templates: templates))
        var clean = BuildOptions(
            content: content, output: folder.appendingPathComponent("clean"), templates: templates)
        clean.usesCache = false
        let cleanReport = try SiteBuilder.build(clean)
        TestSupport.expectSameFiles(output, as: clean.output)
        #expect(report.diagnostics == cleanReport.diagnostics)
        #expect(report.pageCount == cleanReport.pageCount)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent(".docgen-cache").path))
        return report
    }

    @Test func articleBody() throws {
        let report = try rebuild { root in
            try edit(root, "unable-to-sign-in.md") { $0 + "\nUn paragraphe ajouté, avec [un lien](nulle-part.md).\n" }
        }
        #expect(report.incremental && report.renderedArticles == 1, "only the edited article is rendered again")
    }

    @Test func articleTitle() throws {
        try rebuild { root in
            try edit(root, "work-account-and-partner-center.md") {
                $0.replacingOccurrences(of: "Votre compte professionnel et l'Espace", with: "Votre compte et l'Espace")
            }
        }
    }

    @Test func tocEntry() throws {
        try rebuild { root in
            try edit(root, "TOC.yml") { $0.replacingOccurrences(of: "Comptes professionnels", with: "Comptes pros") }
        }
    }

    @Test func template() throws {
        let theme = TestSupport.temporaryFolder()
        let footer = theme.appendingPathComponent("partials/footer.mustache")
        try FileManager.default.createDirectory(
            at: footer.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: TestSupport.templates.appendingPathComponent("partials/footer.mustache"), to: footer)
        try rebuild(templates: theme) { _ in
            try Data("<footer>changed</footer>\n".utf8).write(to: footer)
        }
    }

    @Test func strings() throws {
        let theme = TestSupport.temporaryFolder()
        let strings = theme.appendingPathComponent("strings/fr.yml")
        try FileManager.default.createDirectory(
            at: strings.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: TestSupport.templates.appendingPathComponent("strings/fr.yml"), to: strings)
        try rebuild(templates: theme) { _ in
            let text = try String(contentsOf: strings, encoding: .utf8)
            try Data(text.replacingOccurrences(of: "coverageTitle:", with: "unusedKey:").utf8).write(to: strings)
        }
    }

    @Test func docgenConfiguration() throws {
        try rebuild { root in
            try edit(root, "docgen.yml") { $0.replacingOccurrences(of: "title: Partner Center", with: "title: Autre") }
        }
    }

    @Test func flow() throws {
        try rebuild { root in
            try edit(root, "flows/onboardingAADFlow.yml") { $0.replacingOccurrences(of: "\"Oui\"", with: "\"Oui !\"") }
        }
    }

    @Test func include() throws {
        try rebuild { root in try write(root, "includes/note.md", "Une note incluse, changée.\n") }
    }

    @Test func image() throws {
        let report = try rebuild { root in try write(root, "images/pixel.png", "PNG-2, a new picture") }
        #expect(report.incremental && report.renderedArticles == 0, "a changed image is copied, no page rendered")
    }

    @Test func deletedArticle() throws {
        try rebuild { root in
            try FileManager.default.removeItem(
                at: root.appendingPathComponent("azure-active-directory-tenants-and-partner-center.md"))
        }
    }

    @Test func renamedArticle() throws {
        try rebuild { root in
            try FileManager.default.moveItem(
                at: root.appendingPathComponent("unable-to-sign-in.md"),
                to: root.appendingPathComponent("cannot-sign-in.md"))
        }
    }

    @Test func articleBodyWithSearch() throws {
        let content = try site()
        let folder = TestSupport.temporaryFolder()
        let pagefind = try TestSupport.digestPagefind()
        let options = BuildOptions(
            content: content, output: folder.appendingPathComponent("site"), templates: nil, search: true,
            pagefind: pagefind)
        _ = try SiteBuilder.build(options)
        let index = options.output.appendingPathComponent("pagefind/index/digest.pf_index")
        let before = try Data(contentsOf: index)
        try edit(content, "unable-to-sign-in.md") { $0 + "\nUn paragraphe zygomorphe.\n" }
        let report = try SiteBuilder.build(options)
        // The edited article only, then a new index of the updated output, swapped in.
        #expect(report.incremental)
        #expect(report.renderedArticles == 1)
        #expect(report.stageTimes.contains { $0.name == "search index" })
        #expect(try Data(contentsOf: index) != before)
        var clean = options
        clean.output = folder.appendingPathComponent("clean")
        clean.usesCache = false
        let cleanReport = try SiteBuilder.build(clean)
        TestSupport.expectSameFiles(options.output, as: clean.output)
        #expect(report.diagnostics == cleanReport.diagnostics)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            $0.contains("docgen-search") || $0.contains("docgen-trash")
        }
        #expect(leftovers.isEmpty)
    }

    @Test func anInterruptedUpdateLeadsToAFullBuild() throws {
        let content = try site()
        let output = TestSupport.temporaryFolder().appendingPathComponent("site")
        _ = try SiteBuilder.build(BuildOptions(content: content, output: output, templates: nil))
        let cache = output.deletingLastPathComponent().appendingPathComponent(".site.docgen-cache")
        #expect(FileManager.default.fileExists(atPath: cache.appendingPathComponent("cache.bin").path))
        try Data().write(to: cache.appendingPathComponent("updating"))
        let report = try SiteBuilder.build(BuildOptions(content: content, output: output, templates: nil))
        #expect(!report.incremental)
        #expect(!FileManager.default.fileExists(atPath: cache.appendingPathComponent("updating").path))
    }
}
