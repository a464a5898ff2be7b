import DocGenCore
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
                result.append(info(level: level, inlines: node.children))
                return
            }
            // A paragraph or a table holds inlines only: no heading is below it.
            switch node.kind {
            case .paragraph, .table: return
            default: node.children.forEach(walk)
            }
        }
        walk(root)
        return result
    }

    /// The outline entry of a heading of `level` whose children are `inlines`.
    static func info(level: Int, inlines: [MarkdownNode]) -> HeadingInfo {
        let (anchor, rest) = splitAnchor(inlines)
        return HeadingInfo(level: level, explicitID: anchor, text: trimmingSpaces(rest.map(\.plainText).joined()))
    }

    /// The ids for a document's headings: the explicit anchor, else the slug of `slugSource[i]`
    /// (the English text, so both languages share ids), made unique with `-1`, `-2`, …
    public static func ids(for headings: [HeadingInfo], slugSources: [String]? = nil) -> [String] {
        ids(for: headings, slugs: slugSources?.map(slug))
    }

    /// `ids(for:slugSources:)` with the slugs already made (`slugs[i]` is `slug(slugSources[i])`),
    /// so that two languages sharing the English slugs make them once.
    public static func ids(for headings: [HeadingInfo], slugs: [String]?) -> [String] {
        var used: [String: Int] = [:]
        var ids: [String] = []
        for (index, heading) in headings.enumerated() {
            var id = heading.explicitID ?? slugs?[safe: index] ?? slug(heading.text)
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
            case .htmlInline(let html), .htmlBlock(let html): collectAnchors(in: html, into: &result)
            default: node.children.forEach(walk)
            }
        }
        walk(root)
        return result
    }

    /// Adds the `name`/`id` values of the `<a>` anchors of one raw HTML text to `anchors`.
    static func collectAnchors(in html: String, into anchors: inout Set<String>) {
        guard mayHoldAnchor(html) else { return }
        let bytes = Array(html.utf8)
        var from = 0
        while let open = find(anchorOpening, in: bytes, from: from) {
            let tagEnd = bytes[open...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count
            if let id = anchorID(bytes[open..<tagEnd]) { anchors.insert(id) }
            from = tagEnd
        }
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
        var html = html
        return html.withUTF8 { bytes in
            // Each '<' is found by memchr: a segment span has one, at its start.
            var from = 0
            while from < bytes.count - 1,
                let open = ByteSearch.firstIndex(of: 0x3C, in: UnsafeBufferPointer(rebasing: bytes[from...]))
            {
                let next = from + open + 1
                guard next < bytes.count else { return false }
                if bytes[next] == 0x61 || bytes[next] == 0x41 { return true }
                from = next
            }
            return false
        }
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
        anchorID(Array(tag.utf8)[...])
    }

    /// `name="`, `name='`, `id="`, `id='`: what `anchorID` looks for, in order, made once.
    private static let anchorAttributePatterns: [[UInt8]] = ["name", "id"].flatMap { attribute in
        [UInt8(ascii: "\""), UInt8(ascii: "'")].map { Array((attribute + "=").utf8) + [$0] }
    }

    /// The opening of an anchor tag, for `collectAnchors`.
    private static let anchorOpening = Array("<a ".utf8)

    /// `anchorID(in:)` on the tag's UTF-8 bytes: the first `name="`, `name='`, `id="` or `id='`
    /// (in that order of preference, any ASCII case, anywhere in the tag) and the text up to its
    /// closing quote.
    static func anchorID(_ tag: ArraySlice<UInt8>) -> String? {
        let start = tag.startIndex
        guard tag.count >= 3, tag[start] == UInt8(ascii: "<"), tag[start + 1] | 0x20 == UInt8(ascii: "a"),
            tag[start + 2] == UInt8(ascii: " ") || tag[start + 2] == UInt8(ascii: "\t")
        else { return nil }
        let bytes = Array(tag)
        for pattern in anchorAttributePatterns {
            let quote = pattern[pattern.count - 1]
            if let found = find(pattern, in: bytes, from: 0) {
                let valueStart = found + pattern.count
                let valueEnd = bytes[valueStart...].firstIndex(of: quote) ?? bytes.count
                if valueEnd > valueStart { return String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self) }
            }
        }
        return nil
    }

    /// The first offset at or after `from` where `pattern` (ASCII, lower case) occurs in `bytes`,
    /// ASCII letters compared without case.
    private static func find(_ pattern: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard !pattern.isEmpty, bytes.count >= pattern.count else { return nil }
        var index = from
        while index <= bytes.count - pattern.count {
            var matched = 0
            while matched < pattern.count, lowered(bytes[index + matched]) == pattern[matched] { matched += 1 }
            if matched == pattern.count { return index }
            index += 1
        }
        return nil
    }

    @inline(__always) private static func lowered(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
