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
}
