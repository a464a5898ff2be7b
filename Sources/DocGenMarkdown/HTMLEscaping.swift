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

    /// Appends `text` escaped as `escape` escapes it to `output`, without an intermediate string.
    public static func appendEscaped(_ text: String, to output: inout String) {
        append(text, apostrophe: false, to: &output)
    }

    /// Appends `text` escaped as `escapeMustache` escapes it to `output`.
    public static func appendEscapedMustache(_ text: String, to output: inout String) {
        append(text, apostrophe: true, to: &output)
    }

    /// Escapes on UTF-8 bytes (every byte escaped is ASCII, so multi-byte characters pass
    /// through untouched); a text with nothing to escape is returned as it is, unallocated.
    private static func escapeBytes(_ text: String, apostrophe: Bool) -> String {
        // An empty string given a whole string takes it as it is (no copy).
        var result = ""
        append(text, apostrophe: apostrophe, to: &result)
        return result
    }

    /// The special bytes (`&`, `<`, `>`, `"`, and `'` for Mustache) as bits of one word: they
    /// are all below 0x40, so a byte is tested with a shift instead of four comparisons.
    @inline(__always) private static func mask(apostrophe: Bool) -> UInt64 {
        (1 << 0x26 | 1 << 0x3C | 1 << 0x3E | 1 << 0x22) | (apostrophe ? 1 << 0x27 : 0)
    }

    @inline(__always) private static func isSpecial(_ byte: UInt8, _ mask: UInt64) -> Bool {
        byte < 0x40 && mask & (1 << UInt64(byte)) != 0
    }

    /// Whether some byte of an 8-byte word may be one to escape: each special byte is looked for
    /// in all eight lanes at once (a lane equal to it becomes zero). Exact about "none"; a word
    /// that may hold one is then read byte by byte.
    @inline(__always) private static func mayHoldSpecial(_ word: UInt64, apostrophe: Bool) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZeroLane(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        return hasZeroLane(word ^ (ones &* 0x26)) || hasZeroLane(word ^ (ones &* 0x3C))
            || hasZeroLane(word ^ (ones &* 0x3E)) || hasZeroLane(word ^ (ones &* 0x22))
            || (apostrophe && hasZeroLane(word ^ (ones &* 0x27)))
    }

    /// Appends `text` escaped to `output`. The runs between special bytes are slices of `text`
    /// cut at ASCII bytes, so whole scalars, appended without decoding their bytes again.
    private static func append(_ text: String, apostrophe: Bool, to output: inout String) {
        let mask = mask(apostrophe: apostrophe)
        let utf8 = text.utf8
        let start = utf8.startIndex
        let done: Void? = utf8.withContiguousStorageIfAvailable { bytes in
            var runStart = 0
            var index = 0
            while index < bytes.count {
                // Eight bytes at a time while they hold nothing to escape (most of a text).
                if index + 8 <= bytes.count, let base = bytes.baseAddress,
                    !mayHoldSpecial(
                        UnsafeRawPointer(base).loadUnaligned(fromByteOffset: index, as: UInt64.self),
                        apostrophe: apostrophe)
                {
                    index += 8
                    continue
                }
                let end = min(index + 8, bytes.count)
                while index < end {
                    if isSpecial(bytes[index], mask) {
                        if runStart < index {
                            output += text[utf8.index(start, offsetBy: runStart)..<utf8.index(start, offsetBy: index)]
                        }
                        switch bytes[index] {
                        case 0x26: output += "&amp;"
                        case 0x3C: output += "&lt;"
                        case 0x3E: output += "&gt;"
                        case 0x22: output += "&quot;"
                        default: output += "&#39;"
                        }
                        runStart = index + 1
                    }
                    index += 1
                }
            }
            if runStart == 0 {
                output += text
            } else if runStart < bytes.count {
                output += text[utf8.index(start, offsetBy: runStart)...]
            }
        }
        if done == nil {
            // A string without contiguous UTF-8 (bridged): made contiguous first.
            var copy = text
            copy.makeContiguousUTF8()
            append(copy, apostrophe: apostrophe, to: &output)
        }
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
