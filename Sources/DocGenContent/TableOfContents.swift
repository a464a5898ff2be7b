import DocGenCore

/// One entry of a DocFX table of contents (`TOC.yml` / `TOC.md`), as written.
public struct TOCEntry: Hashable, Sendable {
    /// The label (in the target language: TOC files are translated).
    public var name: String
    /// Where the entry leads: an article (`a.md`), a YAML page, a nested TOC (`sub/TOC.yml`), a
    /// folder (`sub/`), or an external URL.
    public var href: String?
    /// The page a section heading opens, when `href` is a nested TOC.
    public var topicHref: String?
    /// A cross-reference id, kept for tools that resolve them.
    public var uid: String?
    /// Hidden search keywords (`displayName`), never shown as a label.
    public var keywords: String?
    /// Child entries.
    public var items: [TOCEntry]
    /// Where the entry is written.
    public var location: SourceLocation

    /// Creates an entry.
    public init(
        name: String, href: String? = nil, topicHref: String? = nil, uid: String? = nil, keywords: String? = nil,
        items: [TOCEntry] = [], location: SourceLocation
    ) {
        self.name = name
        self.href = href
        self.topicHref = topicHref
        self.uid = uid
        self.keywords = keywords
        self.items = items
        self.location = location
    }
}

/// A parsed TOC file: its path and top-level entries.
public struct TableOfContents: Hashable, Sendable {
    /// The TOC file's path in the content folder.
    public var path: String
    /// The top-level entries.
    public var entries: [TOCEntry]

    /// Creates a table of contents.
    public init(path: String, entries: [TOCEntry]) {
        self.path = path
        self.entries = entries
    }

    /// Whether a file name is a TOC file docgen reads (`TOC.yml`, `toc.yml`, `TOC.md`, `toc.md`).
    public static func isTOCFile(_ path: String) -> Bool {
        let name = (path.split(separator: "/").last.map(String.init) ?? path).lowercased()
        return name == "toc.yml" || name == "toc.md" || name == "toc.yaml"
    }
}
