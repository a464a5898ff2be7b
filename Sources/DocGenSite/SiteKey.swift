import DocGenContent
import DocGenCore
import Foundation

/// The digests the build cache is keyed by (see `BuildCache`): what every page depends on, and
/// what other pages see of each article.
enum SiteKey {
    /// docgen's version, and the stamp of the running executable, so that a rebuilt docgen
    /// never reuses pages an older one rendered.
    static let docgen: String = {
        let version = "docgen 0.10 cache \(BuildCache.format)"
        guard let stamp = ContentListing.stamp("/proc/self/exe") ?? ContentListing.stamp(CommandLine.arguments[0])
        else { return version }
        return version + " \(stamp.size) \(stamp.modified) \(stamp.inode)"
    }()

    /// Everything all pages depend on except the articles: docgen, the theme, the build options
    /// (the content folder's absolute path among them: a moved folder is built and checked anew),
    /// every file's path and kind, and the bytes of every file that is not an article or an
    /// image (configuration, TOCs, YAML pages, flows, includes, the redirection file).
    static func global(
        options: BuildOptions, listing: [ListedFile], themeFiles: [String: [UInt8]]
    ) -> ContentDigest {
        var hasher = DigestHasher()
        hasher.add(docgen)
        hasher.add(options.content.standardizedFileURL.resolvingSymlinksInPath().path)
        hasher.add(options.since ?? "")
        hasher.add(options.safeHTML ? "safe-html" : "")
        // Search on or off, and where Pagefind is: pages carry the search box only with an index.
        hasher.add(options.search ? (SearchIndexer.locate(explicit: options.pagefind)?.path ?? "-") : "")
        for path in themeFiles.keys.sorted() {
            hasher.add(path)
            hasher.add(themeFiles[path] ?? [])
        }
        let root = options.content.standardizedFileURL.resolvingSymlinksInPath()
        for file in listing {
            hasher.add(file.path)
            let kind = ContentLoader.kind(of: file.path)
            hasher.add("\(kind)")
            if kind != .article, isText(file.path) {
                hasher.add(bytes(root.appendingPathComponent(file.path)))
            }
        }
        hasher.add(bytes(root.appendingPathComponent("../.openpublishing.redirection.json")))
        return hasher.finish()
    }

    /// What other pages see of an article: its front matter (as written), titles, kind and
    /// whether it has English. When only the rest of the body changes, only its pages change.
    static func facts(_ article: Article, text: String) -> ContentDigest {
        var hasher = DigestHasher()
        hasher.add(frontMatterBlock(text))
        hasher.add(article.targetTitle)
        hasher.add(article.sourceTitle ?? "\u{0}")
        hasher.add(article.kind.rawValue)
        hasher.add(article.isTargetOnly ? 1 : 0)
        return hasher.finish()
    }

    /// The site key: the global digest and each article's path and facts, in path order.
    static func site(global: ContentDigest, facts: [String: ContentDigest]) -> ContentDigest {
        var hasher = DigestHasher()
        hasher.add(global)
        for path in facts.keys.sorted() {
            hasher.add(path)
            hasher.add(facts[path] ?? ContentDigest(high: 0, low: 0))
        }
        return hasher.finish()
    }

    /// The front matter of a file as written (from the opening `---` to the closing one).
    /// Searched in the UTF-8 bytes: Foundation's `range(of:)` indexed the whole text in UTF-16.
    static func frontMatterBlock(_ text: String) -> Substring {
        guard text.hasPrefix("---") else { return "" }
        var text = text
        let fence: StaticString = "\n---"
        let end = text.withUTF8 { bytes -> Int? in
            guard bytes.count > 3 else { return nil }
            let pattern = UnsafeBufferPointer(start: fence.utf8Start, count: fence.utf8CodeUnitCount)
            return ByteSearch.firstIndex(of: pattern, in: UnsafeBufferPointer(rebasing: bytes[3...]))
                .map { 3 + $0 + pattern.count }
        }
        guard let end else { return text[...] }
        return text[..<text.utf8.index(text.utf8.startIndex, offsetBy: end)]
    }

    /// Whether the file's bytes are in the site key (configuration, TOCs, YAML pages, flows,
    /// includes, JSON); an image's are not (it is copied when its stamp changes).
    static func isText(_ path: String) -> Bool {
        ["md", "yml", "yaml", "json"].contains(SitePath.pathExtension(path))
    }

    private static func bytes(_ url: URL) -> [UInt8] {
        FileManager.default.contents(atPath: url.path).map { Array($0) } ?? []
    }
}

extension DigestHasher {
    /// Adds a substring's UTF-8 bytes.
    mutating func add(_ text: Substring) { add(String(text)) }
}
