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
    /// The articles listed but not read (`ContentLoader.load(..., readingArticles: false)`), sorted:
    /// `ContentLoader.readArticles` reads them.
    public var unreadArticles: [String] = []
    /// The content folder the paths are relative to (symbolic links resolved).
    public var base: URL
}

/// Reads the content folder. The only place that lists and reads content files.
public enum ContentLoader {
    /// What a file of the content folder is to a build.
    public enum FileKind: Sendable {
        /// A Markdown article (a page).
        case article
        /// A Markdown file in an `includes/` folder.
        case include
        /// A TOC file or YAML page (`*.yml`, `*.yaml`, `TOC.md`), also a resource.
        case structure
        /// Anything else: images, downloads, `docfx.json`, `README.md`.
        case resource
    }

    /// How a content-relative path is classified. Called for every file of every build, so it
    /// compares ASCII bytes without lowercasing or splitting the path.
    public static func kind(of relative: String) -> FileKind {
        var path = relative
        return path.withUTF8 { bytes -> FileKind in
            var nameStart = bytes.count
            while nameStart > 0, bytes[nameStart - 1] != UInt8(ascii: "/") { nameStart -= 1 }
            let name = UnsafeBufferPointer(rebasing: bytes[nameStart...])
            let inIncludes = nameStart > 0 && containsIncludesFolder(UnsafeBufferPointer(rebasing: bytes[..<nameStart]))
            if endsWith(name, ".md") {
                if inIncludes { return .include }
                if equals(name, "toc.md") { return .structure }
                return equals(name, "readme.md") ? .resource : .article
            }
            if (endsWith(name, ".yml") || endsWith(name, ".yaml")) && !inIncludes { return .structure }
            return .resource
        }
    }

    /// Whether `folders` (ending with `/`) has a folder named `includes`, in any case.
    private static func containsIncludesFolder(_ folders: UnsafeBufferPointer<UInt8>) -> Bool {
        let word = Array("includes/".utf8)
        var start = 0
        while start + word.count <= folders.count {
            if start == 0 || folders[start - 1] == UInt8(ascii: "/") {
                var index = 0
                while index < word.count, folders[start + index] | 0x20 == word[index] | 0x20 { index += 1 }
                if index == word.count { return true }
            }
            start += 1
        }
        return false
    }

    private static func endsWith(_ name: UnsafeBufferPointer<UInt8>, _ suffix: StaticString) -> Bool {
        let count = suffix.utf8CodeUnitCount
        guard name.count >= count else { return false }
        let tail = suffix.utf8Start
        for index in 0..<count where name[name.count - count + index] | 0x20 != tail[index] | 0x20 { return false }
        return true
    }

    private static func equals(_ name: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        name.count == word.utf8CodeUnitCount && endsWith(name, word)
    }

    /// File names never treated as articles.
    static let nonArticles: Set<String> = ["readme.md", "toc.md"]

    /// Lists and reads `root`, skipping hidden entries and `excluding` (an absolute folder, such
    /// as the output folder when it sits inside the content folder).
    public static func load(root: URL, excluding: URL? = nil) throws -> (ContentSet, [Diagnostic]) {
        try load(root: root, listing: nil, excluding: excluding)
    }

    /// Reads the files of `listing` (`ContentListing.walk` of `root`; listed here when `nil`).
    /// With `readingArticles: false` the articles are listed in `unreadArticles` and not read:
    /// `readArticles` then reads and uses each one in turn, so that a build need not hold every
    /// article's text at once.
    public static func load(
        root: URL, listing: [ListedFile]?, excluding: URL? = nil, workers: Int? = 1, readingArticles: Bool = true
    ) throws -> (ContentSet, [Diagnostic]) {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw BuildFailure.contentMissing(root.path)
        }
        let rootPath = root.standardizedFileURL.resolvingSymlinksInPath().path
        var articlePaths: [String] = []
        var resources: [String] = []
        var structurePaths: [String] = []
        var includePaths: [String] = []
        for file in listing ?? ContentListing.walk(root, excluding: excluding) {
            let relative = file.path
            switch kind(of: relative) {
            case .include: includePaths.append(relative)
            case .article: articlePaths.append(relative)
            case .structure:
                resources.append(relative)
                structurePaths.append(relative)
            case .resource: resources.append(relative)
            }
        }
        articlePaths.sort()
        resources.sort()
        var diagnostics: [Diagnostic] = []
        let base = URL(fileURLWithPath: rootPath)
        var articles: [SourceFile] = []
        if readingArticles {
            for (file, problems) in readArticles(articlePaths, base: base, workers: workers, { $0 }) {
                diagnostics += problems
                if let file { articles.append(file) }
            }
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
                redirections: redirections, unreadArticles: readingArticles ? [] : articlePaths, base: base),
            diagnostics
        )
    }

    /// Reads the articles of `content.unreadArticles` on `workers` threads and hands each text to
    /// `use` as soon as it is read; the text is let go once `use` returns. The results come in
    /// path order, each with the problems of reading its file (`nil`: it could not be read).
    public static func readArticles<Result>(
        _ content: ContentSet, workers: Int?, _ use: (SourceFile) -> Result
    ) -> [(Result?, [Diagnostic])] {
        readArticles(content.unreadArticles, base: content.base, workers: workers, use)
    }

    /// Read on the build's workers: decoding and checking the bytes is most of the cost.
    private static func readArticles<Result>(
        _ paths: [String], base: URL, workers: Int?, _ use: (SourceFile) -> Result
    ) -> [(Result?, [Diagnostic])] {
        Parallel.map(paths, workers: workers) { relative in
            var problems: [Diagnostic] = []
            return (read(base, relative, &problems).map(use), problems)
        }
    }

    /// Reads one text file as UTF-8 with `\n` line ends and no byte-order mark.
    static func read(_ base: URL, _ relative: String, _ diagnostics: inout [Diagnostic]) -> SourceFile? {
        guard let data = FileManager.default.contents(atPath: base.appendingPathComponent(relative).path) else {
            diagnostics.append(
                .error(
                    "docgen.content.unreadable", at: SourceLocation(path: relative, line: 1),
                    "the file could not be read"))
            return nil
        }
        // Valid UTF-8 (nearly every file) is checked and decoded in one pass over the bytes.
        let (decoded, valid, hasReturn) = data.withUnsafeBytes { raw -> (String, Bool, Bool) in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard ByteSearch.firstIndex(of: UInt8(ascii: "\r"), in: bytes) != nil else {
                return decode(bytes, hasReturn: false)
            }
            // `\r\n` is dropped to `\n` on the bytes, without Foundation's search, when that is
            // what replacing it in the decoded text gives (see `withoutCarriageReturns`).
            guard let dropped = withoutCarriageReturns(bytes) else { return decode(bytes, hasReturn: true) }
            return dropped.withUnsafeBufferPointer { decode($0, hasReturn: false) }
        }
        var text = decoded
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if hasReturn { text = text.replacingOccurrences(of: "\r\n", with: "\n") }
        for position in (valid ? [] : invalidUTF8(data)).prefix(10) {
            diagnostics.append(
                .warning(
                    "docgen.content.not-utf8",
                    at: SourceLocation(path: relative, line: position.line, column: position.column),
                    "the file is not valid UTF-8 here; the invalid bytes were replaced with U+FFFD",
                    fix: "save the file as UTF-8"))
        }
        return SourceFile(path: relative, text: text)
    }

    /// The text of `bytes` and whether they were valid UTF-8, checked and decoded in one pass.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, hasReturn: Bool) -> (String, Bool, Bool) {
        if let text = String(validating: bytes, as: UTF8.self) { return (text, true, hasReturn) }
        return (String(decoding: bytes, as: UTF8.self), false, hasReturn)
    }

    /// `bytes` with each `\r` that comes before a `\n` left out; `nil` when a `\r\n` is followed
    /// by a byte beyond ASCII: Foundation then leaves a `\r\n` whose `\n` takes a combining mark,
    /// and the text is left to it. (An invalid sequence never takes an ASCII byte.)
    static func withoutCarriageReturns(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var start = 0
        while let found = ByteSearch.firstIndex(
            of: UInt8(ascii: "\r"), in: UnsafeBufferPointer(rebasing: bytes[start...]))
        {
            let index = start + found
            result.append(contentsOf: bytes[start..<index])
            start = index + 1
            // A lone `\r` stays.
            if start == bytes.count || bytes[start] != UInt8(ascii: "\n") {
                result.append(UInt8(ascii: "\r"))
            } else if start + 1 < bytes.count, bytes[start + 1] >= 0x80 {
                return nil
            }
        }
        result.append(contentsOf: bytes[start...])
        return result
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
