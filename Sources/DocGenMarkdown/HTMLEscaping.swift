/// Escaping for text, attribute values and URLs written into HTML.
public enum HTMLEscaping {
    /// Escapes `&`, `<`, `>` and `"` so the text is safe in element content and quoted attributes.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Percent-encodes what may not stand in an `href` (spaces, quotes, non-ASCII), keeping
    /// existing `%XX` escapes and URL punctuation, then escapes it for a quoted attribute.
    public static func escapeURL(_ url: String) -> String {
        let safe = Set("-_.!~*'();/?:@&=+$,%#[]".utf8)
        var result = ""
        for byte in url.utf8 {
            if (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || safe.contains(byte)
            {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return escape(result)
    }

    /// Disarms the raw HTML tags that GFM's tagfilter extension forbids (`<script>`, `<style>`,
    /// `<iframe>`, `<textarea>`, `<title>`, `<xmp>`, `<noembed>`, `<noframes>`, `<plaintext>`).
    public static func filterTags(_ html: String) -> String {
        guard html.contains("<") else { return html }
        let forbidden = ["title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "script", "plaintext"]
        var result = ""
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            result += rest[..<open]
            var name = rest[rest.index(after: open)...]
            if name.first == "/" { name = name.dropFirst() }
            let tag = name.prefix(while: { $0.isLetter }).lowercased()
            let next = name.dropFirst(tag.count).first
            let isForbidden =
                forbidden.contains(tag) && (next == nil || next == ">" || next == "/" || next!.isWhitespace)
            result += isForbidden ? "&lt;" : "<"
            rest = rest[rest.index(after: open)...]
        }
        return result + rest
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
