import DocGenContent
import DocGenCore
import DocGenMarkdown

/// The compile stage: turns an `Article` into a `CompiledArticle` in one pass per language.
///
/// For each side it composes the Markdown (segments between markers), expands includes,
/// rewrites DocFX directives, parses with cmark once, turns markers into segment nodes, gives
/// headings the ids both languages share (slugs of the English text), and resolves links and
/// images once for both languages. Every problem is reported at the author's file, line and
/// column. Pure: values in, a value out.
public struct ArticleCompiler: Sendable {
    /// Link and image resolution over the content folder.
    public let links: LinkResolver
    /// Files that articles pull in with `[!INCLUDE]`, by content path.
    public let includes: [String: Article]
    /// Names of the site's decision flows (pictures named like one become embeds).
    public let flowNames: Set<String>
    /// The label of a complex image's long description, per language code.
    public let imageDescriptionLabels: [String: String]
    /// Whether raw HTML is held to `HTMLSanitizer`'s allow-list (docgen.yml `safeHTML`).
    public let safeHTML: Bool

    /// Creates a compiler.
    public init(
        links: LinkResolver, includes: [Article] = [], flowNames: Set<String> = [],
        imageDescriptionLabels: [String: String] = [:], safeHTML: Bool = false
    ) {
        self.safeHTML = safeHTML
        self.links = links
        self.includes = Dictionary(includes.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        self.flowNames = flowNames
        self.imageDescriptionLabels = imageDescriptionLabels
    }

    /// Compiles both languages of `article` (only the target for a target-only article).
    public func compile(_ article: Article) -> CompiledArticle {
        let sides: [TextSide] = article.isTargetOnly ? [.target] : [.target, .source]
        let markers = SegmentMarkers(article: article)
        var parsed = sides.map { parse(article, side: $0, markers: markers) }
        var diagnostics = parsed.flatMap(\.issues)
        let headingLists = parsed.map(\.headings)
        let sameShape = headingLists.count < 2 || headingLists[0].count == headingLists[1].count
        // The English side's slugs serve both sides (see `Headings.ids(for:slugSources:)`), made
        // once and only for headings that lack an explicit id on a side that uses the slug.
        let english = headingLists.last ?? []
        let englishSlugs = english.indices.map { index in
            english[index].explicitID == nil || (sameShape && headingLists[0][index].explicitID == nil)
                ? Headings.slug(english[index].text) : ""
        }
        var pass = LinkPass(
            links: links, articlePath: article.path, flowNames: flowNames,
            location: { _ in SourceLocation(path: article.path, line: 1) })
        pass.safeHTML = safeHTML
        var bodies: [CompiledBody] = []
        for index in parsed.indices {
            let headings = headingLists[index]
            let ids = Headings.ids(for: headings, slugs: sameShape || index > 0 ? englishSlugs : nil)
            let anchors = Set(ids).union(parsed[index].htmlAnchors)
            // The tree moves out of `parsed`, so the link pass mutates it without copying its arrays.
            var root = parsed[index].root
            parsed[index].root = MarkdownNode(kind: .document)
            let side = parsed[index]
            pass.location = { position in article.location(ofOffset: side.fileOffset(of: position)) }
            pass.snap = { position, written in side.snap(position, to: written) }
            pass.anchors = anchors
            pass.recordsFragments = index == 0
            pass.apply(to: &root)
            bodies.append(
                CompiledBody(
                    side: side.side, root: root,
                    headings: zip(ids, headings).map { CompiledHeading(id: $0, level: $1.level, text: $1.text) },
                    anchors: anchors))
        }
        diagnostics += pass.diagnostics
        return CompiledArticle(
            article: article, target: bodies[0], source: bodies.count > 1 ? bodies[1] : nil,
            diagnostics: Self.deduplicated(diagnostics), fragmentLinks: pass.fragmentLinks,
            referencedFlows: pass.referencedFlows)
    }

    /// One side's Markdown, parsed, with the maps back to the file.
    private struct ParsedSide {
        var side: TextSide
        var root: MarkdownNode
        /// The headings and raw HTML anchors of `root`, read while parsing.
        var headings: [HeadingInfo]
        var htmlAnchors: Set<String>
        var lines: LineTable
        var maps: ComposedSourceMap
        /// Directive and include problems, already at file positions.
        var issues: [Diagnostic]

        /// The parsed text, where positions are snapped to what they point at.
        var text = ""

        func fileOffset(of position: TextPosition) -> Int { maps.inputOffset(forOutput: lines.offset(of: position)) }

        /// The position of `written` at or near `position` in the parsed text. cmark's inline
        /// columns drift on continuation lines inside quotes and list items, and a text node's
        /// position is its start, not that of a pattern inside it: the nearest occurrence on the
        /// line (for an opener) or the first one after it (for a longer pattern) is what is meant.
        func snap(_ position: TextPosition, to written: [UInt8]) -> TextPosition {
            var text = text
            return text.withUTF8 { snap(position, to: written, in: $0) }
        }

        private func snap(_ position: TextPosition, to written: [UInt8], in bytes: UnsafeBufferPointer<UInt8>)
            -> TextPosition
        {
            guard !written.isEmpty, !bytes.isEmpty else { return position }
            let offset = min(lines.offset(of: position), bytes.count)
            func matches(_ at: Int) -> Bool {
                at >= 0 && at + written.count <= bytes.count && bytes[at..<at + written.count].elementsEqual(written)
            }
            if matches(offset) { return position }
            if written.count == 1 {
                for distance in 1...4 {
                    for candidate in [offset - distance, offset + distance] where matches(candidate) {
                        return lines.position(ofOffset: candidate)
                    }
                }
                return position
            }
            var candidate = offset
            while candidate < min(bytes.count, offset + 4096) {
                if matches(candidate) { return lines.position(ofOffset: candidate) }
                candidate += 1
            }
            return position
        }
    }

    private func parse(_ article: Article, side: TextSide, markers: SegmentMarkers) -> ParsedSide {
        markers.startSide()
        let composed = article.body.markdown(for: side, wrap: markers.wrap)
        let expanded = IncludeExpander(includes: includes, wrap: markers.wrap)
            .expand(composed.text, side: side, from: article.path)
        let language = links.paths.language(for: side)
        let rewritten = DocFXDirectives.rewrite(
            expanded.text, descriptionLabel: imageDescriptionLabels[language.code] ?? "Description")
        // Problems carry offsets in the text their step read: map them back to file offsets now.
        let toFile = ComposedSourceMap(maps: [expanded.map, composed.map])
        let issues =
            expanded.issues.map { issue in
                var diagnostic = issue.diagnostic
                diagnostic.location = article.location(ofOffset: composed.map.inputOffset(forOutput: issue.offset))
                return diagnostic
            }
            + rewritten.issues.map { issue in
                var diagnostic = issue.diagnostic
                diagnostic.location = article.location(ofOffset: toFile.inputOffset(forOutput: issue.offset))
                return diagnostic
            }
        let segments = SegmentNodes(markers: markers.ids)
        let (root, outline) = CMark.parseWithOutline(
            rewritten.text, regroup: markers.ids.isEmpty ? nil : segments.group)
        var parsed = ParsedSide(
            side: side, root: root, headings: outline.headings, htmlAnchors: outline.htmlAnchors,
            lines: LineTable(rewritten.text),
            maps: ComposedSourceMap(maps: [rewritten.map, expanded.map, composed.map]), issues: issues)
        parsed.text = rewritten.text
        return parsed
    }

    /// Both languages can report the same problem; keep one per identifier, file, line and message.
    static func deduplicated(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<String>()
        return diagnostics.filter { diagnostic in
            let key =
                "\(diagnostic.identifier)|\(diagnostic.location?.path ?? "")|\(diagnostic.location?.line ?? 0)|\(diagnostic.summary)"
            return seen.insert(key).inserted
        }
    }
}

/// The markers put around each segment's text while composing one side: an inline `<span>`
/// tag per segment, recorded with the segment's id so the parsed tree can be regrouped by exact
/// lookup of the tag. The article's own markers are made once for both sides.
final class SegmentMarkers: @unchecked Sendable {
    /// Opening tag → segment id, for the segments wrapped since the last `startSide()`.
    private(set) var ids: [String: String]
    /// The article's segments in body order, with their opening tags, as `wrap` meets them.
    private let planned: [(id: String, marker: String)]
    private let plannedIDs: [String: String]
    private var next = 0

    /// Markers for `article`'s segments (those of includes are made as they are wrapped).
    init(article: Article) {
        var planned: [(id: String, marker: String)] = []
        var ids: [String: String] = [:]
        planned.reserveCapacity(article.body.pieces.count)
        ids.reserveCapacity(article.body.pieces.count)
        for piece in article.body.pieces {
            guard case .segment(let segment) = piece else { continue }
            let marker = SegmentNodes.opening(segment.id)
            planned.append((segment.id, marker))
            ids[marker] = segment.id
        }
        self.planned = planned
        self.plannedIDs = ids
        self.ids = ids
    }

    /// Starts composing a side: `BilingualText.markdown` wraps the article's segments in order.
    func startSide() {
        next = 0
        ids = plannedIDs
    }

    /// The prefix and suffix around one segment's text (a `wrap` for `BilingualText.markdown`).
    func wrap(_ segment: Segment, _ side: TextSide) -> (prefix: String, suffix: String) {
        if next < planned.count, planned[next].id == segment.id {
            next += 1
            return (planned[next - 1].marker, SegmentNodes.closing)
        }
        let marker = SegmentNodes.opening(segment.id)
        ids[marker] = segment.id
        return (marker, SegmentNodes.closing)
    }
}
