import DocGenContent
import DocGenCore
import DocGenFlowchart
import DocGenMarkdown

/// An article's body rendered for one language, with what the page furniture needs.
public struct RenderedBody: Sendable {
    /// The body HTML (segments wrapped in `<span class="seg" data-seg="ID">`).
    public var html: String
    /// The headings in order, with their ids (the same ids in both languages).
    public var headings: [(id: String, level: Int, text: String)]
    /// The HTML inside each segment span, in order (used to show the other language's text).
    public var segments: [(id: String, html: String)]
    /// Every id a link may target on this page: heading ids and raw `<a name>`/`id` anchors.
    public var anchors: Set<String>
}

/// A link to another page's `#fragment`, checked once every page's anchors are known.
public struct FragmentLink: Sendable, Hashable {
    /// The content path of the linked page.
    public var page: String
    /// The fragment, without `#`.
    public var fragment: String
    /// Where the link is written.
    public var location: SourceLocation
}

/// Renders an article's body in both languages: composes each side's Markdown, rewrites DocFX
/// directives, parses it, gives headings ids shared by both languages (from the English text),
/// and resolves links. Problems are reported with the author's file, line and column.
public struct ArticleRenderer: Sendable {
    /// Link and image resolution over the content folder.
    public let links: LinkResolver
    /// Interface strings (alert titles, image description label).
    public let theme: Theme
    /// Decision flows by name: an image named like a flow (`images/<name>.png`) and the
    /// `:::flow name="<name>":::` directive become that interactive flowchart.
    public let flows: [String: Flow]
    /// Files that articles pull in with `[!INCLUDE]`, by content path.
    public let includes: [String: Article]

    /// Creates a renderer.
    public init(links: LinkResolver, theme: Theme, flows: [String: Flow] = [:], includes: [String: Article] = [:]) {
        self.links = links
        self.theme = theme
        self.flows = flows
        self.includes = includes
    }

    /// The body of `article` for the target side and, unless the article is target-only, the source side.
    public func render(_ article: Article) -> (
        bodies: [TextSide: RenderedBody], diagnostics: [Diagnostic], fragmentLinks: [FragmentLink]
    ) {
        let sides: [TextSide] = article.isTargetOnly ? [.target] : [.target, .source]
        let parsed = sides.map { parse(article, side: $0) }
        var diagnostics: [Diagnostic] = []
        for document in parsed {
            diagnostics += document.fileIssues.map { issue in
                var diagnostic = issue.diagnostic
                diagnostic.location = article.location(ofOffset: issue.offset)
                return diagnostic
            }
        }
        let headingLists = parsed.map { Headings.collect(in: $0.root) }
        let englishTexts = headingLists.last.map { $0.map(\.text) }
        let sameShape = headingLists.count < 2 || headingLists[0].count == headingLists[1].count
        var bodies: [TextSide: RenderedBody] = [:]
        var fragmentLinks: [FragmentLink] = []
        for (index, document) in parsed.enumerated() {
            let headings = headingLists[index]
            let ids = Headings.ids(for: headings, slugSources: sameShape ? englishTexts : nil)
            let anchors = Set(ids).union(Headings.htmlAnchors(in: document.root))
            let (html, segments, collector) = renderHTML(document, article: article, headingIDs: ids, anchors: anchors)
            diagnostics += collector.diagnostics
            if index == 0 { fragmentLinks = collector.fragmentLinks }
            bodies[document.side] = RenderedBody(
                html: html,
                headings: zip(ids, headings).map { (id: $0, level: $1.level, text: $1.text) },
                segments: segments, anchors: anchors)
        }
        return (bodies, Self.deduplicated(diagnostics), fragmentLinks)
    }

    /// One side's Markdown, parsed, with the maps back to the file.
    private struct ParsedSide {
        var side: TextSide
        var root: MarkdownNode
        var lines: LineTable
        var maps: ComposedSourceMap
        /// Directive problems, with offsets already in the file.
        var fileIssues: [DocFXDirectives.Issue]

        func fileOffset(ofOutput offset: Int) -> Int { maps.inputOffset(forOutput: offset) }

        func fileOffset(of position: TextPosition) -> Int { fileOffset(ofOutput: lines.offset(of: position)) }
    }

    /// Wraps a segment's text so its id survives into the HTML.
    static func segmentMarkup(_ segment: Segment, _ side: TextSide) -> (prefix: String, suffix: String) {
        ("<span class=\"seg\" data-seg=\"\(HTMLEscaping.escape(segment.id))\">", "</span>")
    }

    private func parse(_ article: Article, side: TextSide) -> ParsedSide {
        let composed = article.body.markdown(for: side, wrap: Self.segmentMarkup)
        let expanded = IncludeExpander(includes: includes, wrap: Self.segmentMarkup)
            .expand(composed.text, side: side, from: article.path)
        let language = links.paths.language(for: side)
        let rewritten = DocFXDirectives.rewrite(
            expanded.text, descriptionLabel: theme.string("imageDescription", language))
        // Problems carry offsets in the text their step read: map them back to file offsets now.
        let toFile = ComposedSourceMap(maps: [expanded.map, composed.map])
        let issues =
            expanded.issues.map {
                DocFXDirectives.Issue(offset: composed.map.inputOffset(forOutput: $0.offset), diagnostic: $0.diagnostic)
            }
            + rewritten.issues.map {
                DocFXDirectives.Issue(offset: toFile.inputOffset(forOutput: $0.offset), diagnostic: $0.diagnostic)
            }
        return ParsedSide(
            side: side, root: CMark.parse(rewritten.text), lines: LineTable(rewritten.text),
            maps: ComposedSourceMap(maps: [rewritten.map, expanded.map, composed.map]), fileIssues: issues)
    }

    private func renderHTML(_ document: ParsedSide, article: Article, headingIDs: [String], anchors ids: Set<String>)
        -> (String, [(id: String, html: String)], DiagnosticCollector)
    {
        let language = links.paths.language(for: document.side)
        let collector = DiagnosticCollector()
        let location = { (position: TextPosition) in article.location(ofOffset: document.fileOffset(of: position)) }
        var alertTitles: [DocFXAlert: String] = [:]
        for alert in DocFXAlert.allCases {
            alertTitles[alert] = theme.string("alert." + alert.rawValue.lowercased(), language)
        }
        let context = HTMLRenderContext(
            resolveLink: { destination, position in
                if destination.hasPrefix("#"), destination.count > 1, !ids.contains(String(destination.dropFirst())) {
                    collector.add(
                        .warning(
                            "docgen.link.missing-anchor", at: location(position),
                            "link '\(destination)' points at no heading of this article",
                            fix: "use the id of a heading of this article (see its <a name> anchor)"))
                }
                var destination = destination
                if destination.contains("\\"), !destination.contains("://") {
                    collector.add(
                        .warning(
                            "docgen.link.backslash", at: location(position),
                            "link '\(destination)' uses '\\' as a folder separator; it was read as '/'",
                            fix: "write the path with '/' separators"))
                    destination = destination.replacingOccurrences(of: "\\", with: "/")
                }
                switch links.resolveLink(destination, from: article.path, in: language, at: location(position)) {
                case .external(let url), .resource(let url): return url
                case .pageWithWarning(let url, let page, let fragment, let warning):
                    collector.add(warning)
                    if let fragment, !fragment.isEmpty {
                        collector.fragmentLinks.append(
                            FragmentLink(page: page, fragment: fragment, location: location(position)))
                    }
                    return url
                case .page(let url, let page, let fragment):
                    if let fragment, !fragment.isEmpty {
                        collector.fragmentLinks.append(
                            FragmentLink(page: page, fragment: fragment, location: location(position)))
                    }
                    return url
                case .missing(let url, let diagnostic):
                    collector.add(diagnostic)
                    return url
                }
            },
            resolveImage: { source, position in
                switch links.resolveImage(source, from: article.path, in: language, at: location(position)) {
                case .external(let url), .resource(let url), .page(let url, _, _), .pageWithWarning(let url, _, _, _):
                    return url
                case .missing(let url, let diagnostic):
                    collector.add(diagnostic)
                    return url
                }
            },
            reportSuspiciousText: { text, position in
                guard let range = text.range(of: "] (") ?? text.range(of: "](") else { return }
                collector.add(
                    .warning(
                        "docgen.link.malformed", at: location(position),
                        "'\(text[range])' looks like a broken link: Markdown links allow no space between ']' and '(', nor spaces in the URL",
                        fix: "write [text](url) with no space after ']' and %20 for spaces in the URL"))
            },
            replaceImage: { source, alt, position in
                flowReplacement(
                    source: source, alt: alt, article: article, language: language, location: location(position),
                    collector: collector)
            },
            headingIDs: headingIDs,
            alertTitles: alertTitles)
        let (html, segments) = HTMLRenderer.renderWithSegments(document.root, context: context)
        return (html, segments, collector)
    }

    /// The flowchart that stands for an image, with the image kept below it when the file exists.
    private func flowReplacement(
        source: String, alt: String, article: Article, language: Language, location: SourceLocation,
        collector: DiagnosticCollector
    ) -> String? {
        let explicit = source.hasPrefix("docgen-flow:")
        let name = explicit ? String(source.dropFirst("docgen-flow:".count)) : FlowParser.flowName(forPath: source)
        guard let flow = flows[name] else {
            if explicit {
                collector.add(
                    .warning(
                        "docgen.flow.unknown-flow", at: location, "no flow named '\(name)' exists",
                        fix: "add flows/\(name).yml to the content folder, or correct the name"))
                return ""
            }
            return nil
        }
        let pagePath = String(paths.page(forArticle: article.path, in: language).dropFirst(language.code.count + 1))
        var html = FlowHTML.embed(flow: flow, language: language, pagePath: pagePath)
        if !explicit,
            case .resource(let url) = links.resolveImage(source, from: article.path, in: language, at: location)
        {
            html +=
                "\n<details class=\"flow-fallback\"><summary>\(HTMLEscaping.escape(theme.string("originalImage", language)))</summary>"
            html +=
                "<img src=\"\(HTMLEscaping.escapeURL(url))\" alt=\"\(HTMLEscaping.escape(alt))\" loading=\"lazy\"></details>"
        }
        return html
    }

    private var paths: PagePaths { links.paths }

    /// Both languages report the same link problems; keep one per file, line and message.
    static func deduplicated(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<String>()
        return diagnostics.filter { diagnostic in
            let key =
                "\(diagnostic.identifier)|\(diagnostic.location?.path ?? "")|\(diagnostic.location?.line ?? 0)|\(diagnostic.summary)"
            return seen.insert(key).inserted
        }
    }
}

/// Collects diagnostics from the renderer's callbacks during one synchronous render.
final class DiagnosticCollector: @unchecked Sendable {
    private(set) var diagnostics: [Diagnostic] = []
    var fragmentLinks: [FragmentLink] = []

    func add(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }
}
