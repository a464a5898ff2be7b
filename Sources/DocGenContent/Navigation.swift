import DocGenCore

/// The site's navigation tree, resolved from the TOC files: every node knows which page (by
/// content path) or URL it leads to, so the page stage only formats it.
public struct Navigation: Sendable, Codable {
    /// What a navigation node opens.
    public enum Target: Hashable, Sendable, Codable {
        /// A page of this site: its content path (`a.md`, `faq.yml`) and an optional `#fragment`/query suffix.
        case page(String, suffix: String)
        /// A URL outside the site (absolute, or root-relative like `/azure/…`).
        case external(String)
        /// A section heading with no page of its own.
        case none
    }

    /// One node of the tree.
    public struct Node: Hashable, Sendable, Codable {
        /// The label from the TOC (target language).
        public var name: String
        /// Where it leads.
        public var target: Target
        /// Hidden search keywords (`displayName`).
        public var keywords: String?
        /// Child nodes.
        public var children: [Node]
        /// Whether `name` reads the same in every language (a letter range such as "A–C"), so
        /// the English sidebar shows it as is.
        public var isLanguageNeutral = false

        /// Creates a node.
        public init(name: String, target: Target, keywords: String? = nil, children: [Node] = []) {
            self.name = name
            self.target = target
            self.keywords = keywords
            self.children = children
        }

        /// The content path of the page this node opens, if any.
        public var pagePath: String? {
            if case .page(let path, _) = target { return path }
            return nil
        }
    }

    /// The top-level nodes.
    public var roots: [Node]

    /// Creates a navigation tree.
    public init(roots: [Node]) { self.roots = roots }

    /// Every node that opens a page, depth first, with the indices leading to it. The order is
    /// the reading order used for previous/next links.
    public func flattened() -> [(path: [Int], node: Node)] {
        var result: [(path: [Int], node: Node)] = []
        func walk(_ nodes: [Node], prefix: [Int]) {
            for (index, node) in nodes.enumerated() {
                result.append((prefix + [index], node))
                walk(node.children, prefix: prefix + [index])
            }
        }
        walk(roots, prefix: [])
        return result
    }

    /// The node at an index path.
    public func node(at path: [Int]) -> Node? {
        var nodes = roots
        var current: Node?
        for index in path {
            guard nodes.indices.contains(index) else { return nil }
            current = nodes[index]
            nodes = nodes[index].children
        }
        return current
    }
}
