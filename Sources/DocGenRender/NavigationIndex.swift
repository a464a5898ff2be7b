import DocGenContent
import DocGenCore

/// Precomputed lookups over the navigation so each page's furniture costs time proportional to
/// its depth in the tree, not to the size of the site: where a page sits, its previous and next
/// pages in reading order, and labels in both languages.
public struct NavigationIndex: Sendable {
    /// The navigation tree.
    public let navigation: Navigation
    /// For each page's content path, the index path of its first node.
    private let positions: [String: [Int]]
    /// The pages in reading order (each once).
    private let order: [String]
    private let orderIndex: [String: Int]

    /// Indexes a navigation tree.
    public init(_ navigation: Navigation) {
        self.navigation = navigation
        var positions: [String: [Int]] = [:]
        var order: [String] = []
        for (path, node) in navigation.flattened() {
            guard let page = node.pagePath, positions[page] == nil else { continue }
            positions[page] = path
            order.append(page)
        }
        self.positions = positions
        self.order = order
        self.orderIndex = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The index path of a page in the tree, if it is listed.
    public func position(of page: String) -> [Int]? { positions[page] }

    /// The page before and after `page` in reading order.
    public func neighbours(of page: String) -> (previous: String?, next: String?) {
        guard let index = orderIndex[page] else { return (nil, nil) }
        return (index > 0 ? order[index - 1] : nil, index + 1 < order.count ? order[index + 1] : nil)
    }

    /// The nodes from the top of the tree down to (and including) the node at `path`.
    public func ancestry(of path: [Int]) -> [Navigation.Node] {
        (1...max(path.count, 1)).compactMap { navigation.node(at: Array(path.prefix($0))) }
    }

    /// Every page in reading order.
    public var readingOrder: [String] { order }
}
