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

        // The page-weight budget: what an article page carries beyond the article's own HTML
        // (head, header, sidebar, breadcrumbs, outline, reader modes, pager, footer), on average.
        let pages = a.filter { ($0.key.hasPrefix("fr/") || $0.key.hasPrefix("en/")) && $0.key.hasSuffix(".html") }
            .map { String(decoding: $0.value, as: UTF8.self) }
            .filter { $0.contains("<article class=\"content\"") }
        let overheads = pages.map { page in
            page.utf8.count - Self.length(of: page, from: "<article class=\"content\"", to: "</article>")
                - Self.length(of: page, from: "<template id=\"seg-sources\">", to: "</template>")
        }
        #expect(pages.count > 600)
        let average = overheads.reduce(0, +) / max(1, overheads.count)
        #expect(average <= Self.pageWeightBudget, "pages carry \(average) bytes beyond their article on average")
    }

    /// Bytes an article page may carry beyond its article, on average (README, "Speed").
    static let pageWeightBudget = 16 * 1024

    /// The UTF-8 length of the first element from `start` to the end of `end`, or 0.
    static func length(of page: String, from start: String, to end: String) -> Int {
        guard let open = page.range(of: start), let close = page.range(of: end, range: open.upperBound..<page.endIndex)
        else { return 0 }
        return page.utf8.distance(from: open.lowerBound, to: close.upperBound)
    }
}
