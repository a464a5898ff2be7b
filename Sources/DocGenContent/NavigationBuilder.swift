import DocGenCore
import Foundation

/// Resolves the docset's TOC files into one `Navigation`: nested TOC references are embedded,
/// `href: folder/` leads to the folder's first page, hrefs are checked against the pages that
/// exist, and a folder without a TOC gets one derived from its pages and titles.
public struct NavigationBuilder {
    /// Every parsed TOC file by content path.
    public let tocs: [String: TableOfContents]
    /// Every page of the site (articles and YAML pages) by content path, with its target title.
    public let pageTitles: [String: String]

    /// Page paths by their lower-cased spelling, for hrefs that differ only in case.
    private let pagesByLowercasedPath: [String: String]
    /// The pages by folder, for folders without a TOC.
    private let folders: PageFolderIndex

    /// Creates a builder.
    public init(tocs: [TableOfContents], pageTitles: [String: String]) {
        self.tocs = Dictionary(tocs.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        self.pageTitles = pageTitles
        self.pagesByLowercasedPath = Dictionary(
            pageTitles.keys.map { ($0.lowercased(), $0) }, uniquingKeysWith: { a, b in min(a, b) })
        self.folders = PageFolderIndex(pageTitles)
    }

    /// The navigation of the whole site: the root TOC's, or one derived from the folders.
    public func build() -> (Navigation, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let root = tocFile(inFolder: "")
        var roots: [Navigation.Node]
        if let root {
            var visiting: Set<String> = []
            roots = resolve(tocs[root]!, visiting: &visiting, diagnostics: &diagnostics)
        } else {
            roots = derived(folder: "")
        }
        var lifted: String?
        roots = roots.map { Self.capped($0, depth: 1, lifted: &lifted) }
        if let lifted {
            diagnostics.append(
                .warning(
                    "docgen.toc.too-deep", at: root.map { SourceLocation(path: $0, line: 1) },
                    "the table of contents nests more than \(Self.maximumDepth) levels (from '\(lifted)'); deeper entries are listed flat under their last ancestor",
                    fix: "nest entries and folders a few levels deep at most"))
        }
        return (Navigation(roots: roots), diagnostics)
    }

    /// How deep the navigation may nest: sidebars and the TOC page are rendered by recursive
    /// templates, so the depth must not follow the input's (nested TOC files or 500 levels of `items`).
    static let maximumDepth = 24

    /// `node` with every descendant past `maximumDepth` lifted, in reading order, into the
    /// children of its ancestor at that depth; `lifted` names the first entry lifted.
    static func capped(_ node: Navigation.Node, depth: Int, lifted: inout String?) -> Navigation.Node {
        var node = node
        guard depth < maximumDepth else {
            var flat: [Navigation.Node] = []
            var stack = Array(node.children.reversed())
            while var next = stack.popLast() {
                stack += next.children.reversed()
                if !next.children.isEmpty, lifted == nil { lifted = next.children[0].name }
                next.children = []
                flat.append(next)
            }
            node.children = flat
            return node
        }
        node.children = node.children.map { capped($0, depth: depth + 1, lifted: &lifted) }
        return node
    }

    private func tocFile(inFolder folder: String) -> String? {
        let prefix = folder.isEmpty ? "" : folder + "/"
        for name in ["TOC.yml", "toc.yml", "TOC.yaml", "toc.yaml", "TOC.md", "toc.md"] where tocs[prefix + name] != nil
        {
            return prefix + name
        }
        return nil
    }

    private func resolve(_ toc: TableOfContents, visiting: inout Set<String>, diagnostics: inout [Diagnostic])
        -> [Navigation.Node]
    {
        guard visiting.insert(toc.path).inserted else {
            diagnostics.append(
                .warning(
                    "docgen.toc.cycle", at: SourceLocation(path: toc.path, line: 1),
                    "this TOC includes itself through nested TOC references; the repeated reference is left out",
                    fix: "remove the href that points back to an enclosing TOC"))
            return []
        }
        defer { visiting.remove(toc.path) }
        let folder = SitePath.directory(of: toc.path)
        return toc.entries.map { node(for: $0, folder: folder, visiting: &visiting, diagnostics: &diagnostics) }
    }

    private func node(for entry: TOCEntry, folder: String, visiting: inout Set<String>, diagnostics: inout [Diagnostic])
        -> Navigation.Node
    {
        var children = entry.items.map { node(for: $0, folder: folder, visiting: &visiting, diagnostics: &diagnostics) }
        var target = Navigation.Target.none
        if let href = entry.href {
            let (path, suffix) = Self.split(href)
            if !URLPolicy.allows(href) {
                diagnostics.append(
                    URLPolicy.unsafeDiagnostic(href, what: "TOC entry '\(entry.name)' href", at: entry.location))
            } else if Self.isExternal(href) {
                target = .external(href)
            } else if let resolved = SitePath.resolve(path, relativeTo: folder) {
                if TableOfContents.isTOCFile(resolved), let toc = tocs[resolved] {
                    children += resolve(toc, visiting: &visiting, diagnostics: &diagnostics)
                } else if path.hasSuffix("/") || (pageTitles[resolved] == nil && isFolder(resolved)) {
                    if let nested = tocFile(inFolder: resolved), children.isEmpty {
                        children = resolve(tocs[nested]!, visiting: &visiting, diagnostics: &diagnostics)
                    }
                    if let first = firstPage(inFolder: resolved) { target = .page(first, suffix: suffix) }
                } else if let page = page(for: resolved) {
                    target = .page(page, suffix: suffix)
                } else if let page = pageIgnoringCase(for: resolved) {
                    // Case-insensitive hosts (where DocFX docsets are often built) forgive this; static hosts do not.
                    target = .page(page, suffix: suffix)
                    diagnostics.append(
                        .warning(
                            "docgen.toc.case-mismatch", at: entry.location,
                            "TOC entry '\(entry.name)' points at '\(href)', but the file is spelled '\(page)'",
                            fix: "write the href with the file's exact case"))
                } else {
                    diagnostics.append(missing(entry, href: href))
                }
            } else {
                diagnostics.append(missing(entry, href: href))
            }
        }
        if let topicHref = entry.topicHref, case .none = target, !Self.isExternal(topicHref),
            let resolved = SitePath.resolve(Self.split(topicHref).0, relativeTo: folder), let page = page(for: resolved)
        {
            target = .page(page, suffix: "")
        }
        return Navigation.Node(name: entry.name, target: target, keywords: entry.keywords, children: children)
    }

    private func page(for path: String) -> String? {
        if pageTitles[path] != nil { return path }
        for candidate in [path + ".md", path + ".yml", path + "/index.md", path + "/index.yml"]
        where pageTitles[candidate] != nil {
            return candidate
        }
        return nil
    }

    private func pageIgnoringCase(for path: String) -> String? {
        for candidate in [path, path + ".md", path + ".yml"] {
            if let page = pagesByLowercasedPath[candidate.lowercased()] { return page }
        }
        return nil
    }

    private func isFolder(_ path: String) -> Bool {
        let prefix = path.isEmpty ? "" : path + "/"
        return pageTitles.keys.contains { $0.hasPrefix(prefix) } || tocs.keys.contains { $0.hasPrefix(prefix) }
    }

    /// The page a folder link opens: its TOC's first page, else its index, else its first page by name.
    private func firstPage(inFolder folder: String) -> String? {
        if let toc = tocFile(inFolder: folder) {
            var visiting: Set<String> = []
            var ignored: [Diagnostic] = []
            let nodes = resolve(tocs[toc]!, visiting: &visiting, diagnostics: &ignored)
            if let first = Navigation(roots: nodes).flattened().first(where: { $0.node.pagePath != nil }) {
                return first.node.pagePath
            }
        }
        let prefix = folder.isEmpty ? "" : folder + "/"
        if let index = page(for: prefix + "index") { return index }
        if let smallest = folders.smallestPath(under: folder) { return smallest }
        return pageTitles.keys.filter { $0.hasPrefix(prefix) }.sorted().first
    }

    /// A navigation for a folder without a TOC: its pages by title, then its subfolders.
    func derived(folder: String) -> [Navigation.Node] {
        let prefix = folder.isEmpty ? "" : folder + "/"
        var pages: [Navigation.Node] = []
        var subfolders = Set<String>()
        if let direct = folders.pages(in: folder), let below = folders.subfolders(of: folder) {
            pages = direct.map { Navigation.Node(name: $0.title, target: .page($0.path, suffix: "")) }
            subfolders = below
        } else {
            for (path, title) in pageTitles where path.hasPrefix(prefix) {
                let rest = path.dropFirst(prefix.count)
                if let slash = rest.firstIndex(of: "/") {
                    subfolders.insert(prefix + rest[..<slash])
                } else {
                    pages.append(Navigation.Node(name: title, target: .page(path, suffix: "")))
                }
            }
        }
        pages.sort {
            ($0.pagePath?.hasSuffix("index.md") == true ? 0 : 1, $0.name, $0.pagePath ?? "") < (
                $1.pagePath?.hasSuffix("index.md") == true ? 0 : 1, $1.name, $1.pagePath ?? ""
            )
        }
        let sections = subfolders.sorted().map { sub -> Navigation.Node in
            var visiting: Set<String> = []
            var ignored: [Diagnostic] = []
            let children =
                tocFile(inFolder: sub).map { resolve(tocs[$0]!, visiting: &visiting, diagnostics: &ignored) }
                ?? derived(folder: sub)
            let name =
                sub.split(separator: "/").last.map { $0.replacingOccurrences(of: "-", with: " ").capitalized } ?? sub
            let target = firstPage(inFolder: sub).map { Navigation.Target.page($0, suffix: "") } ?? .none
            return Navigation.Node(name: name, target: target, children: children)
        }
        let indexPages = pages.filter { $0.pagePath?.hasSuffix("index.md") == true }
        let others = pages.filter { $0.pagePath?.hasSuffix("index.md") != true }
        return indexPages + (others.count > Self.longestFlatList ? Self.letterGroups(others) : others) + sections
    }

    /// A derived folder list longer than this is split into letter groups, so that a page's
    /// sidebar, which opens only its own group, does not carry every page of a large folder.
    static let longestFlatList = 40
    /// The size letter groups are merged up to ("A–C" rather than "A", "B", "C").
    static let groupSize = 25

    /// Pages grouped by the first letter of their title (accents folded; digits and signs under
    /// "#"), neighbouring letters merged while a group stays within `groupSize`; a letter with
    /// more pages than that is cut into runs named by their first two letters ("Ac–Ag").
    static func letterGroups(_ pages: [Navigation.Node]) -> [Navigation.Node] {
        func folded(_ name: String, _ length: Int) -> String {
            let start = name.trimmingCharacters(in: .whitespaces).prefix(length)
            let text = start.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
            return text.prefix(1).uppercased() + text.dropFirst().lowercased()
        }
        var buckets: [String: [Navigation.Node]] = [:]
        for page in pages {
            let letter = folded(page.name, 1)
            buckets[letter.first?.isLetter == true ? letter : "#", default: []].append(page)
        }
        var groups: [(first: String, last: String, pages: [Navigation.Node])] = []
        for key in buckets.keys.sorted() {
            // In a group, titles read in dictionary order: case and accents do not split them.
            // (The folded key is computed once per page, not once per comparison.)
            let bucket = buckets[key]!.map { (key: folded($0.name, .max).lowercased(), node: $0) }.sorted {
                ($0.key, $0.node.name, $0.node.pagePath ?? "") < ($1.key, $1.node.name, $1.node.pagePath ?? "")
            }.map(\.node)
            if bucket.count > groupSize {
                for start in stride(from: 0, to: bucket.count, by: groupSize) {
                    let run = Array(bucket[start..<min(start + groupSize, bucket.count)])
                    let (first, last) = distinctPrefixes(run[0].name, run[run.count - 1].name)
                    groups.append((first, last, run))
                }
            } else if let last = groups.last, last.first.count == 1, last.pages.count + bucket.count <= groupSize {
                groups[groups.count - 1] = (last.first, key, last.pages + bucket)
            } else {
                groups.append((key, key, bucket))
            }
        }
        return groups.map { group in
            var node = Navigation.Node(
                name: group.first == group.last ? group.first : group.first + "–" + group.last, target: .none,
                children: group.pages)
            node.isLanguageNeutral = true
            return node
        }
    }

    /// The shortest beginnings (two characters at least) that tell two titles apart, as written.
    static func distinctPrefixes(_ a: String, _ b: String) -> (String, String) {
        let a = a.trimmingCharacters(in: .whitespaces)
        let b = b.trimmingCharacters(in: .whitespaces)
        var length = 2
        while length < 40, a.prefix(length) == b.prefix(length), length < max(a.count, b.count) { length += 1 }
        return (
            String(a.prefix(length)).trimmingCharacters(in: .whitespaces),
            String(b.prefix(length)).trimmingCharacters(in: .whitespaces)
        )
    }

    private func missing(_ entry: TOCEntry, href: String) -> Diagnostic {
        .warning(
            "docgen.toc.missing-target", at: entry.location,
            "TOC entry '\(entry.name)' points at '\(href)', which is not a page of the docset",
            fix: "correct the href, relative to the TOC file")
    }

    static func isExternal(_ href: String) -> Bool {
        if href.hasPrefix("/") || href.hasPrefix("//") { return true }
        guard let colon = href.firstIndex(of: ":") else { return false }
        return href[..<colon].allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
    }

    static func split(_ href: String) -> (String, String) {
        guard let index = href.firstIndex(where: { $0 == "?" || $0 == "#" }) else { return (href, "") }
        return (String(href[..<index]), String(href[index...]))
    }
}
