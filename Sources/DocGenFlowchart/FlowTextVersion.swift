import DocGenContent
import DocGenCore
import DocGenMarkdown

/// The whole flow as nested lists: each node, its answers, and under each answer the node it
/// leads to. A node met a second time is not repeated but linked ("see above"), so loops and
/// merges stay finite. This is the version screen readers, printers and no-JS readers get.
enum FlowTextVersion {
    static func html(flow: Flow, strings: FlowStrings, idPrefix: String, links: FlowLinks) -> String {
        let language = strings.language
        var described: Set<String> = []
        var out = ""
        func describe(_ id: String, depth: Int) {
            guard let node = flow.node(id) else { return }
            if described.contains(id) {
                out +=
                    "<a href=\"#\(idPrefix)-text-\(id)\">\(e(node.text.resolved(language)))</a> (\(e(strings.seeAbove)))"
                return
            }
            described.insert(id)
            out += "<span id=\"\(idPrefix)-text-\(id)\" class=\"docgen-flow-text-node flow-\(node.kind.rawValue)\">"
            out += "<strong>\(e(strings.kindName(node.kind)))</strong>" + strings.colon
            out += e(node.text.resolved(language)) + "</span>"
            if let detail = node.detail {
                out += " <span class=\"docgen-flow-detail\">\(e(detail.resolved(language)))</span>"
            }
            if !node.links.isEmpty {
                out += " <span class=\"docgen-flow-links\">(\(e(strings.readMore))" + strings.colon
                out += node.links.map { link in
                    "<a href=\"\(HTMLEscaping.escapeURL(links.article(link.target)))\">\(e(link.text.resolved(language)))</a>"
                }.joined(separator: ", ")
                out += ")</span>"
            }
            guard !node.answers.isEmpty else { return }
            out += "\n<ul>\n"
            for answer in node.answers {
                out += "<li>"
                if let label = answer.label {
                    let (open, close) = strings.quotes
                    out += "<em>\(e(strings.ifYouAnswer)) \(e(open))\(e(label.resolved(language)))\(e(close))</em> → "
                } else {
                    out += "→ "
                }
                describe(answer.targetID, depth: depth + 1)
                out += "</li>\n"
            }
            out += "</ul>"
        }
        out += "<ul class=\"docgen-flow-text-tree\">\n<li>"
        describe(flow.startID, depth: 0)
        out += "</li>\n"
        // Nodes no path reaches (a validation warning) still appear, so nothing is lost.
        for node in flow.nodes where !described.contains(node.id) {
            out += "<li>"
            describe(node.id, depth: 0)
            out += "</li>\n"
        }
        return out + "</ul>\n"
    }

    private static func e(_ text: String) -> String { HTMLEscaping.escape(text) }
}
