import DocGenCore

/// Escaping for text, attribute values and URLs written into HTML.
public enum HTMLEscaping {
    /// Escapes `&`, `<`, `>` and `"` so the text is safe in element content and quoted attributes.
    public static func escape(_ text: String) -> String {
        escapeBytes(text, apostrophe: false)
    }

    /// Escapes as Mustache's `{{name}}` does (`&`, `<`, `>`, `"` and `'` as `&#39;`), byte for
    /// byte the same output as swift-mustache's own escaper, which walks `Character`s through a
    /// dictionary and was 5% of a build.
    public static func escapeMustache(_ text: String) -> String {
        escapeBytes(text, apostrophe: true)
    }

    /// Escapes on UTF-8 bytes (every byte escaped is ASCII, so multi-byte characters pass
    /// through untouched); a text with nothing to escape is returned as it is, unallocated.
    private static func escapeBytes(_ text: String, apostrophe: Bool) -> String {
        @inline(__always) func special(_ byte: UInt8) -> Bool {
            byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || (apostrophe && byte == 0x27)
        }
        var copy = text
        let escaped: String? = copy.withUTF8 { bytes in
            guard let first = bytes.firstIndex(where: special) else { return nil }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + 16)
            result.append(contentsOf: bytes[..<first])
            for byte in bytes[first...] {
                switch byte {
                case 0x26: result.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
                case 0x3C: result.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])  // &lt;
                case 0x3E: result.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])  // &gt;
                case 0x22: result.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])  // &quot;
                case 0x27 where apostrophe: result.append(contentsOf: [0x26, 0x23, 0x33, 0x39, 0x3B])  // &#39;
                default: result.append(byte)
                }
            }
            return String(decoding: result, as: UTF8.self)
        }
        return escaped ?? text
    }

    /// Percent-encodes what may not stand in an `href` (spaces, quotes, non-ASCII), keeping
    /// existing `%XX` escapes and URL punctuation, then escapes it for a quoted attribute.
    public static func escapeURL(_ url: String) -> String {
        @inline(__always) func isSafe(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || urlSafe[Int(byte)]
        }
        // Most URLs need no percent-encoding: only the attribute escaping then.
        guard !url.utf8.allSatisfy(isSafe) else { return escape(url) }
        let hex = Array("0123456789ABCDEF".utf8)
        var result: [UInt8] = []
        result.reserveCapacity(url.utf8.count * 2)
        for byte in url.utf8 {
            if isSafe(byte) {
                result.append(byte)
            } else {
                result += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return escape(String(decoding: result, as: UTF8.self))
    }

    /// The punctuation `escapeURL` keeps as it is, by byte value.
    private static let urlSafe: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in "-_.!~*'();/?:@&=+$,%#[]".utf8 { table[Int(byte)] = true }
        return table
    }()

    /// Disarms the raw HTML tags that GFM's tagfilter extension forbids (`<script>`, `<style>`,
    /// `<iframe>`, `<textarea>`, `<title>`, `<xmp>`, `<noembed>`, `<noframes>`, `<plaintext>`).
    public static func filterTags(_ html: String) -> String {
        guard html.containsByte(UInt8(ascii: "<")), mayHoldForbiddenTag(html) else { return html }
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

    /// Whether a tag name after some `<` (or `</`) may be one `filterTags` disarms: its ASCII
    /// letters spell one of them in any case, or non-ASCII bytes follow them (a name in other
    /// letters is answered by `filterTags` itself). Raw HTML of articles is nearly all spans,
    /// anchors and line breaks, returned as they are without walking their characters.
    private static func mayHoldForbiddenTag(_ html: String) -> Bool {
        var html = html
        return html.withUTF8 { bytes in
            var index = 0
            while let open = ByteSearch.firstIndex(
                of: UInt8(ascii: "<"), in: UnsafeBufferPointer(rebasing: bytes[index...]))
            {
                var cursor = index + open + 1
                if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "/") { cursor += 1 }
                var name: [UInt8] = []
                while cursor < bytes.count, name.count <= 9 {
                    let byte = bytes[cursor] | 0x20
                    guard byte >= UInt8(ascii: "a"), byte <= UInt8(ascii: "z"), bytes[cursor] >= 0x41 else { break }
                    name.append(byte)
                    cursor += 1
                }
                if cursor < bytes.count, bytes[cursor] >= 0x80 { return true }
                if forbiddenNames.contains(name) { return true }
                index = index + open + 1
                if index >= bytes.count { break }
            }
            return false
        }
    }

    /// The tag names `filterTags` disarms, as lower-case bytes.
    private static let forbiddenNames: Set<[UInt8]> = Set(
        ["title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "script", "plaintext"].map {
            Array($0.utf8)
        })
}
