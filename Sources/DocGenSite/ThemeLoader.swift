import DocGenCore
import DocGenRender
import Foundation
import Yams

/// Reads a theme folder (`Templates/`): `*.mustache` templates, `strings.yml`, and `assets/`.
public enum ThemeLoader {
    /// Reads the theme at `root`. Interface strings come from `strings/<language>.yml` (one file per
    /// language, named by its tag: `fr.yml`, `zh-Hans.yml`) and from an older `strings.yml` with a
    /// section per language; a file under `strings/` wins over a section for the same key.
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
                // The older one-file form: a section per language. Files under strings/ win.
                do {
                    let sections = try YAMLDecoder().decode(
                        [String: [String: String]].self, from: String(decoding: data, as: UTF8.self))
                    for (language, texts) in sections { strings[language, default: [:]].merge(texts) { old, _ in old } }
                } catch {
                    diagnostics.append(
                        invalidStrings(
                            "Templates/strings.yml", error, fix: "write it as 'fr:' then indented 'key: text' lines"))
                }
            } else if relative.hasPrefix("strings/"), relative.hasSuffix(".yml"), !relative.dropFirst(8).contains("/") {
                let language = String(relative.dropFirst("strings/".count).dropLast(".yml".count))
                do {
                    let texts = try YAMLDecoder().decode(
                        [String: String].self, from: String(decoding: data, as: UTF8.self))
                    strings[language, default: [:]].merge(texts) { _, new in new }
                } catch {
                    diagnostics.append(
                        invalidStrings("Templates/" + relative, error, fix: "write one 'key: text' line per string"))
                }
            }
        }
        return (Theme(templates: templates, strings: strings, assets: assets), diagnostics)
    }

    /// The interface strings of one language in the theme at `root` (English key by key where the
    /// language lacks one; empty when the theme cannot be read), for commands that render outside a site.
    public static func interfaceStrings(root: URL, for language: Language) -> [String: String] {
        guard let (theme, _) = try? load(root: root) else { return [:] }
        return theme.strings(for: language)
    }

    private static func invalidStrings(_ path: String, _ error: Error, fix: String) -> Diagnostic {
        .error(
            "docgen.template.invalid-strings", at: SourceLocation(path: path, line: 1),
            "\(path) is not a mapping of key → text: \(error)", fix: fix)
    }
}
