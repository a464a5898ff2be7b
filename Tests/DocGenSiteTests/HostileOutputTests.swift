import DocGenCore
import DocGenSite
import Foundation
import Testing

/// One folder per hostile input that tries to write where it must not (`Fixtures/hostile-output/`):
/// each must produce its diagnostic at its line, write nothing outside the output, and build the
/// rest of the site. `expected.txt` lists, one per line: `diagnostic ID PATH:LINE`, `page P`
/// (must exist, relative to the output), `page P contains TEXT`, `absent P` (must not exist;
/// `../` reaches beside the output).
@Suite struct HostileOutputTests {
    static let cases: [String] = {
        let folder = TestSupport.fixtures.appendingPathComponent("hostile-output")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }()

    @Test func everyCaseFolderIsFound() {
        #expect(Self.cases.count >= 12)
    }

    @Test(arguments: cases)
    func hostileInputIsRefusedAndTheRestIsBuilt(name: String) throws {
        let folder = TestSupport.fixtures.appendingPathComponent("hostile-output/\(name)")
        let expected = TestSupport.read(folder.appendingPathComponent("expected.txt"))!
        let parent = TestSupport.temporaryFolder().appendingPathComponent("deep/er")
        let output = parent.appendingPathComponent("site")
        let before = Set((try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [])
        let (report, _) = try TestSupport.build(folder.appendingPathComponent("content"), output: output)
        for line in expected.split(separator: "\n").map(String.init) {
            let words = line.split(separator: " ", maxSplits: 2).map(String.init)
            switch words.first {
            case "diagnostic":
                let place = words[2].split(separator: ":")
                let found = report.diagnostics.filter {
                    $0.identifier == words[1] && $0.location?.path == String(place[0])
                        && $0.location?.line == Int(place[1])
                }
                #expect(found.count == 1, "\(name): \(words[1]) at \(words[2]); got \(report.diagnostics)")
                #expect(found.allSatisfy { $0.severity == .error })
            case "page":
                let text = TestSupport.read(output.appendingPathComponent(words[1]))
                #expect(text != nil, "\(name): \(words[1]) must be written")
                if words.count == 3, words[2].hasPrefix("contains ") {
                    #expect(text?.contains(words[2].dropFirst("contains ".count)) == true, "\(name): \(words[1])")
                }
            case "absent":
                let path = output.appendingPathComponent(words[1]).standardizedFileURL.path
                #expect(!FileManager.default.fileExists(atPath: path), "\(name): \(path) must not exist")
            default: Issue.record("\(name): unknown line '\(line)'")
            }
        }
        // Nothing but the site and its lock beside the output, nothing above it.
        // (The build cache sits beside the output too; it is never published.)
        let after = Set(try FileManager.default.contentsOfDirectory(atPath: parent.path)).filter {
            !$0.hasSuffix(".docgen-cache")
        }
        #expect(after.subtracting(before) == ["site", ".site.docgen-lock"], "\(name): \(after)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.deletingLastPathComponent().path) == ["er"])
        // The rest of the site.
        for page in ["fr/good.html", "en/good.html", "index.html", "fr/toc.html"] {
            #expect(
                FileManager.default.fileExists(atPath: output.appendingPathComponent(page).path), "\(name): \(page)")
        }
        #expect(TestSupport.read(output.appendingPathComponent("en/good.html"))?.contains("Intact text.") == true)
        // Every value in the root page's script is plain: no markup from the input reached it.
        let root = TestSupport.read(output.appendingPathComponent("index.html")) ?? ""
        #expect(root.contains("var choices = {\"fr\": \"fr/index.html\", \"en\": \"en/index.html\"};"), "\(name)")
        #expect(!root.contains("alert"))
        let manifest = TestSupport.read(output.appendingPathComponent(".docgen-manifest")) ?? ""
        #expect(!manifest.contains(".."), "\(name): the manifest lists no path outside the output")
    }
}
