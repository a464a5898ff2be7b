import DocGenCore

/// Where a page's content comes from.
public enum PageKind: String, Sendable, Hashable {
    /// A Markdown article.
    case markdown
    /// A `### YamlMime:Landing` page (link lists).
    case landing
    /// A `### YamlMime:FAQ` page (questions and answers).
    case faq
}

/// One bilingual Markdown article: its metadata and its body split into segments.
public struct Article: Sendable {
    /// The path of the `.md` file relative to the content folder (`billing/invoice.md`).
    public var path: String
    /// The typed YAML metadata.
    public var frontMatter: FrontMatter
    /// The body, as plain Markdown and segments (offsets are in the whole file).
    public var body: BilingualText
    /// Line starts of the whole file, to turn byte offsets into `line:column`.
    public var lines: LineTable
    /// The title in the target language: the first `#` heading, else the front-matter title.
    public var targetTitle: String
    /// The English title, from the first heading's source text; `nil` for a target-only article.
    public var sourceTitle: String?
    /// What kind of source the page came from (a Markdown article or a DocFX YAML page).
    public var kind: PageKind = .markdown
    /// The questions and Markdown answers of a FAQ page, for structured data.
    public var faq: [(question: String, answer: String)] = []

    /// Creates an article value.
    public init(
        path: String, frontMatter: FrontMatter, body: BilingualText, lines: LineTable, targetTitle: String,
        sourceTitle: String?
    ) {
        self.path = path
        self.frontMatter = frontMatter
        self.body = body
        self.lines = lines
        self.targetTitle = targetTitle
        self.sourceTitle = sourceTitle
    }

    /// Whether the article has no English text at all (plain translated Markdown without pairs).
    public var isTargetOnly: Bool { body.isTargetOnly }

    /// Every segment of the article, in order.
    public var segments: [Segment] { body.segments }

    /// The title for one side; the English side falls back to `nil` when there is no English.
    public func title(_ side: TextSide) -> String? { side == .target ? targetTitle : sourceTitle }

    /// The file location of a byte offset in the file.
    public func location(ofOffset offset: Int) -> SourceLocation {
        let position = lines.position(ofOffset: offset)
        return SourceLocation(path: path, line: position.line, column: position.column)
    }
}
