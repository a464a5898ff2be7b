import DocGenContent
import DocGenCore
import DocGenMarkdown

/// One walk over a parsed body that resolves every link and image to the URL the page writes,
/// turns pictures of decision flows into `.embed` nodes, and records what the site-wide checks
/// need. A destination is resolved once per article: the other language reuses the result, and
/// its problems are reported once.
struct LinkPass {
    let links: LinkResolver
    let articlePath: String
    /// Names of the site's decision flows.
    let flowNames: Set<String>
    /// Maps a position in the parsed text to the author's file.
    var location: (TextPosition) -> SourceLocation

    /// Moves a node's position onto the bytes it points at (see `ArticleCompiler.ParsedSide.snap`).
    var snap: (TextPosition, [UInt8]) -> TextPosition = { position, _ in position }

    /// Resolutions so far, by destination, shared by both languages of the article.
    var resolvedLinks: [String: Resolved] = [:]
    var resolvedImages: [String: Resolved] = [:]
    /// Destinations the first language has reported.
    var reportedLinks: Set<String> = []
    var reportedImages: Set<String> = []
    /// `HTMLSanitizer`'s answers so far, by raw HTML text (a pure function of it and `safeHTML`).
    var sanitizedHTML: [String: (html: String, removals: [HTMLSanitizer.Removal])] = [:]
    var diagnostics: [Diagnostic] = []
    var fragmentLinks: [FragmentLink] = []
    var referencedFlows: [String] = []
    /// Ids of this side's headings and anchors, for `#fragment` links within the article.
    var anchors: Set<String> = []
    /// Whether raw HTML is held to the allow-list (docgen.yml `safeHTML`), not only to the rules
    /// that always hold (URL policy, no event handlers, no `<base>` or `<meta>`).
    var safeHTML = false { didSet { sanitizedHTML = [:] } }
    /// Whether the node being visited is the first block of a quote whose marker takes effect.
    var leadingMarkerTakesEffect = false
    /// Whether to record fragment links (the first side compiled does; both link the same pages).
    var recordsFragments = true

    /// Resolves every link and image of the tree in place.
    mutating func apply(to root: inout MarkdownNode) {
        visit(&root)
    }

    private mutating func visit(_ node: inout MarkdownNode) {
        switch node.kind {
        case .link(let destination, _):
            let autolink = node.children.count == 1 && node.children[0].kind == .text(destination)
            node.start = snap(node.start, autolink ? [UInt8(ascii: "<")] : [UInt8(ascii: "[")])
        case .image: node.start = snap(node.start, [UInt8(ascii: "!")])
        default: break
        }
        switch node.kind {
        case .link(let destination, let title):
            guard URLPolicy.allows(destination) else {
                report(URLPolicy.unsafeDiagnostic(destination, what: "link", at: location(node.start)))
                node.kind = .other(Self.droppedLink)  // its text stays, without the link
                break
            }
            node.kind = .link(destination: link(destination, at: node.start), title: title)
        case .image(let source, let title):
            // A `:::flow:::` directive's picture (`docgen-flow:<name>`) is docgen's own: it becomes
            // the flow's embed and no URL of it reaches the page.
            if source.hasPrefix("docgen-flow:"), let embed = flowEmbed(source: source, at: node.start) {
                node.kind = embed
                return
            }
            guard URLPolicy.allows(source) else {
                report(URLPolicy.unsafeDiagnostic(source, what: "image", at: location(node.start)))
                node.kind = .other(Self.droppedLink)  // its alt text stays, as text
                break
            }
            if let embed = flowEmbed(source: source, at: node.start) {
                node.kind = embed  // the children (alt text) stay, for the fallback image
                return
            }
            node.kind = .image(source: image(source, at: node.start), title: title)
        case .text(let text):
            // The bytes are tested first: Foundation's search is only asked when it can find something.
            if text.containsByte(UInt8(ascii: "]")), text.containsBytes("] (") || text.containsBytes("]("),
                let range = text.range(of: "] (") ?? text.range(of: "](")
            {
                report(
                    .warning(
                        "docgen.link.malformed", at: location(snap(node.start, Array(text[range].utf8))),
                        "'\(text[range])' looks like a broken link: Markdown links allow no space between ']' and '(', nor spaces in the URL",
                        fix: "write [text](url) with no space after ']' and %20 for spaces in the URL"))
            }
        case .htmlInline(let html):
            node.kind = .htmlInline(sanitized(html, at: node.start))
        case .htmlBlock(let html):
            node.kind = .htmlBlock(sanitized(html, at: node.start))
        case .blockQuote:
            if let url = DocFXAlert.videoURL(in: node) {
                if !URLPolicy.allows(url) {
                    report(URLPolicy.unsafeDiagnostic(url, what: "video", at: location(node.start)))
                    DocFXAlert.removeVideoMarker(from: &node)  // no player; the quote's other content stays
                } else if safeHTML, !HTMLSanitizer.isVideoPlayer(url) {
                    report(
                        .warning(
                            "docgen.html.disallowed", at: location(node.start),
                            "the video '\(url.prefix(60))' is not on a known video host, which safe HTML requires; no player is shown",
                            fix: "embed the video from YouTube, Vimeo or Microsoft's video hosts"))
                    DocFXAlert.removeVideoMarker(from: &node)
                }
            }
        case .tooDeep:
            report(
                .error(
                    "docgen.markdown.too-deep", at: location(node.start),
                    "content nested more than \(CMark.maximumDepth) levels deep (lists, quotes or emphasis) is shown as plain text",
                    fix: "flatten the nesting: no reader follows more than a few levels"))
            return
        default: break
        }
        checkMarkup(in: node)
        var markedQuote = false
        if case .blockQuote = node.kind { markedQuote = DocFXAlert.opensWithMarker(node) }
        for index in node.children.indices {
            leadingMarkerTakesEffect = markedQuote && index == 0
            visit(&node.children[index])
        }
    }

    mutating func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    /// Raw HTML through `HTMLSanitizer` (the allow-list when `safeHTML`), each removal reported
    /// at the line and column of its tag.
    private mutating func sanitized(_ html: String, at start: TextPosition) -> String {
        // The same tags recur (`</span>`, `<br>`): each distinct text is sanitized once per article.
        let (clean, removals): (String, [HTMLSanitizer.Removal])
        if let known = sanitizedHTML[html] {
            (clean, removals) = known
        } else {
            (clean, removals) = HTMLSanitizer.sanitize(html, allowList: safeHTML)
            sanitizedHTML[html] = (clean, removals)
        }
        guard !removals.isEmpty else { return clean }  // end tags of removed elements go silently
        let bytes = Array(html.utf8)
        for removal in removals {
            let before = bytes[..<min(removal.offset, bytes.count)]
            let newlines = before.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
            let position = TextPosition(
                line: start.line + newlines,
                column: newlines == 0 ? start.column + removal.offset : removal.offset - lineStart + 1)
            let fix =
                removal.identifier == "docgen.link.unsafe-scheme"
                ? "link with http:, https:, mailto:, tel: or a relative path"
                : "write the content in Markdown, or remove the tag or attribute"
            report(.warning(removal.identifier, at: location(position), removal.summary, fix: fix))
        }
        return clean
    }

    /// The kind a link or image takes when `URLPolicy` drops its URL: its text is rendered alone.
    static let droppedLink = "docgen-dropped-link"

    /// One destination's resolution: the URL, the problem it has and the page fragment it names.
    struct Resolved {
        var url: String
        var problems: [Diagnostic] = []
        var fragment: (page: String, fragment: String)?
    }

    private mutating func link(_ written: String, at position: TextPosition) -> String {
        if written.hasPrefix("#"), written.count > 1, !anchors.contains(String(written.dropFirst())) {
            report(
                .warning(
                    "docgen.link.missing-anchor", at: location(position),
                    "link '\(written)' points at no heading of this article",
                    fix: "use the id of a heading of this article (see its <a name> anchor)"))
        }
        // The place is worked out only when something is reported or recorded there (from a
        // copy of the closure: the mutating call below must not read `self` to get it).
        let location = location
        if resolvedLinks[written] == nil { resolvedLinks[written] = resolveLink(written, at: location(position)) }
        let resolved = resolvedLinks[written]!
        reportOccurrence(of: resolved, written: written, at: location(position), reported: \.reportedLinks)
        if recordsFragments, let target = resolved.fragment {
            fragmentLinks.append(
                FragmentLink(page: target.page, fragment: target.fragment, location: location(position)))
        }
        return resolved.url
    }

    private func resolveLink(_ written: String, at: SourceLocation) -> Resolved {
        var destination = written
        var problems: [Diagnostic] = []
        // Foundation's search is asked only when the byte is there (it cannot match otherwise).
        if destination.containsByte(UInt8(ascii: "\\")), destination.contains("\\"), !destination.contains("://") {
            problems.append(
                .warning(
                    "docgen.link.backslash", at: at,
                    "link '\(destination)' uses '\\' as a folder separator; it was read as '/'",
                    fix: "write the path with '/' separators"))
            destination = destination.replacingOccurrences(of: "\\", with: "/")
        }
        func fragment(_ page: String, _ fragment: String?) -> (page: String, fragment: String)? {
            guard let fragment, !fragment.isEmpty else { return nil }
            return (page, fragment)
        }
        // Pages of both languages sit at the same depth, so the target language's URL serves both.
        switch links.resolveLink(destination, from: articlePath, in: links.paths.targetLanguage, at: at) {
        case .external(let url), .resource(let url): return Resolved(url: url, problems: problems)
        case .pageWithWarning(let url, let page, let target, let warning):
            return Resolved(url: url, problems: problems + [warning], fragment: fragment(page, target))
        case .page(let url, let page, let target):
            return Resolved(url: url, problems: problems, fragment: fragment(page, target))
        case .missing(let url, let diagnostic): return Resolved(url: url, problems: problems + [diagnostic])
        }
    }

    private mutating func image(_ source: String, at position: TextPosition) -> String {
        let location = location
        if resolvedImages[source] == nil { resolvedImages[source] = resolveImage(source, at: location(position)) }
        let resolved = resolvedImages[source]!
        reportOccurrence(of: resolved, written: source, at: location(position), reported: \.reportedImages)
        return resolved.url
    }

    /// Reports a destination's problems where this occurrence is written. Every occurrence in
    /// the first language is reported; the second language shares the first's results and
    /// reports only destinations new to it.
    private mutating func reportOccurrence(
        of resolved: Resolved, written: String, at: @autoclosure () -> SourceLocation,
        reported: WritableKeyPath<LinkPass, Set<String>>
    ) {
        if !resolved.problems.isEmpty, recordsFragments || !self[keyPath: reported].contains(written) {
            let at = at()
            for var problem in resolved.problems {
                problem.location = at
                report(problem)
            }
        }
        // Only destinations with problems are ever looked up in the set.
        if recordsFragments, !resolved.problems.isEmpty { self[keyPath: reported].insert(written) }
    }

    private func resolveImage(_ source: String, at: SourceLocation) -> Resolved {
        switch links.resolveImage(source, from: articlePath, in: links.paths.targetLanguage, at: at) {
        case .resource(let url), .external(let url), .page(let url, _, _), .pageWithWarning(let url, _, _, _):
            return Resolved(url: url)
        case .missing(let url, let diagnostic): return Resolved(url: url, problems: [diagnostic])
        }
    }

    /// An image named like a flow (`images/<flow>.png`), or the `:::flow:::` directive's
    /// `docgen-flow:<name>` source, becomes an embed of that flow.
    private mutating func flowEmbed(source: String, at position: TextPosition) -> MarkdownNode.Kind? {
        let explicit = source.hasPrefix("docgen-flow:")
        let name = explicit ? String(source.dropFirst("docgen-flow:".count)) : FlowParser.flowName(forPath: source)
        guard flowNames.contains(name) else {
            if explicit {
                report(
                    .warning(
                        "docgen.flow.unknown-flow", at: location(position), "no flow named '\(name)' exists",
                        fix: "add flows/\(name).yml to the content folder, or correct the name"))
                return .embed(name: "", fallbackSource: nil)
            }
            return nil
        }
        if !referencedFlows.contains(name) { referencedFlows.append(name) }
        guard !explicit else { return .embed(name: name, fallbackSource: nil) }
        // The picture is optional under its flowchart: a missing file is no problem.
        let at = location(position)
        if case .resource(let url) = links.resolveImage(
            source, from: articlePath, in: links.paths.targetLanguage, at: at)
        {
            return .embed(name: name, fallbackSource: url)
        }
        return .embed(name: name, fallbackSource: nil)
    }
}
