import DocGenCore
import Foundation
import Testing

/// Reads test fixtures and compares outputs with committed golden files.
///
/// Set `DOCGEN_RECORD=1` to (re)write the golden files from the current output instead of
/// comparing: `DOCGEN_RECORD=1 swift test --filter DocGenTranslationTests`, then review the diff.
enum Fixtures {
    /// The fixture folder in the source tree (golden files are recorded there).
    static let sourceFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// The fixture folder copied into the test bundle.
    static var folder: URL { Bundle.module.url(forResource: "Fixtures", withExtension: nil) ?? sourceFolder }

    /// Every `.md` file under a fixture sub-folder, as `SourceFile`s with paths relative to it.
    static func articles(_ name: String) throws -> [SourceFile] {
        let root = folder.appendingPathComponent(name)
        let paths = (FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".md") }.sorted()
        return try paths.map {
            SourceFile(path: $0, text: try String(contentsOf: root.appendingPathComponent($0), encoding: .utf8))
        }
    }

    /// Compares `actual` with the golden file `golden/<name>`, or records it when `DOCGEN_RECORD=1`.
    static func expectGolden(
        _ actual: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    )
        throws
    {
        let recorded = sourceFolder.appendingPathComponent("golden").appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["DOCGEN_RECORD"] == "1" {
            try FileManager.default.createDirectory(
                at: recorded.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: recorded, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(
            contentsOf: folder.appendingPathComponent("golden").appendingPathComponent(name), encoding: .utf8)
        #expect(
            actual == expected, "golden file \(name) differs; re-record with DOCGEN_RECORD=1",
            sourceLocation: sourceLocation)
    }
}
