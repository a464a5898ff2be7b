import DocGenCore
import DocGenSite
import Foundation
import Testing

/// The default theme is built into the binary: it must equal `Templates/`, and a theme folder
/// replaces it file by file.
struct EmbeddedThemeTests {
    @Test func theBuiltInThemeIsTheTemplatesFolder() throws {
        let builtIn = try ThemeLoader.files(overrides: nil)
        var onDisk: [String: [UInt8]] = [:]
        let root = TestSupport.templates.path
        for case let relative as String in FileManager.default.enumerator(atPath: root)?.allObjects ?? [] {
            var isDirectory: ObjCBool = false
            let full = root + "/" + relative
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue,
                !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") })
            else { continue }
            onDisk[relative] = FileManager.default.contents(atPath: full).map { Array($0) }
        }
        #expect(!onDisk.isEmpty)
        #expect(
            Set(builtIn.keys) == Set(onDisk.keys),
            "Sources/DocGenSite/EmbeddedTheme.swift is out of date: run python3 scripts/embed-theme.py")
        for (path, bytes) in onDisk {
            #expect(
                builtIn[path] == bytes, "\(path) differs from the built-in copy: run python3 scripts/embed-theme.py")
        }
    }

    @Test func aThemeFolderReplacesTheBuiltInFilesOneByOne() throws {
        let overrides = TestSupport.temporaryFolder()
        try Data("<p>mine</p>".utf8).write(to: overrides.appendingPathComponent("404.mustache"))
        let files = try ThemeLoader.files(overrides: overrides)
        #expect(files["404.mustache"] == Array("<p>mine</p>".utf8))
        #expect(files["layout.mustache"] == (try ThemeLoader.files(overrides: nil))["layout.mustache"])
        #expect(files["assets/docgen.css"] != nil)
        // A site built with the override has its 404 page and every other page of the built-in theme.
        let content = TestSupport.fixtures.appendingPathComponent("everything/content")
        let output = TestSupport.temporaryFolder().appendingPathComponent("site")
        _ = try SiteBuilder.build(BuildOptions(content: content, output: output, templates: overrides))
        #expect(TestSupport.read(output.appendingPathComponent("404.html")) == "<p>mine</p>")
        #expect(TestSupport.read(output.appendingPathComponent("fr/everything.html"))?.contains("<html") == true)
    }

    @Test func aMissingThemeFolderIsReported() {
        let missing = TestSupport.temporaryFolder().appendingPathComponent("nothing-here")
        #expect(throws: BuildFailure.self) { try ThemeLoader.files(overrides: missing) }
    }
}

/// How the loader and the build cache classify content paths.
struct ContentKindTests {
    @Test func pathsAreClassifiedAsBefore() {
        let cases: [(String, ContentLoader.FileKind)] = [
            ("a.md", .article), ("Guide/Start.MD", .article), ("README.md", .resource), ("sub/toc.md", .structure),
            ("TOC.md", .structure), ("includes/note.md", .include), ("a/Includes/b/c.md", .include),
            ("includes/toc.yml", .resource), ("TOC.yml", .structure), ("faq.YAML", .structure),
            ("images/a.png", .resource), ("docfx.json", .resource), ("myincludes/a.md", .article),
            ("includes.md", .article),
        ]
        for (path, kind) in cases { #expect(ContentLoader.kind(of: path) == kind, "\(path)") }
    }
}
