import DocGenCore
import DocGenSite
import Foundation
import Testing

/// The real docset in `../shared/corpus`, when present: every article in both languages, every
/// segment's text on the right page (checked by the independent `segcheck.py`), no errors.
@Suite(.enabled(if: FileManager.default.fileExists(atPath: TestSupport.corpus.path)))
struct CorpusTests {
    @Test func theWholeCorpusBuildsWithWarningsButNoErrors() throws {
        let (report, output) = try TestSupport.build(TestSupport.corpus)
        let errors = report.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.prefix(5).map(\.description))")
        #expect(report.articleCount > 300)
        #expect(report.pageCount >= 2 * report.articleCount)
        #expect(report.diagnostics.contains { $0.identifier == "docgen.link.malformed" }, "the corpus has broken links")

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let check = TestSupport.repoRoot.deletingLastPathComponent().appendingPathComponent("shared/checks/segcheck.py")
        process.arguments = ["python3", check.path, TestSupport.corpus.path, output.path, "fr"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let printed = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "segcheck: \(printed)")
        #expect(printed.contains("leaking pages: 0"))
    }

    /// Thousands of pages rendered on every core, twice: byte-identical (a small fixture did not
    /// catch libcmark-gfm's shared-state race, the real corpus does).
    @Test func theCorpusBuildsByteIdenticallyTwice() throws {
        let (_, first) = try TestSupport.build(TestSupport.corpus)
        let (_, second) = try TestSupport.build(TestSupport.corpus)
        let a = TestSupport.snapshot(first)
        let b = TestSupport.snapshot(second)
        #expect(a.count > 1000)
        let differing = a.keys.filter { a[$0] != b[$0] }.sorted()
        #expect(differing.isEmpty, "\(differing.count) files differ, e.g. \(differing.prefix(3))")
    }
}
