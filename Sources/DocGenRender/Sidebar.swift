import DocGenCompile
import DocGenContent
import DocGenCore
import DocGenMarkdown
import Foundation

/// The sidebar's table of contents, rendered once per branch and shared by the pages on it.
///
/// A page's sidebar lists the top level and opens the branch that leads to it. Every page of one
/// folder and one branch (its siblings) gets the same list with the same relative URLs; only the
/// entry marked current differs. So the list is rendered once per language, output folder and
/// open branch, as fixed parts with a slot before each entry's class and link attributes, and a
/// page fills the slots of its own entry. The markup matches `partials/toc-node.mustache`,
/// which renders the complete tree of `toc.html`.
final class Sidebar: @unchecked Sendable {
    private let index: NavigationIndex
    private let labels: (Navigation.Node, Language) -> (label: String, lang: String?, note: String?)
    private let url: (Navigation.Node, String, Language) -> String?
    /// Each branch's rendering (pure), by language, output folder and open branch.
    private let cache = SharedMemo<Assembled>()

    /// A rendered branch: `parts.count == slots.count + 1`; slot `i` belongs to the entry at
    /// index path `slots[i].position` and is either its `class` suffix or its link attribute.
    struct Fragment {
        var parts: [String]
        var slots: [(position: [Int], isLink: Bool)]
    }

    /// A fragment as the pages use it: its parts joined, and each entry's slots as byte offsets
    /// into that text (the marks of one page are written there, the rest is copied in pieces).
    struct Assembled {
        let text: String
        let marks: [[Int]: [(offset: Int, isLink: Bool)]]

        init(_ fragment: Fragment) {
            var text = ""
            text.reserveCapacity(fragment.parts.reduce(0) { $0 + $1.utf8.count })
            var marks: [[Int]: [(offset: Int, isLink: Bool)]] = [:]
            for (offset, slot) in fragment.slots.enumerated() {
                text += fragment.parts[offset]
                marks[slot.position, default: []].append((text.utf8.count, slot.isLink))
            }
            text += fragment.parts[fragment.parts.count - 1]
            self.text = text
            self.marks = marks
        }
    }

    init(
        index: NavigationIndex, labels: @escaping (Navigation.Node, Language) -> (String, String?, String?),
        url: @escaping (Navigation.Node, String, Language) -> String?
    ) {
        self.index = index
        self.labels = labels
        self.url = url
    }

    /// The `<li>` entries of the sidebar of the page at `position` (empty when not listed).
    func html(position: [Int], outputPath: String, language: Language) -> String {
        let node = position.isEmpty ? nil : index.navigation.node(at: position)
        // The branch that is open: up to the page, and the page's own children if it has any.
        let open = node.map { $0.children.isEmpty ? Array(position.dropLast()) : position } ?? []
        let folder = SitePath.directory(of: outputPath)
        let key = language.code + "|" + folder + "|" + open.map(String.init).joined(separator: ".")
        let fragment = cache.value(key) { Assembled(render(open: open, outputPath: outputPath, language: language)) }
        guard !position.isEmpty, let marks = fragment.marks[position] else { return fragment.text }
        // A slot is always next to ASCII markup (`<li`, a closing quote), so every offset is a
        // character boundary of the text.
        let text = fragment.text
        var result = ""
        result.reserveCapacity(text.utf8.count + marks.count * 24)
        var cursor = text.utf8.startIndex
        for mark in marks {
            let index = text.utf8.index(text.utf8.startIndex, offsetBy: mark.offset)
            result += text[cursor..<index]
            result += mark.isLink ? " aria-current=\"page\"" : " class=\"toc-current\""
            cursor = index
        }
        result += text[cursor...]
        return result
    }

    private func render(open: [Int], outputPath: String, language: Language) -> Fragment {
        var fragment = Fragment(parts: [""], slots: [])
        func text(_ string: String) { fragment.parts[fragment.parts.count - 1] += string }
        // Escaped straight into the part, without a string of its own.
        func escaped(_ string: String) {
            HTMLEscaping.appendEscaped(string, to: &fragment.parts[fragment.parts.count - 1])
        }
        func slot(_ position: [Int], isLink: Bool) {
            fragment.slots.append((position, isLink))
            fragment.parts.append("")
        }
        func entries(_ nodes: [Navigation.Node], prefix: [Int]) {
            for (offset, node) in nodes.enumerated() {
                let path = prefix + [offset]
                let onBranch = open.starts(with: path)
                let hasChildren = !node.children.isEmpty
                let (label, lang, note) = labels(node, language)
                let langAttribute =
                    lang.map {
                        " lang=\"\(HTMLEscaping.escape($0))\""
                            + PageContext.directionAttribute(Language($0), inPage: language)
                    } ?? ""
                // Light markup, one line per entry: the style sheet finds entries as `.toc li`,
                // open sections by their <details>; a closed section (never the current entry) is a
                // plain link marked `toc-closed`, since an empty <details> would open on nothing
                // (the script swaps in the full tree from toc.html where it can).
                let isClosed = hasChildren && !onBranch
                text("<li")
                if isClosed { text(" class=\"toc-closed\"") } else { slot(path, isLink: false) }
                if let keywords = node.keywords, !keywords.isEmpty {
                    text(" data-keywords=\"")
                    escaped(keywords)
                    text("\"")
                }
                text(">")
                if hasChildren, !isClosed { text("<details open><summary>") }
                if let link = url(node, outputPath, language) {
                    text("<a href=\"")
                    escaped(link)
                    text("\"")
                    slot(path, isLink: true)
                    text(langAttribute)
                    text(">")
                    escaped(label)
                    text("</a>")
                } else {
                    text("<span class=\"toc-heading\"")
                    text(langAttribute)
                    text(">")
                    escaped(label)
                    text("</span>")
                }
                if let note {
                    text(" <span class=\"toc-untranslated\">(")
                    escaped(note)
                    text(")</span>")
                }
                if hasChildren, !isClosed {
                    text("</summary><ul>\n")
                    entries(node.children, prefix: path)
                    text("</ul></details>")
                }
                text("</li>\n")
            }
        }
        entries(index.navigation.roots, prefix: [])
        return fragment
    }
}
