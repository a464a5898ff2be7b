import DocGenCore
import DocGenSite
import Foundation
import Testing

/// `docgen check`: the build's diagnostics through the same stages, nothing written, as stable JSON.
struct CheckModeTests {
    @Test func checkReportsWhatBuildReportsAndWritesNothing() throws {
        let content = TestSupport.fixtures.appendingPathComponent("docset/docs")
        let (built, _) = try TestSupport.build(content)
        let output = TestSupport.temporaryFolder().appendingPathComponent("never")
        var options = BuildOptions(content: content, output: output, templates: nil)
        options.writesOutput = false
        let checked = try SiteBuilder.build(options)
        #expect(!built.diagnostics.isEmpty)
        #expect(checked.diagnostics == built.diagnostics)
        #expect(!FileManager.default.fileExists(atPath: output.path))
        let siblings = try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)
        #expect(siblings.isEmpty, "no staging folder or cache: \(siblings)")
    }

    @Test func jsonHasStableKeysInOrder() throws {
        let located = Diagnostic.warning(
            "docgen.link.missing-target", at: SourceLocation(path: "a \"b\".md", line: 3, column: 7), "leads nowhere",
            fix: "correct it")
        let site = Diagnostic("docgen.link.root-relative", .note, at: nil, "two links")
        let document = [located, site].jsonDocument()
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(document.utf8)) as? [String: Any])
        let items = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(items.count == 2)
        #expect(items[0]["file"] as? String == "a \"b\".md")
        #expect(items[0]["line"] as? Int == 3 && items[0]["column"] as? Int == 7)
        #expect(items[0]["severity"] as? String == "warning" && items[0]["fix"] as? String == "correct it")
        #expect(items[1]["file"] is NSNull && items[1]["fix"] is NSNull)
        #expect((object["summary"] as? [String: Int]) == ["errors": 0, "warnings": 1, "notes": 1])
        let keys = ["identifier", "severity", "file", "line", "column", "message", "fix"]
        let offsets = keys.map { document.range(of: "\"\($0)\":")?.lowerBound }
        #expect(offsets.allSatisfy { $0 != nil } && offsets.map { $0! } == offsets.map { $0! }.sorted())
    }
}
