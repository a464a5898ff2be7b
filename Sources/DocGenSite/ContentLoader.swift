import DocGenCore
import Foundation

/// What the content folder holds, read into values: article texts and the paths of everything else.
public struct ContentSet: Sendable {
    /// Every Markdown article (`.md`, except `README.md`, `TOC.md` and `includes/` files), sorted by path.
    public var articles: [SourceFile]
    /// Every other file (images, YAML, JSON), by content-relative path, sorted.
    public var resources: [String]
    /// TOC files and YAML pages (`*.yml`, `TOC.md`), read as text, sorted by path.
    public var structureFiles: [SourceFile]
    /// Markdown files in `includes/` folders, which articles pull in with `[!INCLUDE]`.
    public var includeFiles: [SourceFile]
    /// `docfx.json` at the content root, if any.
    public var docfx: SourceFile?
    /// `docgen.yml` at the content root, if any.
    public var docgenConfig: SourceFile?
    /// `.openpublishing.redirection.json` from the content folder or its parent, if any (its
    /// path is given relative to the content folder, e.g. `../.openpublishing.redirection.json`).
    public var redirections: SourceFile?
}

/// Reads the content folder. The only place that lists and reads content files.
public enum ContentLoader {
    /// File names never treated as articles.
    static let nonArticles: Set<String> = ["readme.md", "toc.md"]

    /// Lists and reads `root`, skipping hidden entries and `excluding` (an absolute folder, such
    /// as the output folder when it sits inside the content folder).
    public static func load(root: URL, excluding: URL? = nil) throws -> (ContentSet, [Diagnostic]) {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw BuildFailure.contentMissing(root.path)
        }
        let rootPath = root.standardizedFileURL.resolvingSymlinksInPath().path
        let excludedPath = excluding?.standardizedFileURL.resolvingSymlinksInPath().path
        var articlePaths: [String] = []
        var resources: [String] = []
        var structurePaths: [String] = []
        var includePaths: [String] = []
        let enumerator = manager.enumerator(
            at: URL(fileURLWithPath: rootPath), includingPropertiesForKeys: [.isDirectoryKey, .isRegularFileKey],
            options: [.skipsHiddenFiles])
        while let url = enumerator?.nextObject() as? URL {
            let path = url.standardizedFileURL.resolvingSymlinksInPath().path
            if let excludedPath, path == excludedPath || path.hasPrefix(excludedPath + "/") {
                enumerator?.skipDescendants()
                continue
            }
            let values = try? url.resourceValues(forKeys: [.isRegularFileKey])
            guard values?.isRegularFile == true else { continue }
            let relative = String(path.dropFirst(rootPath.count + 1))
            let name = url.lastPathComponent.lowercased()
            let inIncludes = relative.split(separator: "/").dropLast().contains { $0.lowercased() == "includes" }
            if name.hasSuffix(".md"), inIncludes {
                includePaths.append(relative)
            } else if name.hasSuffix(".md"), !nonArticles.contains(name), !inIncludes {
                articlePaths.append(relative)
            } else {
                resources.append(relative)
                if (name.hasSuffix(".yml") || name.hasSuffix(".yaml") || name == "toc.md"), !inIncludes {
                    structurePaths.append(relative)
                }
            }
        }
        articlePaths.sort()
        resources.sort()
        var diagnostics: [Diagnostic] = []
        var articles: [SourceFile] = []
        articles.reserveCapacity(articlePaths.count)
        let base = URL(fileURLWithPath: rootPath)
        for relative in articlePaths {
            if let file = read(base, relative, &diagnostics) { articles.append(file) }
        }
        let structure = structurePaths.compactMap { read(base, $0, &diagnostics) }
        let includeFiles = includePaths.sorted().compactMap { read(base, $0, &diagnostics) }
        let docfx = resources.contains("docfx.json") ? read(base, "docfx.json", &diagnostics) : nil
        let docgen = resources.contains("docgen.yml") ? read(base, "docgen.yml", &diagnostics) : nil
        let redirectName = ".openpublishing.redirection.json"
        var redirections: SourceFile?
        for candidate in [redirectName, "../" + redirectName] where redirections == nil {
            if manager.fileExists(atPath: base.appendingPathComponent(candidate).path) {
                redirections = read(base, candidate, &diagnostics)
            }
        }
        return (
            ContentSet(
                articles: articles, resources: resources, structureFiles: structure, includeFiles: includeFiles,
                docfx: docfx, docgenConfig: docgen,
                redirections: redirections), diagnostics
        )
    }

    /// Reads one text file as UTF-8 with `\n` line ends and no byte-order mark.
    private static func read(_ base: URL, _ relative: String, _ diagnostics: inout [Diagnostic]) -> SourceFile? {
        guard let data = FileManager.default.contents(atPath: base.appendingPathComponent(relative).path) else {
            diagnostics.append(
                .error(
                    "docgen.content.unreadable", at: SourceLocation(path: relative, line: 1),
                    "the file could not be read"))
            return nil
        }
        var text = String(decoding: data, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if data.contains(UInt8(ascii: "\r")) { text = text.replacingOccurrences(of: "\r\n", with: "\n") }
        for position in invalidUTF8(data).prefix(10) {
            diagnostics.append(
                .warning(
                    "docgen.content.not-utf8",
                    at: SourceLocation(path: relative, line: position.line, column: position.column),
                    "the file is not valid UTF-8 here; the invalid bytes were replaced with U+FFFD",
                    fix: "save the file as UTF-8"))
        }
        return SourceFile(path: relative, text: text)
    }

    /// Where each invalid UTF-8 sequence starts: file line and byte column (1-based, counted in
    /// the bytes as they are on disk, byte-order mark included).
    static func invalidUTF8(_ data: Data) -> [TextPosition] {
        var positions: [TextPosition] = []
        var parser = Unicode.UTF8.ForwardParser()
        var bytes = data.makeIterator()
        var line = 1
        var lineStart = 0
        var offset = 0
        while true {
            switch parser.parseScalar(from: &bytes) {
            case .valid(let encoded):
                if encoded.count == 1, encoded.first == UInt8(ascii: "\n") {
                    line += 1
                    lineStart = offset + 1
                }
                offset += encoded.count
            case .error(let length):
                positions.append(TextPosition(line: line, column: offset - lineStart + 1))
                offset += length
            case .emptyInput:
                return positions
            }
        }
    }
}
