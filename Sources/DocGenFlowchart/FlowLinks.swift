import DocGenContent
import DocGenCore

/// How the HTML of a flow links out: to the static page of each node and to articles.
///
/// Every URL it returns is relative, so a site works from any sub-path and from `file://`.
public struct FlowLinks: Sendable {
    /// The URL of the static page of a node (or a `#` state in a standalone page).
    public var nodePage: @Sendable (String) -> String
    /// The URL of a link target written in the flow (content-root-relative `.md` path or absolute URL).
    public var article: @Sendable (String) -> String

    /// Links with explicit functions.
    public init(nodePage: @escaping @Sendable (String) -> String, article: @escaping @Sendable (String) -> String) {
        self.nodePage = nodePage
        self.article = article
    }

    /// Links for a page of the site at `pagePath` (relative to the language root, like
    /// `billing/invoice.html`), where node pages are at `FlowSite.nodePagePath` and each article
    /// `a/b.md` is the page `a/b.html`.
    public static func site(flow: Flow, fromPage pagePath: String) -> FlowLinks {
        let name = flow.name
        return FlowLinks(
            nodePage: { id in
                SitePath.relativeURL(from: pagePath, to: FlowSite.nodePagePath(flowName: name, nodeID: id))
            },
            article: { target in articleURL(target, fromPage: pagePath) })
    }

    /// Links for a standalone page: nodes link to the `#` state that walks to them, articles to
    /// their `.html` name next to the page.
    public static func standalone(flow: Flow) -> FlowLinks {
        let graph = FlowGraph(flow)
        let name = flow.name
        let start = flow.startID
        let nodes = flow.nodes
        return FlowLinks(
            nodePage: { id in
                guard let path = graph.path(from: start, to: id) else { return "#" }
                return "#" + FlowState.hash(flowName: name, answers: FlowState.answerIndices(path: path, nodes: nodes))
            },
            article: { target in articleURL(target, fromPage: "index.html") })
    }

    /// The relative URL of a flow link target seen from `pagePath`: absolute URLs unchanged,
    /// `page.md#anchor` as the relative `page.html#anchor`.
    public static func articleURL(_ target: String, fromPage pagePath: String) -> String {
        if target.contains("://") || target.hasPrefix("mailto:") { return target }
        var path = target
        var fragment = ""
        if let hash = target.firstIndex(of: "#") {
            path = String(target[..<hash])
            fragment = String(target[hash...])
        }
        if SitePath.pathExtension(path) == "md" { path = SitePath.replacingExtension(of: path, with: "html") }
        return SitePath.relativeURL(from: pagePath, to: path) + fragment
    }
}

/// The walk state shared by the widget's script and the URL: the list of answers chosen from the
/// start, written in the hash as `#NAME=0.2.1` (answer indices).
public enum FlowState {
    /// The hash (without `#`) for a list of answer indices.
    public static func hash(flowName: String, answers: [Int]) -> String {
        flowName + "=" + answers.map(String.init).joined(separator: ".")
    }

    /// The answer indices that follow a path of node ids (the first answer to each next node).
    public static func answerIndices(path: [String], nodes: [FlowNode]) -> [Int] {
        zip(path, path.dropFirst()).compactMap { from, to in
            nodes.first { $0.id == from }?.answers.firstIndex { $0.targetID == to }
        }
    }
}
