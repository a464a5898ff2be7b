/// A small tokenizer for the raw HTML an author writes in Markdown (cmark's `html_inline` and
/// `html_block` literals): it splits the text into tags, comments and text, and reads each tag's
/// name and attributes the way a browser's tokenizer does (quoted, unquoted and bare attributes,
/// `/` between attributes, any case). It does not build a tree: the sanitizer judges tag by tag.
public enum HTMLTagScanner {
    /// One attribute of a tag, with its value as written (character references not decoded).
    public struct Attribute: Hashable, Sendable {
        /// The name, lower-cased.
        public var name: String
        /// The value, or `nil` for a bare attribute (`<details open>`).
        public var value: String?
    }

    /// A piece of raw HTML.
    public enum Token: Hashable, Sendable {
        /// Text between tags, as written.
        case text(String)
        /// A start or end tag: its lower-cased name, attributes, whether it is `</name>`, the
        /// UTF-8 offset where it starts in the scanned text and the tag as written.
        case tag(name: String, attributes: [Attribute], isEnd: Bool, selfClosing: Bool, offset: Int, raw: String)
        /// A comment, doctype, CDATA section or processing instruction, as written, with its offset.
        case markup(String, offset: Int)
    }

    /// The tokens of `html`, in order. Text that only looks like a tag (`a < b`) stays text.
    public static func tokens(_ html: String) -> [Token] {
        let bytes = Array(html.utf8)
        var tokens: [Token] = []
        var textStart = 0
        var index = 0
        func flushText(upTo end: Int) {
            if end > textStart { tokens.append(.text(String(decoding: bytes[textStart..<end], as: UTF8.self))) }
        }
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<"), index + 1 < bytes.count else {
                index += 1
                continue
            }
            let next = bytes[index + 1]
            if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
                flushText(upTo: index)
                let end = markupEnd(bytes, from: index)
                tokens.append(.markup(String(decoding: bytes[index..<end], as: UTF8.self), offset: index))
                index = end
                textStart = end
            } else if isLetter(next)
                || (next == UInt8(ascii: "/") && index + 2 < bytes.count && isLetter(bytes[index + 2]))
            {
                flushText(upTo: index)
                let (token, end) = tag(bytes, from: index)
                tokens.append(token)
                index = end
                textStart = end
            } else {
                index += 1
            }
        }
        flushText(upTo: bytes.count)
        return tokens
    }

    /// A start tag written from its parts: lower-case name, values double-quoted with `"`, `<`
    /// and `>` escaped (character references are kept for the browser to decode).
    public static func write(name: String, _ attributes: [Attribute], _ selfClosing: Bool) -> String {
        var output = "<" + name
        for attribute in attributes {
            output += " " + attribute.name
            if let value = attribute.value { output += "=\"" + escapeAttribute(value) + "\"" }
        }
        return output + (selfClosing ? " />" : ">")
    }

    /// An attribute value as written (references kept, as the browser will decode them), with
    /// only what would end or confuse a double-quoted value escaped.
    private static func escapeAttribute(_ value: String) -> String {
        var output = ""
        for character in value {
            switch character {
            case "\"": output += "&quot;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            default: output.append(character)
            }
        }
        return output
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    /// Where a `<!…>` or `<?…>` construct ends: after `-->` for a comment, after `>` otherwise.
    private static func markupEnd(_ bytes: [UInt8], from start: Int) -> Int {
        let isComment =
            start + 3 < bytes.count && bytes[start + 2] == UInt8(ascii: "-") && bytes[start + 3] == UInt8(ascii: "-")
        var index = start + 2
        while index < bytes.count {
            if isComment {
                if bytes[index] == UInt8(ascii: ">"), index >= start + 4,
                    bytes[index - 1] == UInt8(ascii: "-"), bytes[index - 2] == UInt8(ascii: "-")
                {
                    return index + 1
                }
            } else if bytes[index] == UInt8(ascii: ">") {
                return index + 1
            }
            index += 1
        }
        return bytes.count
    }

    /// Reads a tag starting at `start` (a `<`), to just after its `>` or the end of the text.
    private static func tag(_ bytes: [UInt8], from start: Int) -> (Token, Int) {
        var index = start + 1
        let isEnd = bytes[index] == UInt8(ascii: "/")
        if isEnd { index += 1 }
        let nameStart = index
        while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: "/"),
            bytes[index] != UInt8(ascii: ">")
        {
            index += 1
        }
        let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
        var attributes: [Attribute] = []
        var selfClosing = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ">") { return (token(end: index + 1), index + 1) }
            if isSpace(byte) || byte == UInt8(ascii: "/") {
                selfClosing = byte == UInt8(ascii: "/")
                index += 1
                continue
            }
            selfClosing = false
            // An attribute name runs to a space, '/', '>' or '=' (a leading '=' belongs to it).
            let attributeStart = index
            index += 1
            while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: "/"),
                bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "=")
            {
                index += 1
            }
            let attributeName = String(decoding: bytes[attributeStart..<index], as: UTF8.self).lowercased()
            var probe = index
            while probe < bytes.count, isSpace(bytes[probe]) { probe += 1 }
            guard probe < bytes.count, bytes[probe] == UInt8(ascii: "=") else {
                attributes.append(Attribute(name: attributeName, value: nil))
                continue
            }
            index = probe + 1
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            var value = ""
            if index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                let quote = bytes[index]
                let valueStart = index + 1
                index = valueStart
                while index < bytes.count, bytes[index] != quote { index += 1 }
                value = String(decoding: bytes[valueStart..<index], as: UTF8.self)
                if index < bytes.count { index += 1 }
            } else {
                let valueStart = index
                while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                value = String(decoding: bytes[valueStart..<index], as: UTF8.self)
            }
            attributes.append(Attribute(name: attributeName, value: value))
        }
        return (token(end: bytes.count), bytes.count)

        func token(end: Int) -> Token {
            .tag(
                name: name, attributes: attributes, isEnd: isEnd, selfClosing: selfClosing, offset: start,
                raw: String(decoding: bytes[start..<end], as: UTF8.self))
        }
    }
}
