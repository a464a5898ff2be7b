/// The other DocFX block-quote markers: a styled division and an embedded video.
enum DocFXBlock {
    case div(classes: String)
    case video(url: String)
}

/// The DocFX alert kinds (`> [!NOTE]` and friends), rendered as labelled callouts.
public enum DocFXAlert: String, Sendable, CaseIterable, Hashable {
    case note = "NOTE"
    case tip = "TIP"
    case important = "IMPORTANT"
    case caution = "CAUTION"
    case warning = "WARNING"

    /// The alert a block quote opens with, and how many characters of its leading text the
    /// marker (`[!NOTE]` plus following spaces) takes; `nil` when it is an ordinary quote.
    static func detect(in blockQuote: MarkdownNode) -> (DocFXAlert, markerLength: Int)? {
        let leading = leadingText(of: blockQuote, limit: 16)
        let trimmed = leading.drop(while: { $0 == " " })
        guard trimmed.hasPrefix("[!"), let close = trimmed.firstIndex(of: "]") else { return nil }
        let name = trimmed[trimmed.index(trimmed.startIndex, offsetBy: 2)..<close].uppercased()
        guard let alert = DocFXAlert(rawValue: name) else { return nil }
        let afterMarker = trimmed[trimmed.index(after: close)...]
        let spaces = afterMarker.prefix(while: { $0 == " " }).count
        let length = leading.count - trimmed.count + trimmed.distance(from: trimmed.startIndex, to: close) + 1 + spaces
        return (alert, length)
    }

    /// The text a block quote opens with (its first paragraph's leading text nodes).
    static func leadingText(of blockQuote: MarkdownNode, limit: Int = 400) -> String {
        guard let paragraph = blockQuote.children.first, paragraph.kind == .paragraph else { return "" }
        var leading = ""
        for child in paragraph.children {
            guard case .text(let text) = child.kind else { break }
            leading += text
            if leading.count > limit { break }
        }
        return leading
    }

    /// A DocFX `> [!div class="…"]` or `> [!VIDEO url]` marker: what it asks for and its length.
    static func detectBlock(in blockQuote: MarkdownNode) -> (DocFXBlock, markerLength: Int)? {
        let leading = leadingText(of: blockQuote)
        let trimmed = leading.drop(while: { $0 == " " })
        guard trimmed.hasPrefix("[!"), let close = trimmed.firstIndex(of: "]") else { return nil }
        let inside = trimmed[trimmed.index(trimmed.startIndex, offsetBy: 2)..<close]
        let length = leading.count - trimmed.count + trimmed.distance(from: trimmed.startIndex, to: close) + 1
        let words = inside.split(separator: " ", maxSplits: 1)
        guard let keyword = words.first?.lowercased() else { return nil }
        let argument = words.count > 1 ? String(words[1]) : ""
        switch keyword {
        case "div":
            let classes = DocFXDirectives.parseAttributes(argument)["class"] ?? ""
            return (.div(classes: classes), length)
        case "video":
            return argument.isEmpty ? nil : (.video(url: argument.trimmingCharacters(in: .whitespaces)), length)
        default: return nil
        }
    }

    /// Whether a block quote opens with a marker that takes effect (an alert, `div` or video).
    public static func opensWithMarker(_ blockQuote: MarkdownNode) -> Bool {
        detect(in: blockQuote) != nil || detectBlock(in: blockQuote) != nil
    }

    /// The URL of a `> [!VIDEO url]` block quote, or `nil` for any other quote.
    public static func videoURL(in blockQuote: MarkdownNode) -> String? {
        guard case .video(let url)? = detectBlock(in: blockQuote)?.0 else { return nil }
        return url
    }

    /// Removes a `> [!VIDEO url]` marker from its quote, which then renders as an ordinary
    /// quote of what follows the marker (no player).
    public static func removeVideoMarker(from blockQuote: inout MarkdownNode) {
        guard case (.video, let length)? = detectBlock(in: blockQuote) else { return }
        blockQuote.children = strippingMarker(from: blockQuote, length: length)
    }

    /// The block quote's children with the `[!NOTE]` marker (and the line break after it) removed.
    static func strippingMarker(from blockQuote: MarkdownNode, length: Int) -> [MarkdownNode] {
        var children = blockQuote.children
        var paragraph = children[0]
        var remaining = length
        var inlines = paragraph.children
        while remaining > 0, let first = inlines.first, case .text(let text) = first.kind {
            if text.count <= remaining {
                remaining -= text.count
                inlines.removeFirst()
            } else {
                inlines[0].kind = .text(String(text.dropFirst(remaining)))
                remaining = 0
            }
        }
        while let first = inlines.first, first.kind == .softBreak || first.kind == .lineBreak {
            inlines.removeFirst()
        }
        paragraph.children = inlines
        if inlines.isEmpty { children.removeFirst() } else { children[0] = paragraph }
        return children
    }
}
