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

    /// Resolutions so far, by destination, shared by both languages of the article.
    var resolvedLinks: [String: String] = [:]
    var resolvedImages: [String: (url: String, exists: Bool)] = [:]
    var diagnostics: [Diagnostic] = []
    var fragmentLinks: [FragmentLink] = []
    var referencedFlows: [String] = []
    /// Ids of this side's headings and anchors, for `#fragment` links within the article.
    var anchors: Set<String> = []
    /// Whether to record fragment links (the first side compiled does; both link the same pages).
    var recordsFragments = true

    /// Resolves every link and image of the tree in place.
    mutating func apply(to root: inout MarkdownNode) {
        visit(&root)
    }

    private mutating func visit(_ node: inout MarkdownNode) {
        switch node.kind {
        case .link(let destination, let title):
            node.kind = .link(destination: link(destination, at: node.start), title: title)
        case .image(let source, let title):
            if let embed = flowEmbed(source: source, at: node.start) {
                node.kind = embed  // the children (alt text) stay, for the fallback image
                return
            }
            node.kind = .image(source: image(source, at: node.start).url, title: title)
        case .text(let text):
            if text.utf8.contains(UInt8(ascii: "]")), let range = text.range(of: "] (") ?? text.range(of: "](") {
                report(
                    .warning(
                        "docgen.link.malformed", at: location(node.start),
                        "'\(text[range])' looks like a broken link: Markdown links allow no space between ']' and '(', nor spaces in the URL",
                        fix: "write [text](url) with no space after ']' and %20 for spaces in the URL"))
            }
        default: break
        }
        for index in node.children.indices { visit(&node.children[index]) }
    }

    private mutating func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    private mutating func link(_ written: String, at position: TextPosition) -> String {
        if written.hasPrefix("#"), written.count > 1, !anchors.contains(String(written.dropFirst())) {
            report(
                .warning(
                    "docgen.link.missing-anchor", at: location(position),
                    "link '\(written)' points at no heading of this article",
                    fix: "use the id of a heading of this article (see its <a name> anchor)"))
        }
        if let url = resolvedLinks[written] { return url }
        var destination = written
        if destination.contains("\\"), !destination.contains("://") {
            report(
                .warning(
                    "docgen.link.backslash", at: location(position),
                    "link '\(destination)' uses '\\' as a folder separator; it was read as '/'",
                    fix: "write the path with '/' separators"))
            destination = destination.replacingOccurrences(of: "\\", with: "/")
        }
        let at = location(position)
        let url: String
        // Pages of both languages sit at the same depth, so the target language's URL serves both.
        switch links.resolveLink(destination, from: articlePath, in: links.paths.targetLanguage, at: at) {
        case .external(let resolved), .resource(let resolved): url = resolved
        case .pageWithWarning(let resolved, let page, let fragment, let warning):
            report(warning)
            recordFragment(page: page, fragment: fragment, at: at)
            url = resolved
        case .page(let resolved, let page, let fragment):
            recordFragment(page: page, fragment: fragment, at: at)
            url = resolved
        case .missing(let resolved, let diagnostic):
            report(diagnostic)
            url = resolved
        }
        resolvedLinks[written] = url
        return url
    }

    private mutating func recordFragment(page: String, fragment: String?, at location: SourceLocation) {
        guard recordsFragments, let fragment, !fragment.isEmpty else { return }
        fragmentLinks.append(FragmentLink(page: page, fragment: fragment, location: location))
    }

    private mutating func image(_ source: String, at position: TextPosition) -> (url: String, exists: Bool) {
        if let known = resolvedImages[source] { return known }
        let result: (url: String, exists: Bool)
        switch links.resolveImage(source, from: articlePath, in: links.paths.targetLanguage, at: location(position)) {
        case .resource(let url): result = (url, true)
        case .external(let url), .page(let url, _, _), .pageWithWarning(let url, _, _, _): result = (url, false)
        case .missing(let url, let diagnostic):
            report(diagnostic)
            result = (url, false)
        }
        resolvedImages[source] = result
        return result
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
