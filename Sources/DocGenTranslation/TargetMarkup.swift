import DocGenContent
import DocGenCore
import DocGenMarkdown

/// Holds an imported translation to the markup of its English: a translator (or a vendor's
/// tool) may not bring raw HTML the English does not have, nor a link or image whose URL
/// `URLPolicy` refuses. Whatever the docset's own trust in raw HTML, imported text is always
/// held to this, since a target is written straight into the article.
enum TargetMarkup {
    /// Why the target's markup cannot replace the segment's, or `nil` when it can.
    static func problem(_ target: String, source: String) -> String? {
        guard target.contains(where: { $0 == "<" || $0 == ":" || $0 == "&" }) else { return nil }
        let targetMarkup = markup(of: target)
        if let url = targetMarkup.urls.first(where: { !URLPolicy.allows($0) }) {
            return "it links to '\(url.prefix(40))', whose scheme '\(URLPolicy.scheme(of: url) ?? ""):' is not allowed"
        }
        guard !targetMarkup.html.isEmpty else { return nil }
        var available = markup(of: source).html
        for tag in targetMarkup.html {
            guard let index = available.firstIndex(of: tag) else {
                return "it has raw HTML the English does not have ('\(tag.prefix(40))')"
            }
            available.remove(at: index)
        }
        return nil
    }

    /// The raw HTML tags (normalised: no surrounding space) and the link and image URLs of a text.
    private static func markup(of text: String) -> (html: [String], urls: [String]) {
        var html: [String] = []
        var urls: [String] = []
        var stack = [CMark.parse(text)]
        while let node = stack.popLast() {
            switch node.kind {
            case .htmlInline(let literal), .htmlBlock(let literal):
                for token in HTMLTagScanner.tokens(literal) {
                    switch token {
                    case .tag(_, let attributes, _, _, _, let raw):
                        html.append(raw)
                        urls += attributes.filter { HTMLSanitizer.urlAttributes.contains($0.name) }.compactMap(\.value)
                    case .markup(let raw, _): html.append(raw)
                    case .text: break
                    }
                }
            case .link(let destination, _): urls.append(destination)
            case .image(let source, _): urls.append(source)
            default: break
            }
            stack += node.children
        }
        return (html, urls)
    }
}
