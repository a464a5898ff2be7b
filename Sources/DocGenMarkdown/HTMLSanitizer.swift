import DocGenCore

/// Makes an author's raw HTML safe to publish, tag by tag.
///
/// Always (trusted docsets included): every URL attribute goes through `URLPolicy`, event
/// handlers (`on…`) are removed, and `<base>` and `<meta>` are removed, since they re-home
/// every relative URL of the page (the theme's scripts included) or navigate away. With
/// `allowList` (docgen.yml `safeHTML: true`, `--safe-html`), only the tags and attributes of a
/// documentation page stay: segment spans, anchors, tables, `kbd`, `sup`, `img` with safe
/// attributes and the like. Every removal is reported with its offset in the HTML.
public enum HTMLSanitizer {
    /// What was removed, and where (a UTF-8 offset in the sanitized text).
    public struct Removal: Hashable, Sendable {
        /// `docgen.link.unsafe-scheme`, `docgen.html.unsafe` or `docgen.html.disallowed`.
        public var identifier: String
        /// What was removed and why, for the diagnostic.
        public var summary: String
        /// The UTF-8 offset of the tag in the text given to `sanitize`.
        public var offset: Int
    }

    /// Attributes whose value is a URL a browser loads or navigates to (SVG animation values
    /// included: `<set to="javascript:…">` can set an `href`).
    public static let urlAttributes: Set<String> = [
        "href", "src", "action", "formaction", "xlink:href", "poster", "background", "data", "codebase",
        "cite", "lowsrc", "dynsrc", "manifest", "icon", "ping", "longdesc", "usemap", "to", "from", "values", "by",
    ]

    /// Tags of a documentation page that the allow-list keeps.
    static let allowedTags: Set<String> = [
        "a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "caption", "center", "cite", "code", "col", "colgroup",
        "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5",
        "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "nobr", "ol", "p", "pre", "q", "rp", "rt", "ruby", "s",
        "samp", "small", "span", "strike", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th",
        "thead", "tr", "tt", "u", "ul", "var", "wbr", "iframe",
    ]

    /// Attributes the allow-list keeps on any allowed tag.
    static let allowedAttributes: Set<String> = [
        "id", "name", "class", "title", "lang", "dir", "align", "valign", "width", "height", "colspan", "rowspan",
        "scope", "headers", "abbr", "alt", "src", "href", "start", "reversed", "type", "open", "datetime",
        "data-ttu-id", "data-stu-id", "loading", "allowfullscreen", "frameborder",
    ]

    /// Hosts whose players an `<iframe>` may embed under the allow-list.
    static let videoHosts: [String] = [
        "www.youtube.com", "www.youtube-nocookie.com", "youtube.com", "player.vimeo.com", "channel9.msdn.com",
        "www.microsoft.com", "learn.microsoft.com", "docs.microsoft.com", "medius.studios.ms",
    ]

    /// The sanitized HTML and what was removed. Text, comments and unchanged tags stay byte for
    /// byte as written, so a trusted docset's pages do not change.
    public static func sanitize(_ html: String, allowList: Bool) -> (html: String, removals: [Removal]) {
        guard html.containsByte(UInt8(ascii: "<")) else { return (html, []) }
        var output = ""
        var removals: [Removal] = []
        for token in HTMLTagScanner.tokens(html) {
            switch token {
            case .text(let text): output += text
            case .markup(let text, let offset):
                if allowList {
                    removals.append(
                        Removal(
                            identifier: "docgen.html.disallowed",
                            summary: "an HTML comment or declaration was removed (safeHTML)", offset: offset))
                } else {
                    output += text
                }
            case .tag(let name, let attributes, let isEnd, let selfClosing, let offset, let raw):
                if name == "base" || name == "meta" {
                    if !isEnd {
                        removals.append(
                            Removal(
                                identifier: "docgen.html.unsafe",
                                summary: "the <\(name)> tag was removed: it would re-home or redirect the whole page",
                                offset: offset))
                    }
                    continue
                }
                if allowList, !allowedTags.contains(name) {
                    if !isEnd {
                        removals.append(
                            Removal(
                                identifier: "docgen.html.disallowed",
                                summary: "the <\(name)> tag is not allowed in safe HTML and was removed", offset: offset
                            ))
                    }
                    continue
                }
                if isEnd {
                    output += raw
                    continue
                }
                var kept: [HTMLTagScanner.Attribute] = []
                for attribute in attributes {
                    if let problem = problem(attribute, tag: name, allowList: allowList) {
                        removals.append(Removal(identifier: problem.0, summary: problem.1, offset: offset))
                    } else {
                        kept.append(attribute)
                    }
                }
                if allowList, name == "iframe", !isVideo(kept) {
                    removals.append(
                        Removal(
                            identifier: "docgen.html.disallowed",
                            summary: "an <iframe> may only embed a video host's player in safe HTML; it was removed",
                            offset: offset))
                    continue
                }
                output += kept.count == attributes.count ? raw : HTMLTagScanner.write(name: name, kept, selfClosing)
            }
        }
        return (output, removals)
    }

    /// A tree held to the same rules without reports, for a second rendering of text whose
    /// problems the compile stage has already reported (the FAQ's structured data): raw HTML
    /// sanitized, links and images whose URL the policy refuses kept as their text.
    public static func sanitize(tree node: inout MarkdownNode, allowList: Bool) {
        switch node.kind {
        case .htmlInline(let html): node.kind = .htmlInline(sanitize(html, allowList: allowList).html)
        case .htmlBlock(let html): node.kind = .htmlBlock(sanitize(html, allowList: allowList).html)
        case .link(let url, _), .image(let url, _):
            if !URLPolicy.allows(url) { node.kind = .other("docgen-dropped-link") }
        default: break
        }
        for index in node.children.indices { sanitize(tree: &node.children[index], allowList: allowList) }
    }

    /// Why an attribute must go (identifier and summary), or `nil` when it may stay.
    private static func problem(_ attribute: HTMLTagScanner.Attribute, tag: String, allowList: Bool) -> (
        String, String
    )? {
        let name = attribute.name
        if name.hasPrefix("on") || name == "srcdoc" {
            return (
                "docgen.html.unsafe",
                "the event handler '\(name)' of <\(tag)> was removed: it runs script or loads a page"
            )
        }
        if urlAttributes.contains(name) || name.hasSuffix(":href"), let value = attribute.value,
            !URLPolicy.allows(value)
        {
            let scheme = URLPolicy.scheme(of: value) ?? ""
            return (
                "docgen.link.unsafe-scheme",
                "the '\(name)' of <\(tag)> uses the scheme '\(scheme):', which can run script; it was removed"
            )
        }
        if allowList, !allowedAttributes.contains(name) {
            return (
                "docgen.html.disallowed",
                "the attribute '\(name)' of <\(tag)> is not allowed in safe HTML and was removed"
            )
        }
        return nil
    }

    private static func isVideo(_ attributes: [HTMLTagScanner.Attribute]) -> Bool {
        guard let source = attributes.first(where: { $0.name == "src" })?.value else { return false }
        return isVideoPlayer(source)
    }

    /// Whether `url` is an `https:` page of a known video host, which the allow-list lets a page embed.
    public static func isVideoPlayer(_ url: String) -> Bool {
        let decoded = URLPolicy.decodingCharacterReferences(url).drop { $0 == " " }.lowercased()
        return videoHosts.contains { decoded.hasPrefix("https://\($0)/") || decoded.hasPrefix("//\($0)/") }
    }
}
