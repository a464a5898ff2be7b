import DocGenCore
import DocGenSite
import Foundation
import Testing

/// Paths and helpers shared by the site tests.
enum TestSupport {
    /// The repository root (three levels above this file).
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let templates = repoRoot.appendingPathComponent("Templates")
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let corpus = repoRoot.deletingLastPathComponent().appendingPathComponent(
        "shared/corpus/fr-fr/partner-center")

    /// Set `DOCGEN_RECORD=1` to rewrite golden files from the current output instead of comparing.
    static var recording: Bool { ProcessInfo.processInfo.environment["DOCGEN_RECORD"] == "1" }

    /// The folder that holds this test process's temporary folders; removed when the process exits.
    private static let temporaryRoot: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "docgen-tests-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: TestSupport.temporaryRoot) }
        return url
    }()

    /// A new empty temporary folder (inside `temporaryRoot`, so nothing is left behind in /tmp).
    static func temporaryFolder() -> URL {
        let url = temporaryRoot.appendingPathComponent(UUID().uuidString)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Builds `content` into a fresh folder and returns the report and the output folder.
    static func build(_ content: URL, output: URL? = nil, force: Bool = false) throws -> (BuildReport, URL) {
        let output = output ?? temporaryFolder().appendingPathComponent("site")
        let report = try SiteBuilder.build(
            BuildOptions(content: content, output: output, templates: templates, force: force))
        return (report, output)
    }

    /// A stand-in for Pagefind: a shell script that reads `--site` and `--output-path` (default
    /// `<site>/pagefind`), writes the bundle's entry files, then runs `rest`.
    static func stubPagefind(_ rest: String) throws -> URL {
        let script = temporaryFolder().appendingPathComponent("pagefind")
        let body = """
            #!/bin/sh
            site=""; out=""
            while [ $# -gt 0 ]; do
              [ "$1" = "--site" ] && site="$2"; [ "$1" = "--output-path" ] && out="$2"; shift
            done
            [ -n "$out" ] || out="$site/pagefind"
            mkdir -p "$out/index"
            echo 'export {}' > "$out/pagefind.js"
            echo '{}' > "$out/pagefind-entry.json"

            """ + rest
        try body.write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        return script
    }

    /// A stand-in for Pagefind whose index is a digest of every page it reads, so an index made
    /// before an edit differs from one made after it.
    static func digestPagefind() throws -> URL {
        try stubPagefind(
            """
            find "$site" -name '*.html' ! -path '*/pagefind/*' | sed "s|^$site/||" | sort > "$out/pages-seen"
            (cd "$site" && cat $(cat "$out/pages-seen")) | cksum > "$out/index/digest.pf_index"
            """)
    }

    static func read(_ url: URL) -> String? {
        FileManager.default.contents(atPath: url.path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Records an issue unless `built` holds the same files, byte for byte, as the clean build in
    /// `expected`.
    static func expectSameFiles(_ built: URL, as expected: URL) {
        let builtFiles = snapshot(built)
        let expectedFiles = snapshot(expected)
        #expect(Set(builtFiles.keys) == Set(expectedFiles.keys))
        for (path, bytes) in expectedFiles where builtFiles[path] != bytes {
            Issue.record("\(path) differs from a clean build")
        }
    }

    /// Every file below `folder`, relative path → bytes.
    static func snapshot(_ folder: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        for case let relative as String in FileManager.default.enumerator(atPath: folder.path)?.allObjects ?? [] {
            let url = folder.appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[relative] = FileManager.default.contents(atPath: url.path)
            }
        }
        return result
    }
}
