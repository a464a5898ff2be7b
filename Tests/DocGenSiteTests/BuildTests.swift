import DocGenCore
import DocGenSite
import Foundation
import Testing

/// The build end to end on small sites: pages, languages, safety of the output folder, determinism.
@Suite struct BuildTests {
    static let everything = TestSupport.fixtures.appendingPathComponent("everything/content")

    @Test func everyArticleGetsAPagePerLanguageWithAlternatesAndToggle() throws {
        let (report, output) = try TestSupport.build(Self.everything)
        #expect(report.articleCount == 2)
        let french = TestSupport.read(output.appendingPathComponent("fr/everything.html")) ?? ""
        let english = TestSupport.read(output.appendingPathComponent("en/everything.html")) ?? ""
        #expect(french.contains("<html lang=\"fr\""))
        #expect(english.contains("<html lang=\"en\""))
        #expect(french.contains("hreflang=\"en\" href=\"../en/everything.html\""))
        #expect(english.contains("href=\"../fr/everything.html\""))
        #expect(french.contains("Tout en un") && english.contains("Everything at once"))
        #expect(!english.contains("Tout en un"), "the English page must not show the French title")
        #expect(french.contains("data-seg=\"e-102\"") && english.contains("data-seg=\"e-102\""))
        // Headings share ids across languages, derived from the English text.
        #expect(french.contains("id=\"overview\"") && english.contains("id=\"overview\""))
        // Links to articles point at the same language's page; images at the shared copy.
        #expect(french.contains("href=\"sub/other.html#details\""))
        #expect(english.contains("src=\"../images/pixel.png\""))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("images/pixel.png").path))
    }

    @Test func targetOnlyArticleSaysPlainlyThatNoEnglishExists() throws {
        let (_, output) = try TestSupport.build(Self.everything)
        let english = TestSupport.read(output.appendingPathComponent("en/sub/other.html")) ?? ""
        #expect(english.contains("page-missing"))
        #expect(english.contains("href=\"../../fr/sub/other.html\""))
        #expect(!english.contains("Détails"), "the English page of a French-only article must not show French content")
        let home = TestSupport.read(output.appendingPathComponent("en/index.html")) ?? ""
        #expect(home.contains("en/sub/other.html") || home.contains("sub/other.html"))
    }

    @Test func outputIsByteIdenticalAcrossBuilds() throws {
        let (_, first) = try TestSupport.build(Self.everything)
        let (_, second) = try TestSupport.build(Self.everything)
        let a = TestSupport.snapshot(first)
        let b = TestSupport.snapshot(second)
        #expect(a.keys.sorted() == b.keys.sorted())
        #expect(a == b)
    }

    @Test func refusesAnOutputFolderThatContainsTheContent() throws {
        let root = TestSupport.temporaryFolder()
        let content = root.appendingPathComponent("content")
        try FileManager.default.copyItem(at: Self.everything, to: content)
        #expect(throws: BuildFailure.self) { try TestSupport.build(content, output: root) }
        #expect(throws: BuildFailure.self) { try TestSupport.build(content, output: content) }
        #expect(FileManager.default.fileExists(atPath: content.appendingPathComponent("everything.md").path))
    }

    @Test func refusesForeignFilesUnlessForced() throws {
        let output = TestSupport.temporaryFolder()
        try Data("mine".utf8).write(to: output.appendingPathComponent("notes.txt"))
        #expect(throws: BuildFailure.self) { try TestSupport.build(Self.everything, output: output) }
        #expect(TestSupport.read(output.appendingPathComponent("notes.txt")) == "mine")
        _ = try TestSupport.build(Self.everything, output: output, force: true)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("fr/everything.html").path))
        // A folder docgen wrote itself is rebuilt without --force.
        _ = try TestSupport.build(Self.everything, output: output)
    }

    @Test func aFailedBuildLeavesThePreviousSiteIntact() throws {
        let (_, output) = try TestSupport.build(Self.everything)
        let before = TestSupport.snapshot(output)
        let missingTemplates = TestSupport.temporaryFolder().appendingPathComponent("nothing-here")
        #expect(throws: BuildFailure.self) {
            try SiteBuilder.build(
                BuildOptions(content: Self.everything, output: output, templates: missingTemplates))
        }
        #expect(TestSupport.snapshot(output) == before)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)
        #expect(siblings.allSatisfy { !$0.contains("docgen-new") }, "no staging folder may be left behind")
    }

    @Test func diagnosticsCarryFileLineAndColumn() throws {
        let (report, _) = try TestSupport.build(Self.everything)
        let text = report.diagnostics.map(\.description)
        #expect(report.diagnostics.allSatisfy { $0.severity != .error }, "\(text)")
        // The only problem in the fixture: none. Every link and image resolves.
        #expect(report.diagnostics.isEmpty, "\(text)")
    }

    @Test func translatorViewAndCoverageShowEverySegment() throws {
        let (_, output) = try TestSupport.build(Self.everything)
        let view = TestSupport.read(output.appendingPathComponent("fr/everything.translation.html")) ?? ""
        #expect(view.contains("<tr id=\"seg-e-102\""))
        #expect(view.contains("Un paragraphe avec du <strong>gras</strong>"))
        #expect(view.contains("A paragraph with <strong>bold</strong>"))
        #expect(view.components(separatedBy: "<tr id=\"seg-").count - 1 == 20)
        let coverage = TestSupport.read(output.appendingPathComponent("fr/coverage.html")) ?? ""
        #expect(coverage.contains("everything.md"))
        #expect(coverage.contains("href=\"everything.translation.html\""))
        #expect(coverage.contains("<td>MT</td><td>20</td>"))
    }

    @Test func refusesAFileAsOutputAndCleansUpAnInterruptedBuild() throws {
        let root = TestSupport.temporaryFolder()
        let file = root.appendingPathComponent("site")
        try Data("not a folder".utf8).write(to: file)
        #expect(throws: BuildFailure.self) { try TestSupport.build(Self.everything, output: file, force: true) }
        #expect(TestSupport.read(file) == "not a folder")
        let output = root.appendingPathComponent("out")
        let leftover = root.appendingPathComponent(".out.docgen-new-99999")
        try FileManager.default.createDirectory(at: leftover, withIntermediateDirectories: true)
        _ = try TestSupport.build(Self.everything, output: output)
        #expect(!FileManager.default.fileExists(atPath: leftover.path))
    }
}
