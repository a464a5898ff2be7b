import DocGenCore
import DocGenTranslation
import Foundation
import Testing

/// One folder per invalid translation file under `Fixtures/import-invalid/`, each imported into
/// the "everything" article: the folder's `expected.txt` lists the diagnostics (`identifier line`)
/// it must produce, and the article must come out unchanged.
@Suite struct ImportInvalidFixtureTests {
    static let cases: [String] = {
        let root = Fixtures.folder.appendingPathComponent("import-invalid")
        return ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).sorted()
    }()

    @Test(arguments: cases)
    func invalidFileIsRefusedWithItsDiagnostic(_ name: String) throws {
        let folder = Fixtures.folder.appendingPathComponent("import-invalid").appendingPathComponent(name)
        let expected = try String(contentsOf: folder.appendingPathComponent("expected.txt"), encoding: .utf8)
            .split(separator: "\n").map { line -> (String, Int) in
                let fields = line.split(separator: " ")
                return (String(fields[0]), Int(fields[1]) ?? 0)
            }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != "expected.txt" }
            .sorted()
        var documents: [ImportedDocument] = []
        var diagnostics: [Diagnostic] = []
        for file in files {
            let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(file)))
            let (document, found) = TranslationFileReader.read(path: file, bytes: bytes)
            diagnostics += found
            if let document { documents.append(document) }
        }
        let articles = try Fixtures.articles("everything")
        let result = SegmentImporter.apply(documents, to: articles)
        diagnostics += result.diagnostics
        for (identifier, line) in expected {
            #expect(
                diagnostics.contains { $0.identifier == identifier && $0.location?.line == line },
                "\(name): no \(identifier) at line \(line) in \(diagnostics.map(\.description))")
        }
        #expect(diagnostics.hasErrors, "\(name) must be refused")
        #expect(result.changedFiles.isEmpty, "\(name) changed an article")
    }
}
