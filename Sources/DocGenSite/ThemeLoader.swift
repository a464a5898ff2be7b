import DocGenCore
import DocGenRender
import Foundation
import Yams

/// Reads the theme: the default one built into docgen (`EmbeddedTheme`, generated from
/// `Templates/`), with the files of an override folder in place of its own, file by file:
/// `*.mustache` templates, `strings.yml` and `assets/`.
public enum ThemeLoader {
    /// Reads the default theme with the files of `root` over it (`nil`: the default theme alone).
    /// Interface strings come from `strings/<language>.yml` (one file per language, named by its
    /// tag: `fr.yml`, `zh-Hans.yml`) and from an older `strings.yml` with a section per language;
    /// a file under `strings/` wins over a section for the same key.
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

    /// `strings/<language>.yml`: one language's interface strings.
    private static func isLanguageStrings(_ relative: String) -> Bool {
        relative.hasPrefix("strings/") && relative.hasSuffix(".yml") && !relative.dropFirst(8).contains("/")
    }

    /// Turns a theme's files into a `Theme`; a malformed `strings.yml` is a diagnostic.
    public static func load(files: [String: [UInt8]], workers: Int? = 1) -> (Theme, [Diagnostic]) {
        var templates: [String: String] = [:]
        var assets: [OutputFile] = []
        var diagnostics: [Diagnostic] = []
        var strings: [String: [String: String]] = [:]
        // The per-language strings files are decoded first, on the workers (a dozen YAML files
        // were a serial step of every build); they are merged below in the same order as before.
        let stringsFiles = files.keys.sorted().filter(isLanguageStrings)
        let decodedStrings = Dictionary(
            uniqueKeysWithValues: zip(
                stringsFiles,
                Parallel.map(stringsFiles, workers: workers) { relative -> Result<[String: String], Error> in
                    Result { try ThemeStrings.decode(String(decoding: files[relative] ?? [], as: UTF8.self)) }
                }))
        for relative in files.keys.sorted() {
            let data = files[relative] ?? []
            if relative.hasSuffix(".mustache") {
                templates[String(relative.dropLast(".mustache".count))] = String(decoding: data, as: UTF8.self)
            } else if relative.hasPrefix("assets/") {
                assets.append(OutputFile(path: relative, contents: data))
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
            } else if isLanguageStrings(relative) {
                let language = String(relative.dropFirst("strings/".count).dropLast(".yml".count))
                do {
                    let texts = try decodedStrings[relative]!.get()
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
    public static func interfaceStrings(root: URL?, for language: Language) -> [String: String] {
        guard let (theme, _) = try? load(root: root) else { return [:] }
        return theme.strings(for: language)
    }

    private static func invalidStrings(_ path: String, _ error: Error, fix: String) -> Diagnostic {
        .error(
            "docgen.template.invalid-strings", at: SourceLocation(path: path, line: 1),
            "\(path) is not a mapping of key → text: \(error)", fix: fix)
    }
}
