import DocGenContent
import DocGenCore
import DocGenMarkdown

/// The interactive flowchart a page embeds: the SVG diagram, a step-by-step panel, a nested-list
/// text version, and the flow as JSON for `flowchart.js`.
///
/// Without script, the diagram's nodes and the panel's answers are plain links to the node pages
/// (`FlowSite`), so the decision can still be walked. With script, `flowchart.js` (which the page
/// must include, with `flowchart.css`) turns the same markup into an in-place walk kept in sync
/// with the diagram and the URL hash (`#NAME=0.2.1`).
public enum FlowHTML {
    /// The fragment to put in an article page where the flow goes.
    ///
    /// - Parameters:
    ///   - flow: a flow that passed `FlowValidator` (invalid flows still render, best effort).
    ///   - language: the language of the page (the flow's labels are taken in it).
    ///   - texts: the page language's interface strings (`flow.*` keys); English where a key is missing.
    ///   - nodePageURL: the relative URL of each node's static page, from the embedding page.
    ///   - articleURL: the relative URL of a flow link target (`page.md#anchor` or `https://…`).
    public static func embed(
        flow: Flow, language: Language, texts: [String: String] = [:],
        nodePageURL: @escaping @Sendable (String) -> String,
        articleURL: @escaping @Sendable (String) -> String = { FlowLinks.articleURL($0, fromPage: "index.html") }
    ) -> String {
        embed(
            flow: flow, language: language, texts: texts,
            links: FlowLinks(nodePage: nodePageURL, article: articleURL))
    }

    /// The fragment for a page of the site at `pagePath` (relative to the language root); links
    /// to node pages and articles are computed relative to it.
    public static func embed(flow: Flow, language: Language, texts: [String: String] = [:], pagePath: String)
        -> String
    {
        embed(flow: flow, language: language, texts: texts, links: .site(flow: flow, fromPage: pagePath))
    }

    /// The fragment with explicit links.
    public static func embed(flow: Flow, language: Language, texts: [String: String] = [:], links: FlowLinks)
        -> String
    {
        let strings = FlowStrings(language, texts: texts)
        let prefix = "flow-\(flow.name)-\(language.code)"
        let diagram = FlowLayout.diagram(for: flow, language: language)
        let svg = FlowSVG.render(
            diagram, options: FlowSVG.Options(idPrefix: prefix, nodeURL: links.nodePage, strings: strings))
        var out =
            "<figure class=\"docgen-flow\" id=\"\(prefix)\" data-flow=\"\(e(flow.name))\" lang=\"\(language.code)\""
        out += " aria-labelledby=\"\(prefix)-caption\">\n"
        out += "<figcaption id=\"\(prefix)-caption\" class=\"docgen-flow-caption\">\(e(diagram.title))</figcaption>\n"
        out += "<div class=\"docgen-flow-body\">\n"
        out +=
            "<div class=\"docgen-flow-diagram\" role=\"region\" aria-label=\"\(e(strings.diagram))\" tabindex=\"0\">\n"
        out += svg + "</div>\n"
        out += "<section class=\"docgen-flow-stepper\" aria-labelledby=\"\(prefix)-stepper-title\">\n"
        out += "<h2 class=\"docgen-flow-stepper-title\" id=\"\(prefix)-stepper-title\">\(e(strings.stepByStep))</h2>\n"
        out += "<div class=\"docgen-flow-stepper-body\" aria-live=\"polite\">\n"
        out += FlowNodePanel.html(flow: flow, nodeID: flow.startID, strings: strings, links: links, headingLevel: 3)
        out += "</div>\n</section>\n</div>\n"
        out += "<details class=\"docgen-flow-text\">\n<summary>\(e(strings.textVersion))</summary>\n"
        out += FlowTextVersion.html(flow: flow, strings: strings, idPrefix: prefix, links: links)
        out += "</details>\n"
        out += "<script type=\"application/json\" class=\"docgen-flow-data\">"
        out += FlowJSON.data(flow: flow, strings: strings, links: links) + "</script>\n"
        out += "</figure>\n"
        return out
    }

    private static func e(_ text: String) -> String { HTMLEscaping.escape(text) }
}

/// One node shown on its own: kind, text, detail, links, and one link per answer. Used both as
/// the no-JS content of the step-by-step panel and as the body of a node page.
enum FlowNodePanel {
    static func html(flow: Flow, nodeID: String, strings: FlowStrings, links: FlowLinks, headingLevel: Int) -> String {
        guard let node = flow.node(nodeID) else { return "" }
        let language = strings.language
        let h = "h\(headingLevel)"
        var out = "<div class=\"docgen-flow-node-panel flow-\(node.kind.rawValue)\" data-node=\"\(node.id)\">\n"
        out += "<p class=\"docgen-flow-kind\">\(e(strings.kindName(node.kind)))</p>\n"
        out += "<\(h) class=\"docgen-flow-question\">\(e(node.text.resolved(language)))</\(h)>\n"
        if let detail = node.detail { out += "<p class=\"docgen-flow-detail\">\(e(detail.resolved(language)))</p>\n" }
        if !node.links.isEmpty {
            out += "<ul class=\"docgen-flow-links\">\n"
            for link in node.links {
                out += "<li><a href=\"\(HTMLEscaping.escapeURL(links.article(link.target)))\">"
                out += "\(e(link.text.resolved(language)))</a></li>\n"
            }
            out += "</ul>\n"
        }
        if node.answers.isEmpty {
            out += "<p class=\"docgen-flow-end\">\(e(strings.end))</p>\n"
        } else {
            out += "<ul class=\"docgen-flow-answers\">\n"
            for (index, answer) in node.answers.enumerated() {
                let label = answer.label?.resolved(language) ?? strings.continueLabel
                out += "<li><a class=\"docgen-flow-answer\" data-answer=\"\(index)\""
                out += " href=\"\(HTMLEscaping.escapeURL(links.nodePage(answer.targetID)))\">\(e(label))</a></li>\n"
            }
            out += "</ul>\n"
        }
        if nodeID != flow.startID {
            out +=
                "<p class=\"docgen-flow-restart\"><a href=\"\(HTMLEscaping.escapeURL(links.nodePage(flow.startID)))\">"
            out += "\(e(strings.startAgain))</a></p>\n"
        }
        return out + "</div>\n"
    }

    private static func e(_ text: String) -> String { HTMLEscaping.escape(text) }
}
