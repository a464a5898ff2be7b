import DocGenCore
import DocGenRender
import Foundation
import Yams

/// Reads the theme: the default one built into docgen (`EmbeddedTheme`, generated from
/// `Templates/`), with the files of an override folder in place of its own, file by file:
/// `*.mustache` templates, `strings.yml` and `assets/`.
public enum ThemeLoader {
    /// Reads the default theme with the files of `root` over it (`nil`: the default theme alone).
    public static func load(root: URL?) throws -> (Theme, [Diagnostic]) {
        load(files: try files(overrides: root))
    }

    /// The theme's files by path relative to the theme folder: the built-in ones, then those of
    /// `overrides`, which replace a built-in file of the same path or add to them. Throws when
    /// `overrides` is given but is not a folder.
    public static func files(overrides: URL?) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for (path, base64) in EmbeddedTheme.files {
            files[path] = Data(base64Encoded: base64).map { Array($0) } ?? []
        }
        guard let root = overrides else { return files }
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw BuildFailure.templatesMissing(root.path)
        }
        let rootPath = root.standardizedFileURL.resolvingSymlinksInPath().path
        for relative in (manager.enumerator(atPath: rootPath)?.allObjects as? [String] ?? []).sorted() {
            let full = rootPath + "/" + relative
            var isDir: ObjCBool = false
            guard manager.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue,
                !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }),
                let data = manager.contents(atPath: full)
            else { continue }
            files[relative] = Array(data)
        }
        return files
    }

    /// Turns a theme's files into a `Theme`; a malformed `strings.yml` is a diagnostic.
    public static func load(files: [String: [UInt8]]) -> (Theme, [Diagnostic]) {
        var templates: [String: String] = [:]
        var assets: [OutputFile] = []
        var diagnostics: [Diagnostic] = []
        var strings: [String: [String: String]] = [:]
        for relative in files.keys.sorted() {
            let data = files[relative] ?? []
            if relative.hasSuffix(".mustache") {
                templates[String(relative.dropLast(".mustache".count))] = String(decoding: data, as: UTF8.self)
            } else if relative.hasPrefix("assets/") {
                assets.append(OutputFile(path: relative, contents: data))
            } else if relative == "strings.yml" {
                do {
                    strings = try YAMLDecoder().decode(
                        [String: [String: String]].self, from: String(decoding: data, as: UTF8.self))
                } catch {
                    diagnostics.append(
                        .error(
                            "docgen.template.invalid-strings",
                            at: SourceLocation(path: "Templates/strings.yml", line: 1),
                            "strings.yml is not a mapping of language → key → text: \(error)",
                            fix: "write it as 'fr:' then indented 'key: text' lines"))
                }
            }
        }
        return (Theme(templates: templates, strings: strings, assets: assets), diagnostics)
    }
}
