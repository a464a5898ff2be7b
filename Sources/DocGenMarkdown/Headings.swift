import Foundation

/// A heading of a document as seen by the outline and by id assignment.
public struct HeadingInfo: Sendable, Hashable {
    /// 1 to 6.
    public var level: Int
    /// The id given by a DocFX anchor (`# <a name="x"></a>Text` → `x`), if any.
    public var explicitID: String?
    /// The heading's plain text (anchor removed).
    public var text: String
}

/// Heading anchors and ids: DocFX `<a name>` anchors win; other headings get a slug of a text.
public enum Headings {
    /// The headings of a document in order.
    public static func collect(in root: MarkdownNode) -> [HeadingInfo] {
        var result: [HeadingInfo] = []
        func walk(_ node: MarkdownNode) {
            if case .heading(let level) = node.kind {
                let (anchor, rest) = splitAnchor(node.children)
                result.append(
                    HeadingInfo(
                        level: level, explicitID: anchor,
                        text: trimmingSpaces(rest.map(\.plainText).joined())))
                return
            }
            node.children.forEach(walk)
        }
        walk(root)
        return result
    }

    /// The ids for a document's headings: the explicit anchor, else the slug of `slugSource[i]`
    /// (the English text, so both languages share ids), made unique with `-1`, `-2`, …
    public static func ids(for headings: [HeadingInfo], slugSources: [String]? = nil) -> [String] {
        var used: [String: Int] = [:]
        var ids: [String] = []
        for (index, heading) in headings.enumerated() {
            var id = heading.explicitID ?? slug(slugSources?[safe: index] ?? heading.text)
            if id.isEmpty { id = "section" }
            if let count = used[id] {
                used[id] = count + 1
                id = "\(id)-\(count)"
            } else {
                used[id] = 1
            }
            ids.append(id)
        }
        return ids
    }

    /// A URL fragment made from text: lower case, accents folded, letters and digits kept, runs
    /// of anything else turned into one `-`.
    public static func slug(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en"))
        var result = ""
        var pendingDash = false
        for scalar in folded.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingDash, !result.isEmpty { result += "-" }
                pendingDash = false
                result.unicodeScalars.append(scalar)
            } else if scalar != "'" && scalar != "\u{2019}" {
                pendingDash = true
            }
        }
        return result
    }

    /// The `name`/`id` values of `<a>` anchors written as raw HTML anywhere in the document,
    /// which links may target besides heading ids.
    public static func htmlAnchors(in root: MarkdownNode) -> Set<String> {
        var result = Set<String>()
        func walk(_ node: MarkdownNode) {
            switch node.kind {
            case .htmlInline(let html), .htmlBlock(let html):
                guard mayHoldAnchor(html) else { return }
                var rest = Substring(html)
                while let open = rest.range(of: "<a ", options: .caseInsensitive) {
                    let tagEnd = rest[open.lowerBound...].firstIndex(of: ">") ?? rest.endIndex
                    if let id = anchorID(in: String(rest[open.lowerBound..<tagEnd])) { result.insert(id) }
                    rest = rest[tagEnd...]
                }
            default: node.children.forEach(walk)
            }
        }
        walk(root)
        return result
    }

    /// Splits a heading's inlines into a leading `<a name="x"></a>` anchor id and the rest.
    static func splitAnchor(_ inlines: [MarkdownNode]) -> (String?, [MarkdownNode]) {
        var rest = inlines[...]
        while let first = rest.first, case .text(let text) = first.kind, text.allSatisfy({ $0 == " " }) {
            rest = rest.dropFirst()
        }
        guard let first = rest.first, case .htmlInline(let tag) = first.kind, let id = anchorID(in: tag) else {
            return (nil, inlines)
        }
        rest = rest.dropFirst()
        if let next = rest.first, case .htmlInline(let close) = next.kind,
            close.lowercased().hasPrefix("</a")
        {
            rest = rest.dropFirst()
        }
        return (id, Array(rest))
    }

    /// Whether the HTML has `<a` or `<A` anywhere: most raw HTML of an article is segment spans,
    /// answered from their bytes before any case-insensitive search.
    static func mayHoldAnchor(_ html: String) -> Bool {
        var previous: UInt8 = 0
        for byte in html.utf8 {
            if previous == 0x3C && (byte == 0x61 || byte == 0x41) { return true }
            previous = byte
        }
        return false
    }

    /// The text without the spaces and tabs at its ends (`CharacterSet.whitespaces`: tab and
    /// the space separators; line breaks are kept).
    static func trimmingSpaces(_ text: String) -> String {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == " " || scalar == "\t" || (scalar.value >= 0x80 && scalar.properties.generalCategory == .spaceSeparator)
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return text }
        return String(scalars[first...last])
    }

    /// The value of `name` or `id` in an `<a …>` tag.
    static func anchorID(in tag: String) -> String? {
        // `<a ` or `<a\t`, any case, read from the first three bytes.
        var head = tag.utf8.makeIterator()
        guard head.next() == UInt8(ascii: "<"), let letter = head.next(), letter | 0x20 == UInt8(ascii: "a"),
            let space = head.next(), space == UInt8(ascii: " ") || space == UInt8(ascii: "\t")
        else { return nil }
        for attribute in ["name", "id"] {
            for quote in ["\"", "'"] {
                if let range = tag.range(of: "\(attribute)=\(quote)", options: .caseInsensitive) {
                    let value = tag[range.upperBound...].prefix(while: { String($0) != quote })
                    if !value.isEmpty { return String(value) }
                }
            }
        }
        return nil
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
