import DocGenCompile
import DocGenContent
import DocGenCore

/// Builds the navigation furniture of a page as Mustache data: sidebar, breadcrumbs, previous
/// and next. The sidebar lists the top level and opens only the branch of the current page, so
/// its size follows the tree's depth and each page costs the same however large the site is;
/// the complete tree is one page per language (`toc.html`), which the script loads to expand.
struct Furniture {
    let index: NavigationIndex
    let paths: PagePaths
    let theme: Theme
    /// Content path → (target title, source title), for English labels.
    let titles: [String: (target: String, source: String?)]
    /// Where root-relative links such as `/azure/…` lead, if configured.
    let rootLinkBase: String?
    /// The sidebar lists, rendered once per branch.
    private let sidebar: Sidebar

    init(
        index: NavigationIndex, paths: PagePaths, theme: Theme, titles: [String: (target: String, source: String?)],
        rootLinkBase: String?
    ) {
        self.index = index
        self.paths = paths
        self.theme = theme
        self.titles = titles
        self.rootLinkBase = rootLinkBase
        let labels = Labels(paths: paths, theme: theme, titles: titles)
        let urls = URLs(paths: paths, rootLinkBase: rootLinkBase)
        self.sidebar = Sidebar(
            index: index,
            labels: { node, language in labels.parts(node, language: language) },
            url: { node, outputPath, language in urls.url(node, from: outputPath, language: language) })
    }

    /// The furniture of the page for `pagePath` (a content path) at `outputPath` in `language`.
    func context(forPage pagePath: String?, outputPath: String, language: Language) -> [String: Any] {
        let position = pagePath.flatMap { index.position(of: $0) } ?? []
        var result: [String: Any] = [
            "sidebarHTML": sidebar.html(position: position, outputPath: outputPath, language: language),
            "hasSidebar": !index.navigation.roots.isEmpty,
            "tocURL": SitePath.relativeURL(from: outputPath, to: language.code + "/toc.html"),
        ]
        if !position.isEmpty {
            let ancestry = index.ancestry(of: position)
            let crumbs = ancestry.dropLast().map { node -> [String: Any] in
                var crumb: [String: Any] = ["labelLang": false, "labelDir": false, "url": false]
                crumb.merge(label(node, language: language)) { $1 }
                // A section without a page is plain text, not an empty link.
                if let link = url(node, from: outputPath, language: language) { crumb["url"] = link }
                return crumb
            }
            result["breadcrumbs"] = crumbs
            // The TOC branch, as search results show it ("Billing › Invoices").
            let section = crumbs.compactMap { $0["label"] as? String }.joined(separator: " › ")
            if !section.isEmpty { result["searchSection"] = section }
        }
        if let pagePath {
            let (previous, next) = index.neighbours(of: pagePath)
            if let previous { result["previous"] = pageLink(previous, from: outputPath, language: language) }
            if let next { result["next"] = pageLink(next, from: outputPath, language: language) }
            result["hasPager"] = previous != nil || next != nil
        }
        return result
    }

    /// The whole tree, every branch open: the body of `toc.html`.
    func fullTree(outputPath: String, language: Language) -> [[String: Any]] {
        nodes(index.navigation.roots, prefix: [], current: nil, outputPath: outputPath, language: language)
    }

    private func nodes(
        _ list: [Navigation.Node], prefix: [Int], current: [Int]?, outputPath: String, language: Language
    )
        -> [[String: Any]]
    {
        list.enumerated().map { offset, node in
            let path = prefix + [offset]
            let onBranch = current.map { $0.starts(with: path) } ?? true
            let isCurrent = current == path
            // Every key the partial reads is set, false when absent: Mustache would otherwise look
            // it up in the enclosing entry, and a child with a source title would inherit its
            // untitled section's `lang` and "target only" note.
            var entry: [String: Any] = ["labelLang": false, "labelDir": false, "untranslatedNote": false]
            entry.merge(label(node, language: language)) { $1 }
            let link = url(node, from: outputPath, language: language)
            entry["url"] = link ?? ""
            entry["hasURL"] = link != nil
            entry["isCurrent"] = isCurrent
            entry["hasChildren"] = !node.children.isEmpty
            entry["isOpen"] = onBranch && !node.children.isEmpty
            let children =
                onBranch
                ? nodes(node.children, prefix: path, current: current, outputPath: outputPath, language: language) : []
            entry["children"] = children
            entry["showChildren"] = !children.isEmpty
            entry["keywords"] = node.keywords ?? ""
            entry["isExternal"] = { if case .external = node.target { return true } else { return false } }()
            return entry
        }
    }

    private func label(_ node: Navigation.Node, language: Language) -> [String: Any] {
        Labels(paths: paths, theme: theme, titles: titles).label(node, language: language)
    }

    private func url(_ node: Navigation.Node, from outputPath: String, language: Language) -> String? {
        URLs(paths: paths, rootLinkBase: rootLinkBase).url(node, from: outputPath, language: language)
    }

    private func pageLink(_ page: String, from outputPath: String, language: Language) -> [String: Any] {
        let title =
            paths.side(for: language) == .source ? (titles[page]?.source ?? titles[page]?.target) : titles[page]?.target
        return [
            "title": title ?? page,
            "url": SitePath.relativeURL(from: outputPath, to: paths.page(forArticle: page, in: language)),
            "untranslated": paths.side(for: language) == .source && titles[page]?.source == nil,
        ]
    }
}

/// A navigation node's label in a language: English pages use the linked article's English
/// title; a label with no English is marked with the target language.
private struct Labels {
    let paths: PagePaths
    let theme: Theme
    let titles: [String: (target: String, source: String?)]

    func label(_ node: Navigation.Node, language: Language) -> [String: Any] {
        let (label, lang, note) = parts(node, language: language)
        guard let lang else { return ["label": label] }
        var values: [String: Any] = ["label": label, "labelLang": lang, "untranslated": true]
        if paths.targetLanguage.direction != language.direction { values["labelDir"] = paths.targetLanguage.direction }
        if let note { values["untranslatedNote"] = note }
        return values
    }

    /// The label, the language it is in when not the page's (the target language, for a label
    /// with no English), and the note saying so (none on external links). The sidebar reads
    /// these directly, without a dictionary per entry.
    func parts(_ node: Navigation.Node, language: Language) -> (label: String, lang: String?, note: String?) {
        guard paths.side(for: language) == .source, !node.isLanguageNeutral else { return (node.name, nil, nil) }
        if let page = node.pagePath, let title = titles[page]?.source { return (title, nil, nil) }
        if case .external = node.target { return (node.name, paths.targetLanguage.code, nil) }
        return (node.name, paths.targetLanguage.code, theme.string("englishMissing", language))
    }
}

/// Where a navigation node leads, relative to a page.
private struct URLs {
    let paths: PagePaths
    let rootLinkBase: String?

    func url(_ node: Navigation.Node, from outputPath: String, language: Language) -> String? {
        switch node.target {
        case .page(let page, let suffix):
            return SitePath.relativeURL(from: outputPath, to: paths.page(forArticle: page, in: language)) + suffix
        case .external(let url):
            if url.hasPrefix("/"), !url.hasPrefix("//"), let base = rootLinkBase { return base + url }
            return url
        case .none: return nil
        }
    }
}
