import DocGenCore
import Foundation
import Testing

@testable import DocGenSite

/// `docgen serve`'s build (`LiveBuild`): an edit to an article's body goes the short way kept in
/// memory (no listing, no site key, no cache file) and the output is byte for byte a clean
/// build's, search index included once the background index is installed; any other edit goes
/// the long way and is as exact.
struct LiveBuildTests {
    /// A copy of the default site (`Content/`) and an output folder beside it.
    private func site() throws -> (content: URL, folder: URL) {
        let folder = TestSupport.temporaryFolder().resolvingSymlinksInPath()
        let content = folder.appendingPathComponent("content")
        try FileManager.default.copyItem(at: TestSupport.repoRoot.appendingPathComponent("Content"), to: content)
        return (content, folder)
    }

    private func edit(_ file: URL, _ change: (String) -> String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        let changed = change(text)
        #expect(changed != text)
        // Through a new file renamed over the article, as editors save.
        let temporary = file.deletingLastPathComponent().appendingPathComponent(file.lastPathComponent + ".tmp")
        try Data(changed.utf8).write(to: temporary)
        #expect(rename(temporary.path, file.path) == 0)
    }

    /// A live build of a fresh site with search (the Pagefind stand-in), built once and prepared.
    private func builtWithSearch() throws -> (live: LiveBuild, content: URL, folder: URL, output: URL, pagefind: URL) {
        let (content, folder) = try site()
        let output = folder.appendingPathComponent("site")
        let pagefind = try TestSupport.digestPagefind()
        let live = LiveBuild(
            options: BuildOptions(content: content, output: output, templates: nil, search: true, pagefind: pagefind))
        _ = try live.build()
        live.prepare()
        return (live, content, folder, output, pagefind)
    }

    private func expectSameAsCleanBuild(
        _ output: URL, content: URL, folder: URL, pagefind: URL? = nil, diagnostics: [Diagnostic]
    ) throws {
        var clean = BuildOptions(
            content: content, output: folder.appendingPathComponent("clean"), templates: nil,
            search: pagefind != nil, pagefind: pagefind)
        clean.usesCache = false
        let cleanReport = try SiteBuilder.build(clean)
        TestSupport.expectSameFiles(output, as: clean.output)
        #expect(diagnostics == cleanReport.diagnostics)
    }

    @Test func anArticleBodyEditIsRenderedInMemoryAndMatchesACleanBuild() throws {
        let (content, folder) = try site()
        let output = folder.appendingPathComponent("site")
        let live = LiveBuild(options: BuildOptions(content: content, output: output, templates: nil))
        let first = try live.build()
        #expect(!first.incremental)
        live.prepare()
        let article = content.appendingPathComponent("unable-to-sign-in.md")
        try edit(article) { $0 + "\nUn paragraphe ajouté dans le serveur.\n" }
        // The watcher also reports the editor's temporary file, gone by now.
        let report = try live.build(changed: [article.path + ".tmp", article.path])
        #expect(report.incremental)
        #expect(report.renderedArticles == 1)
        #expect(!report.stageTimes.contains { $0.name == "list content" }, "the short way lists nothing")
        let page = try String(contentsOf: output.appendingPathComponent("fr/unable-to-sign-in.html"), encoding: .utf8)
        #expect(page.contains("Un paragraphe ajouté dans le serveur."))
        try expectSameAsCleanBuild(output, content: content, folder: folder, diagnostics: report.diagnostics)

        // The same bytes saved again: nothing to render.
        try edit(article) { $0 + " " }
        try edit(article) { String($0.dropLast()) }
        let same = try live.build(changed: [article.path])
        #expect(same.incremental && same.renderedArticles == 0)
    }

    @Test func aSessionStartedOnAnUpToDateOutputTakesTheShortWayAtTheFirstEdit() throws {
        let (content, folder) = try site()
        let output = folder.appendingPathComponent("site")
        _ = try SiteBuilder.build(BuildOptions(content: content, output: output, templates: nil))
        // A new session (a new `docgen serve`): nothing changed, so the build saves no cache.
        let live = LiveBuild(options: BuildOptions(content: content, output: output, templates: nil))
        let start = try live.build()
        #expect(start.incremental && start.renderedArticles == 0)
        live.prepare()
        let article = content.appendingPathComponent("unable-to-sign-in.md")
        try edit(article) { $0 + "\nUn paragraphe de plus.\n" }
        let report = try live.build(changed: [article.path])
        #expect(report.renderedArticles == 1)
        #expect(!report.stageTimes.contains { $0.name == "list content" }, "the short way lists nothing")
        try expectSameAsCleanBuild(output, content: content, folder: folder, diagnostics: report.diagnostics)
    }

    @Test func theCacheFileFollowsOnceWrittenAndIsNeverTrustedBefore() throws {
        let (content, folder) = try site()
        let output = folder.appendingPathComponent("site")
        let options = BuildOptions(content: content, output: output, templates: nil)
        let live = LiveBuild(options: options)
        _ = try live.build()
        live.flush()
        live.prepare()
        let article = content.appendingPathComponent("unable-to-sign-in.md")
        try edit(article) { $0 + "\nUne première modification.\n" }
        #expect(try live.build(changed: [article.path]).renderedArticles == 1)
        // Before the file is written, another process's build must not trust the older file.
        let meanwhile = try SiteBuilder.build(options)
        #expect(!meanwhile.incremental, "the output was updated after the cache file: a full build")
        try expectSameAsCleanBuild(output, content: content, folder: folder, diagnostics: meanwhile.diagnostics)

        // The session sees an output it did not write: the long way (a full build), then short again.
        try edit(article) { $0 + "\nUne seconde modification.\n" }
        #expect(try live.build(changed: [article.path]).renderedArticles > 1)
        live.prepare()
        try edit(article) { $0 + "\nUne troisième modification.\n" }
        let third = try live.build(changed: [article.path])
        #expect(third.renderedArticles == 1 && !third.stageTimes.contains { $0.name == "list content" })
        live.flush()
        // Once written, the file is the cache of the output as it is.
        let after = try SiteBuilder.build(options)
        #expect(after.incremental && after.renderedArticles == 0)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("clean"))
        try expectSameAsCleanBuild(output, content: content, folder: folder, diagnostics: after.diagnostics)
    }

    @Test func anErrorInABodyIsReportedBeforeTheFullReportAndClearedByTheFix() throws {
        let (content, folder) = try site()
        let output = folder.appendingPathComponent("site")
        let live = LiveBuild(options: BuildOptions(content: content, output: output, templates: nil))
        #expect(try live.update(changed: nil).errors.isEmpty)
        live.prepare()
        let article = content.appendingPathComponent("unable-to-sign-in.md")
        let original = try String(contentsOf: article, encoding: .utf8)
        try edit(article) { $0 + "\n<span data-ttu-id=\"zz-1\">jamais fermé\n" }
        let broken = try live.update(changed: [article.path])
        #expect(broken.incremental && broken.renderedArticles == 1)
        // The errors the overlay shows, known before the full report, are the full report's errors.
        #expect(broken.errors.map(\.identifier) == ["docgen.segment.unclosed"])
        #expect(broken.errors == broken.report().diagnostics.filter { $0.severity == .error })
        let warnings = broken.report().diagnostics.filter { $0.severity == .warning }.count
        #expect(warnings > 0, "the default site has warnings, so the count below is tested")
        #expect(broken.warningCount() == warnings)
        try expectSameAsCleanBuild(
            output, content: content, folder: folder, diagnostics: broken.report().diagnostics)
        try edit(article) { _ in original }
        let fixed = try live.update(changed: [article.path])
        #expect(fixed.incremental && fixed.errors.isEmpty)
    }

    @Test func aChangedImageIsCopiedTheShortWay() throws {
        let (content, folder) = try site()
        try FileManager.default.createDirectory(
            at: content.appendingPathComponent("images"), withIntermediateDirectories: true)
        let image = content.appendingPathComponent("images/pixel.png")
        try Data("PNG-1".utf8).write(to: image)
        try edit(content.appendingPathComponent("unable-to-sign-in.md")) { $0 + "\n![Une image](images/pixel.png)\n" }
        let output = folder.appendingPathComponent("site")
        let live = LiveBuild(options: BuildOptions(content: content, output: output, templates: nil))
        _ = try live.build()
        live.prepare()
        try edit(image) { _ in "PNG-2, plus long" }
        let report = try live.build(changed: [image.path])
        #expect(report.renderedArticles == 0)
        #expect(!report.stageTimes.contains { $0.name == "list content" }, "the short way lists nothing")
        #expect(
            try Data(contentsOf: output.appendingPathComponent("images/pixel.png")) == Data("PNG-2, plus long".utf8))
        try expectSameAsCleanBuild(output, content: content, folder: folder, diagnostics: report.diagnostics)
    }

    @Test func aTitleEditOrANewFileGoesTheLongWayAndMatchesACleanBuild() throws {
        let (content, folder) = try site()
        let output = folder.appendingPathComponent("site")
        let live = LiveBuild(options: BuildOptions(content: content, output: output, templates: nil))
        _ = try live.build()
        live.prepare()
        let article = content.appendingPathComponent("unable-to-sign-in.md")
        try edit(article) { $0.replacingOccurrences(of: "\ntitle: ", with: "\ntitle: Nouveau titre, ") }
        let retitled = try live.build(changed: [article.path])
        #expect(retitled.renderedArticles > 1, "a title is in every sidebar: a full build")
        try expectSameAsCleanBuild(output, content: content, folder: folder, diagnostics: retitled.diagnostics)
        live.prepare()
        let added = content.appendingPathComponent("added.md")
        try Data("---\ntitle: Ajouté\n---\n# Ajouté\n\nTexte.\n".utf8).write(to: added)
        let withNew = try live.build(changed: [added.path])
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("fr/added.html").path))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("clean"))
        try expectSameAsCleanBuild(output, content: content, folder: folder, diagnostics: withNew.diagnostics)
    }

    @Test func theSearchIndexIsMadeAfterTheEditAndSwappedIn() throws {
        let (live, content, folder, output, pagefind) = try builtWithSearch()
        #expect(live.hasSearch)
        let index = output.appendingPathComponent("pagefind/index/digest.pf_index")
        let before = try Data(contentsOf: index)
        let article = content.appendingPathComponent("unable-to-sign-in.md")
        try edit(article) { $0 + "\nUn paragraphe zygomorphe.\n" }
        let report = try live.build(changed: [article.path])
        #expect(report.incremental && report.renderedArticles == 1)
        // The page is in before the index: the index lags until it is installed.
        #expect(try Data(contentsOf: index) == before)
        let pending = try #require(live.makeSearchIndex())
        #expect(try Data(contentsOf: index) == before, "the index is made beside the output")
        let problems = try live.installSearchIndex(pending)
        #expect(problems == [])
        #expect(try Data(contentsOf: index) != before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            $0.contains("docgen-search") || $0.contains("docgen-trash")
        }
        #expect(leftovers.isEmpty)
        try expectSameAsCleanBuild(
            output, content: content, folder: folder, pagefind: pagefind, diagnostics: report.diagnostics)
    }

    @Test func anIndexMadeBeforeAFullBuildIsDropped() throws {
        let (live, content, folder, output, pagefind) = try builtWithSearch()
        let pending = try #require(live.makeSearchIndex())
        let toc = content.appendingPathComponent("TOC.yml")
        try edit(toc) { $0 + "\n" }
        let report = try live.build(changed: [toc.path])
        #expect(!report.incremental || report.renderedArticles == 0)
        #expect(try live.installSearchIndex(pending) == nil)
        try expectSameAsCleanBuild(
            output, content: content, folder: folder, pagefind: pagefind, diagnostics: report.diagnostics)
    }
}
