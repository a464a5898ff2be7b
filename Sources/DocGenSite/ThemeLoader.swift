import DocGenCore
import DocGenRender
import Foundation
import Yams

/// Reads a theme folder (`Templates/`): `*.mustache` templates, `strings.yml`, and `assets/`.
public enum ThemeLoader {
    /// Reads the theme at `root`.
    public static func load(root: URL) throws -> (Theme, [Diagnostic]) {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw BuildFailure.templatesMissing(root.path)
        }
        var templates: [String: String] = [:]
        var assets: [OutputFile] = []
        var diagnostics: [Diagnostic] = []
        var strings: [String: [String: String]] = [:]
        let rootPath = root.standardizedFileURL.resolvingSymlinksInPath().path
        let files = (manager.enumerator(atPath: rootPath)?.allObjects as? [String] ?? []).sorted()
        for relative in files {
            let full = rootPath + "/" + relative
            var isDir: ObjCBool = false
            guard manager.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue,
                !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }),
                let data = manager.contents(atPath: full)
            else { continue }
            if relative.hasSuffix(".mustache") {
                templates[String(relative.dropLast(".mustache".count))] = String(decoding: data, as: UTF8.self)
            } else if relative.hasPrefix("assets/") {
                assets.append(OutputFile(path: relative, contents: Array(data)))
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
