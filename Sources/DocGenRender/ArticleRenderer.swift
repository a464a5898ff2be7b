import DocGenCompile
import DocGenContent
import DocGenCore
import DocGenFlowchart
import DocGenMarkdown

/// An article's body rendered for one language, with what the page furniture needs.
public struct RenderedBody: Sendable {
    /// The body HTML (segments wrapped in `<span data-seg="ID">`).
    public var html: String
    /// The headings in order, with their ids (the same ids in both languages).
    public var headings: [CompiledHeading]
    /// The HTML inside each segment, in order (used to show the other language's text).
    public var segments: [(id: String, html: String)]
}

/// Renders a compiled body to HTML: the tree's links are already resolved, so this only walks
/// it, adding the alert titles of the page's language and the interactive flowcharts.
public struct ArticleRenderer: Sendable {
    /// Interface strings (alert titles, image labels).
    public let theme: Theme
    /// Decision flows by name.
    public let flows: [String: Flow]
    /// Output paths.
    public let paths: PagePaths

    /// Creates a renderer.
    public init(theme: Theme, flows: [String: Flow] = [:], paths: PagePaths) {
        self.theme = theme.resolved(target: paths.targetLanguage, source: paths.sourceLanguage)
        self.flows = flows
        self.paths = paths
    }

    /// The HTML of one compiled body of the article at `articlePath`. `staleSource` maps the ids
    /// of stale segments to their current English HTML: each is marked `seg-stale`, and the block
    /// holding it is followed by a note that shows that English on request.
    public func render(_ body: CompiledBody, articlePath: String, staleSource: [String: String] = [:])
        -> RenderedBody
    {
        let language = paths.language(for: body.side)
        var alertTitles: [DocFXAlert: String] = [:]
        for alert in DocFXAlert.allCases {
            alertTitles[alert] = theme.string("alert." + alert.rawValue.lowercased(), language)
        }
        let pagePath = String(paths.page(forArticle: articlePath, in: language).dropFirst(language.code.count + 1))
        let context = HTMLRenderContext(
            renderEmbed: { name, fallback, alt in
                flowHTML(name: name, fallback: fallback, alt: alt, language: language, pagePath: pagePath)
            },
            headingIDs: body.headings.map(\.id),
            alertTitles: alertTitles,
            segmentMarks: staleSource.mapValues { _ in "seg-stale" },
            noteAfterBlock: { ids in staleNote(ids.compactMap { staleSource[$0] }, language: language) })
        let (html, segments) = HTMLRenderer.renderWithSegments(body.root, context: context)
        return RenderedBody(html: html, headings: body.headings, segments: segments)
    }

    /// The reader's note after a block whose translation is out of date: a disclosure (no script
    /// needed) whose summary says the English changed and whose content is the current English.
    private func staleNote(_ sources: [String], language: Language) -> String {
        let summary = HTMLEscaping.escape(theme.string("staleNote", language))
        let show = HTMLEscaping.escape(theme.string("staleShowSource", language))
        let english = sources.map { "<p class=\"stale-source\" lang=\"\(paths.sourceLanguage.code)\">\($0)</p>" }
        return
            "<details class=\"stale-note\"><summary><span class=\"stale-label\">\(summary)</span> \(show)</summary>"
            + english.joined() + "</details>\n"
    }

    /// The flowchart that stands for an image, with the image kept below it when the file exists.
    private func flowHTML(name: String, fallback: String?, alt: String, language: Language, pagePath: String)
        -> String
    {
        guard let flow = flows[name] else { return "" }
        var html = FlowHTML.embed(
            flow: flow, language: language, texts: theme.strings(for: language), pagePath: pagePath)
        if let fallback {
            html +=
                "\n<details class=\"flow-fallback\"><summary>\(HTMLEscaping.escape(theme.string("originalImage", language)))</summary>"
            html +=
                "<img src=\"\(HTMLEscaping.escapeURL(fallback))\" alt=\"\(HTMLEscaping.escape(alt))\" loading=\"lazy\"></details>"
        }
        return html
    }
}
