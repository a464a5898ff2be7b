import DocGenContent
import DocGenCore
import DocGenMarkdown

/// The static pages of a flow: one per node per language, each with the node's question and one
/// link per answer, so the decision can be walked by following links with no script at all.
public enum FlowSite {
    /// One page to write, relative to the language root of the site (for example under `fr/`).
    public struct Page: Sendable, Hashable {
        /// The page path, like `flows/onboardingAADFlow/has-tenant.html`.
        public var path: String
        /// The page title (node text — flow title), for `<title>` and the page heading context.
        public var title: String
        /// The HTML to put in the page's main content area.
        public var bodyHTML: String
    }

    /// Where the page of a node lives, relative to the language root.
    public static func nodePagePath(flowName: String, nodeID: String) -> String {
        "flows/\(flowName)/\(nodeID).html"
    }

    /// The pages of every node of `flow`, in file order, for one language. Article links are
    /// relative to each page, assuming the article `a/b.md` is the page `a/b.html` of the same language.
    public static func pages(for flow: Flow, language: Language, texts: [String: String] = [:]) -> [Page] {
        let strings = FlowStrings(language, texts: texts)
        var seen: Set<String> = []
        let diagram = FlowLayout.diagram(for: flow, language: language)
        return flow.nodes.filter { seen.insert($0.id).inserted }.map { node in
            let path = nodePagePath(flowName: flow.name, nodeID: node.id)
            let links = FlowLinks.site(flow: flow, fromPage: path)
            let title = node.text.resolved(language) + " — " + flow.title.resolved(language)
            var body = "<article class=\"docgen-flow-page\" data-flow=\"\(HTMLEscaping.escape(flow.name))\">\n"
            body += "<p class=\"docgen-flow-page-flow\">\(HTMLEscaping.escape(flow.title.resolved(language)))</p>\n"
            body += FlowNodePanel.html(flow: flow, nodeID: node.id, strings: strings, links: links, headingLevel: 1)
            var svg = FlowSVG.render(
                diagram,
                options: FlowSVG.Options(
                    idPrefix: "flow-\(flow.name)-\(language.code)-page", nodeURL: links.nodePage, strings: strings))
            svg = svg.replacingFirst(
                "class=\"flow-node flow-\(node.kind.rawValue)\" data-node=\"\(node.id)\"",
                with:
                    "class=\"flow-node flow-\(node.kind.rawValue) is-current\" data-node=\"\(node.id)\" aria-current=\"step\""
            )
            body += "<div class=\"docgen-flow-diagram\">\n\(svg)</div>\n</article>\n"
            return Page(path: path, title: title, bodyHTML: body)
        }
    }
}

extension String {
    fileprivate func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
