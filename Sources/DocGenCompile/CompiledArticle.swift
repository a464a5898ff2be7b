import DocGenContent
import DocGenCore
import DocGenMarkdown

/// One heading of a compiled body: the id both languages share, its level and its text.
public struct CompiledHeading: Sendable, Hashable {
    /// The fragment id (`#id`), the same on the target and the source page.
    public var id: String
    /// 1 to 6.
    public var level: Int
    /// The heading's plain text in this language.
    public var text: String

    /// Creates a heading.
    public init(id: String, level: Int, text: String) {
        self.id = id
        self.level = level
        self.text = text
    }
}

/// A link to another page's `#fragment`, checked once every page's anchors are known.
public struct FragmentLink: Sendable, Hashable, Codable {
    /// The content path of the linked page.
    public var page: String
    /// The fragment, without `#`.
    public var fragment: String
    /// Where the link is written.
    public var location: SourceLocation

    /// Creates a fragment link.
    public init(page: String, fragment: String, location: SourceLocation) {
        self.page = page
        self.fragment = fragment
        self.location = location
    }
}

/// An article's body in one language, parsed once: the block tree with segments as
/// `.segment` nodes, links and images already resolved to output URLs, flow pictures as
/// `.embed` nodes, and what pages, checks and indexes read from it.
public struct CompiledBody: Sendable {
    /// Which side of the bilingual text this is.
    public var side: TextSide
    /// The block tree. Link destinations and image sources are the URLs to write.
    public var root: MarkdownNode
    /// The headings in order, with their shared ids.
    public var headings: [CompiledHeading]
    /// Every id a link may target on this page: heading ids and raw `<a name>`/`id` anchors.
    public var anchors: Set<String>
    /// The text a reader sees, blocks separated by newlines (for search and summaries).
    /// Computed when asked: no stage of a build reads it yet.
    public var plainText: String { PlainText.of(root) }
    /// Words in `plainText` (runs of letters or digits).
    public var wordCount: Int { PlainText.wordCount(plainText) }
}

/// The one value the later stages read for an article: both languages' compiled bodies, the
/// problems found while compiling them (each reported once), links to other pages' fragments
/// and the flows the article shows. Pages, the site-wide anchor check, coverage and translator
/// views consume it; nothing after this stage parses the article's Markdown again.
public struct CompiledArticle: Sendable {
    /// The article as loaded (front matter, segments, titles).
    public var article: Article
    /// The target-language body.
    public var target: CompiledBody
    /// The source-language (English) body; `nil` for a target-only article.
    public var source: CompiledBody?
    /// Problems in the body: directives, includes, links, images, flows (once, not per language).
    public var diagnostics: [Diagnostic]
    /// Links from this article to fragments of other pages, for the site-wide check.
    public var fragmentLinks: [FragmentLink]
    /// Names of the decision flows the article shows, in order of first appearance.
    public var referencedFlows: [String]

    /// The body of one side, if the article has it.
    public func body(_ side: TextSide) -> CompiledBody? { side == .target ? target : source }

    /// The content path of the article.
    public var path: String { article.path }
}
