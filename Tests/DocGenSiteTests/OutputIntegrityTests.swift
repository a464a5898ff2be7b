import DocGenCore
import Foundation
import Testing

@testable import DocGenSite

/// The output folder's guarantees, in process: the path gate, language tags, script-safe JSON,
/// the lock, recovery from killed builds, the swap and `keepOnError`. The same guarantees
/// across real processes (concurrent, killed and interrupted builds) are tested in
/// `Tests/tooling/test_output_integrity.py`.
@Suite struct OutputIntegrityTests {
    static let good = TestSupport.fixtures.appendingPathComponent("invalid/link-missing-target/content")
    static let failing = TestSupport.fixtures.appendingPathComponent("invalid/segment-unclosed/content")

    @Test func theGateRefusesPathsThatLeaveTheOutput() {
        for path in ["a.html", "fr/a/b.html", "assets/x.css", "fr/é.html", ".docgen-manifest", "a..b/c"] {
            #expect(OutputPath.refusal(path) == nil, "\(path)")
        }
        let refused: [(String, OutputPath.Refusal)] = [
            ("", .empty), ("/etc/x", .absolute), ("\\x", .absolute), ("C:/x", .absolute), ("../x", .climbs),
            ("fr/../../x.html", .climbs), ("a/..", .climbs), ("a//b", .malformed), ("./a", .malformed),
            ("a/", .malformed), ("a\\..\\b", .malformed), ("a\nb", .controlCharacter), ("a\u{7F}", .controlCharacter),
        ]
        for (path, refusal) in refused { #expect(OutputPath.refusal(path) == refusal, "\(path)") }
    }

    @Test func languageCodesMustBeTags() {
        for tag in ["fr", "FR", "fr-FR", "fr_CA", "zh-Hans-CN", "es-419", "sr-Latn", "de-DE-1996", "ast"] {
            #expect(Language.isWellFormed(tag: tag), "\(tag)")
        }
        for tag in ["", "f", "fren", "../../x", "fr/", "fr-", "fr-F", "fr-FRA", "é", "fr-FR-x", "fr\"", "fr<"] {
            #expect(!Language.isWellFormed(tag: tag), "\(tag)")
        }
        #expect(Language(tag: "fr-FR")?.code == "fr")
        #expect(Language(tag: "../../x") == nil)
    }

    @Test func scriptValuesCannotEndTheScript() {
        #expect(ScriptSafeJSON.string("</script><!--&\u{2028}\"") == #""\u003c/script\u003e\u003c!--\u0026\u2028\"""#)
        #expect(
            ScriptSafeJSON.object([("fr", "fr/index.html"), ("a<", "b")]) == #"{"fr": "fr/index.html", "a\u003c": "b"}"#
        )
    }

    @Test func stagingRefusesEscapesAndSecondWritesWhoeverAsks() throws {
        let output = TestSupport.temporaryFolder().appendingPathComponent("site")
        let writer = OutputWriter(output: output, force: false)
        let lock = try writer.lock()
        let staging = try writer.stage()
        try staging.write(OutputFile(path: "../escaped.html", text: "x"))
        try staging.write(OutputFile(path: "fr/../../escaped.html", text: "x"))
        try staging.write(OutputFile(path: "fr/a.html", text: "first"))
        try staging.write(OutputFile(path: "FR/A.html", text: "second"))
        try writer.publish(staging)
        withExtendedLifetime(lock) {}
        let parent = output.deletingLastPathComponent()
        #expect(!FileManager.default.fileExists(atPath: parent.appendingPathComponent("escaped.html").path))
        #expect(TestSupport.read(output.appendingPathComponent("fr/a.html")) == "first")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("FR").path))
        #expect(
            staging.diagnostics.map(\.identifier).sorted() == [
                "docgen.output.collision", "docgen.path.outside-output", "docgen.path.outside-output",
            ])
        #expect(TestSupport.read(output.appendingPathComponent(OutputWriter.manifestName)) == "fr/a.html\n")
    }

    @Test func namesThatDifferOnlyInCaseOrUnicodeCompositionCollide() throws {
        let content = TestSupport.temporaryFolder()
        let composed = "\u{E9}t\u{E9}.md"
        let decomposed = "e\u{301}te\u{301}.md"
        for (name, title) in [
            (composed, "Composé"), (decomposed, "Décomposé"), ("Guide.md", "Guide"), ("guide.md", "guide"),
        ] {
            try Data("---\ntitle: \(title)\n---\n# \(title)\n\nTexte.\n".utf8).write(
                to: content.appendingPathComponent(name))
        }
        let (report, output) = try TestSupport.build(content)
        let collisions = report.diagnostics.filter { $0.identifier == "docgen.output.collision" }
        #expect(collisions.count == 2, "\(collisions)")
        #expect(
            collisions.compactMap(\.location?.path).map { Array($0.utf8) }.sorted { $0.lexicographicallyPrecedes($1) }
                == [composed, "guide.md"].map { Array($0.utf8) }.sorted { $0.lexicographicallyPrecedes($1) })
        #expect(collisions.allSatisfy { $0.severity == .error })
        #expect(collisions.contains { $0.summary.contains("'Guide.md'") && $0.summary.contains("case-insensitively") })
        let pages = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("fr").path)
        #expect(pages.filter { $0.hasSuffix(".html") && !$0.contains("translation") }.count == 5)  // 2 pages, home, toc, coverage
    }

    @Test func aSecondBuildIsRefusedWhileTheFirstHoldsTheOutputWhenAskedNotToWait() throws {
        let output = TestSupport.temporaryFolder().appendingPathComponent("site")
        let first = try OutputWriter(output: output, force: false).lock()
        #expect(throws: BuildFailure.outputBusy(output.path, holder: getpid())) {
            _ = try OutputWriter(output: output, force: false).lock(wait: false)
        }
        withExtendedLifetime(first) {}
    }

    @Test func aLockFileThatIsASymbolicLinkIsNotFollowed() throws {
        let parent = TestSupport.temporaryFolder()
        let precious = parent.appendingPathComponent("precious.txt")
        try Data("keep me".utf8).write(to: precious)
        try FileManager.default.createSymbolicLink(
            at: parent.appendingPathComponent(".site.docgen-lock"), withDestinationURL: precious)
        #expect(throws: BuildFailure.self) {
            _ = try TestSupport.build(Self.good, output: parent.appendingPathComponent("site"))
        }
        #expect(TestSupport.read(precious) == "keep me")
    }

    @Test func keepOnErrorLeavesThePreviousSiteAsItWas() throws {
        let output = TestSupport.temporaryFolder().appendingPathComponent("site")
        _ = try TestSupport.build(Self.good, output: output)
        let before = TestSupport.snapshot(output)
        var options = BuildOptions(content: Self.failing, output: output, templates: TestSupport.templates)
        options.keepOnError = true
        let kept = try SiteBuilder.build(options)
        #expect(kept.diagnostics.contains { $0.severity == .error })
        #expect(!kept.published)
        #expect(TestSupport.snapshot(output) == before)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path).sorted()
                == [".site.docgen-lock", "site"])
        // Warnings count as errors under strict.
        options.content = TestSupport.fixtures.appendingPathComponent("invalid/link-missing-target/content")
        options.strict = true
        #expect(!(try SiteBuilder.build(options)).published)
        // By default the site with errors is published (every page written, the text kept).
        options = BuildOptions(content: Self.failing, output: output, templates: TestSupport.templates)
        let published = try SiteBuilder.build(options)
        #expect(published.published)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("fr/bad.html").path))
    }

    @Test func leftoversAreRemovedOnlyWhenTheirOwnerIsGoneAndALonePreviousSiteIsPutBack() throws {
        let parent = TestSupport.temporaryFolder()
        let output = parent.appendingPathComponent("site")
        _ = try TestSupport.build(Self.good, output: output)
        let before = TestSupport.snapshot(output)
        let manager = FileManager.default
        // A build killed between the two renames of the fallback swap: the site is aside.
        let dead = Int32.max - 1
        try manager.moveItem(at: output, to: parent.appendingPathComponent(".site.docgen-old-\(dead)"))
        try manager.createDirectory(
            at: parent.appendingPathComponent(".site.docgen-new-\(dead)/fr"), withIntermediateDirectories: true)
        // A staging folder of a build that is still running (an older docgen that takes no lock).
        let live = parent.appendingPathComponent(".site.docgen-new-\(getppid())")
        try manager.createDirectory(at: live, withIntermediateDirectories: true)
        // Recovery alone: the previous site comes back whole, the dead build's staging goes.
        try withExtendedLifetime(OutputWriter(output: output, force: false).lock()) {}
        #expect(TestSupport.snapshot(output) == before)
        #expect(
            try manager.contentsOfDirectory(atPath: parent.path).filter { !$0.hasSuffix(".docgen-cache") }.sorted() == [
                ".site.docgen-lock", live.lastPathComponent, "site",
            ])
        // A failing build after recovery still leaves the restored site when asked to.
        var options = BuildOptions(content: Self.failing, output: output, templates: TestSupport.templates)
        options.keepOnError = true
        _ = try SiteBuilder.build(options)
        #expect(TestSupport.snapshot(output) == before)
        try manager.removeItem(at: live)
    }

    @Test func theTwoRenameFallbackPublishesTheSameSite() throws {
        let exchange = TestSupport.temporaryFolder().appendingPathComponent("site")
        let renames = TestSupport.temporaryFolder().appendingPathComponent("site")
        for output in [exchange, renames] { _ = try TestSupport.build(Self.failing, output: output) }
        _ = try TestSupport.build(Self.good, output: exchange)
        OutputSwap.exchangeDisabled = true
        defer { OutputSwap.exchangeDisabled = false }
        _ = try TestSupport.build(Self.good, output: renames)
        #expect(TestSupport.snapshot(exchange) == TestSupport.snapshot(renames))
        let failed = TestSupport.temporaryFolder().appendingPathComponent("site")
        _ = try TestSupport.build(Self.failing, output: failed)
        #expect(TestSupport.snapshot(renames) != TestSupport.snapshot(failed))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: renames.deletingLastPathComponent().path)
                .filter { !$0.hasSuffix(".docgen-cache") }.sorted()
                == [".site.docgen-lock", "site"])
    }
}
