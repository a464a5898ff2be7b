import DocGenCore
import DocGenSite
import Foundation
import Testing

/// One folder per malformed input under `Fixtures/invalid/`: each must produce its diagnostic
/// in `bad.md`, and every page (the good article's and the bad one's) must still be written.
@Suite struct InvalidInputTests {
    static let cases: [String] = {
        let folder = TestSupport.fixtures.appendingPathComponent("invalid")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }()

    @Test func everyCaseFolderIsFound() {
        #expect(Self.cases.count >= 14)
    }

    @Test(arguments: cases)
    func malformedInputGivesItsDiagnosticAndLosesNothing(name: String) throws {
        let folder = TestSupport.fixtures.appendingPathComponent("invalid/\(name)")
        let expected = TestSupport.read(folder.appendingPathComponent("expected.txt"))!
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let (report, output) = try TestSupport.build(folder.appendingPathComponent("content"))
        let matching = report.diagnostics.filter { $0.identifier == expected }
        #expect(!matching.isEmpty, "\(name): got \(report.diagnostics.map(\.identifier))")
        for diagnostic in matching {
            #expect(diagnostic.location?.path == "bad.md")
            #expect((diagnostic.location?.line ?? 0) >= 1)
        }
        #expect(report.diagnostics.allSatisfy { $0.location?.path != "good.md" }, "good.md must stay clean")
        for page in ["fr/good.html", "en/good.html", "fr/bad.html", "en/bad.html", "fr/index.html", "index.html"] {
            #expect(
                FileManager.default.fileExists(atPath: output.appendingPathComponent(page).path), "\(name): \(page)")
        }
        let good = TestSupport.read(output.appendingPathComponent("en/good.html")) ?? ""
        #expect(good.contains("Intact text."))
        let bad = TestSupport.read(output.appendingPathComponent("fr/bad.html")) ?? ""
        #expect(bad.contains("conservé"), "\(name): the bad article's text must still be rendered")
        let visible = bad.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
        #expect(
            !visible.contains("data-ttu-id") && !visible.contains("sxs-lookup") && !visible.contains(":::"),
            "\(name): no source markup may be visible")
    }
}
