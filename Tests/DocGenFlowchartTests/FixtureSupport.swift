import DocGenContent
import DocGenCore
import Foundation

/// Where the test fixtures are: read from the test bundle, re-recorded into the source tree.
enum Fixtures {
    /// The `Fixtures` folder copied into the test bundle.
    static var bundled: URL { Bundle.module.url(forResource: "Fixtures", withExtension: nil)! }

    /// The `Fixtures` folder in the source tree, where `DOCGEN_RECORD=1` writes golden files.
    static var source: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    }

    /// The repository root.
    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// Whether golden files should be re-recorded instead of compared.
    static var recording: Bool { ProcessInfo.processInfo.environment["DOCGEN_RECORD"] == "1" }

    /// Reads a fixture as a source file whose path is relative to the fixtures folder.
    static func file(_ relativePath: String) throws -> SourceFile {
        let text = try String(contentsOf: bundled.appendingPathComponent(relativePath), encoding: .utf8)
        return SourceFile(path: relativePath, text: text)
    }

    /// The seed flow of the site, `Content/flows/onboardingAADFlow.yml`.
    static func seedFlow() throws -> Flow {
        let url = repository.appendingPathComponent("Content/flows/onboardingAADFlow.yml")
        let text = try String(contentsOf: url, encoding: .utf8)
        let result = FlowParser.parse(SourceFile(path: "flows/onboardingAADFlow.yml", text: text))
        return result.flow!
    }

    /// Parses a fixture that must be a valid flow.
    static func flow(_ relativePath: String) throws -> Flow {
        FlowParser.parse(try file(relativePath)).flow!
    }

    /// Compares `actual` with the golden file, or writes it when recording. Returns the expected
    /// text (or `actual` when recording or when the golden file does not exist yet).
    static func golden(_ relativePath: String, _ actual: String) throws -> String {
        let target = source.appendingPathComponent(relativePath)
        if recording {
            try FileManager.default.createDirectory(
                at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: target, atomically: true, encoding: .utf8)
            return actual
        }
        return try String(contentsOf: bundled.appendingPathComponent(relativePath), encoding: .utf8)
    }
}
