import DocGenContent
import DocGenCore
import DocGenFlowchart
import Foundation
import Testing

/// One fixture per defect under `Fixtures/invalid/<case>.yml`; its `# expect: ID at LINE:COL`
/// comments list exactly the diagnostics the file must produce.
@Suite struct FlowValidationTests {
    static let invalidCases: [String] = {
        let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("invalid")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yml") }.map { String($0.dropLast(4)) }.sorted()
    }()

    @Test func everyDefectHasAFixture() {
        let required = [
            "unknown-target", "unreachable", "question-without-answers", "outcome-with-answers", "unmarked-cycle",
            "missing-text", "duplicate-id",
        ]
        for name in required { #expect(Self.invalidCases.contains(name), "no fixture for \(name)") }
    }

    @Test(arguments: invalidCases) func invalidFlowGivesItsDiagnostic(_ name: String) throws {
        let file = try Fixtures.file("invalid/\(name).yml")
        let expected = file.text.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("# expect: ") else { return nil }
            return String(line.dropFirst("# expect: ".count))
        }
        #expect(expected.first?.hasPrefix("docgen.flow.\(name) ") == true, "the fixture must expect its own id first")
        let parsed = FlowParser.parse(file)
        let diagnostics = parsed.diagnostics + (parsed.flow.map { FlowValidator.validate($0) } ?? [])
        let actual = diagnostics.sortedForOutput().map {
            "\($0.identifier) at \($0.location.map { "\($0.line):\($0.column)" } ?? "-")"
        }
        #expect(actual.sorted() == expected.sorted())
        for diagnostic in diagnostics { #expect(diagnostic.location?.path == "invalid/\(name).yml") }
    }

    @Test func seedFlowIsValid() throws {
        let flow = try Fixtures.seedFlow()
        #expect(FlowValidator.validate(flow).isEmpty)
        #expect(flow.name == "onboardingAADFlow")
        #expect(flow.startID == "has-tenant")
        #expect(flow.nodes.count == 11)
    }

    @Test func cyclesAllowedSilencesTheCycle() throws {
        var file = try Fixtures.file("invalid/unmarked-cycle.yml")
        file.text = file.text.replacingOccurrences(of: "nodes:\n", with: "cycles: allowed\nnodes:\n")
        let flow = try #require(FlowParser.parse(file).flow)
        #expect(flow.cyclesAllowed)
        #expect(FlowValidator.validate(flow).isEmpty)
    }

    @Test func columnsCountUTF8Bytes() throws {
        let line = "    text: { fr: \"Été – «ok»\", en: [not, text] }"
        let text = "title: { fr: \"T\", en: \"T\" }\nnodes:\n  - id: a\n    kind: outcome\n" + line + "\n"
        let result = FlowParser.parse(SourceFile(path: "f.yml", text: text))
        let wrong = try #require(result.diagnostics.first { $0.identifier == "docgen.flow.wrong-type" })
        let byteColumn =
            line.utf8.distance(from: line.utf8.startIndex, to: line.firstIndex(of: "[")!.samePosition(in: line.utf8)!)
            + 1
        #expect(wrong.location == SourceLocation(path: "f.yml", line: 5, column: byteColumn))
        #expect(byteColumn != line.distance(from: line.startIndex, to: line.firstIndex(of: "[")!) + 1)
    }
}
