import DocGenCore

/// Rewrites DocFX triple-colon directives into CommonMark before parsing, keeping a source map:
/// `:::flow name="…":::` embeds the flowchart of that name, `:::image …:::` becomes a Markdown
/// image (linked to its lightbox target, followed by its long
/// description in `<details>` for `type="complex"`), `:::no-loc text="…":::` becomes its text, and
/// any other directive is dropped with a warning.
public enum DocFXDirectives {
    /// A problem found while rewriting, at a byte offset of the input text.
    public struct Issue: Sendable, Hashable {
        /// The byte offset of the directive in the input.
        public var offset: Int
        /// The diagnostic, without a location (the caller knows the file).
        public var diagnostic: Diagnostic

        /// Creates an issue at an input offset.
        public init(offset: Int, diagnostic: Diagnostic) {
            self.offset = offset
            self.diagnostic = diagnostic
        }
    }

    /// The rewritten text, its map back to the input, and the problems found.
    public struct Result: Sendable {
        /// CommonMark text with no triple-colon directive left.
        public var text: String
        /// Maps offsets of `text` to offsets of the input.
        public var map: SourceMap
        /// Unsupported or malformed directives.
        public var issues: [Issue]
    }

    /// Rewrites every directive of `markdown`. `descriptionLabel` titles the long description of
    /// complex images (for example "Description détaillée").
    public static func rewrite(_ markdown: String, descriptionLabel: String = "Description") -> Result {
        guard markdown.containsBytes(":::") else {
            return Result(text: markdown, map: .identity, issues: [])
        }
        let bytes = Array(markdown.utf8)
        var builder = MappedTextBuilder()
        var issues: [Issue] = []
        var copied = 0
        var index = 0
        var fence: UInt8?
        var lineStart = true
        while index < bytes.count {
            if lineStart {
                let firstNonSpace = bytes[index...].firstIndex { $0 != UInt8(ascii: " ") } ?? bytes.count
                if firstNonSpace + 2 < bytes.count,
                    bytes[firstNonSpace] == UInt8(ascii: "`") || bytes[firstNonSpace] == UInt8(ascii: "~"),
                    bytes[firstNonSpace + 1] == bytes[firstNonSpace], bytes[firstNonSpace + 2] == bytes[firstNonSpace]
                {
                    fence = fence == nil ? bytes[firstNonSpace] : (fence == bytes[firstNonSpace] ? nil : fence)
                }
            }
            lineStart = bytes[index] == UInt8(ascii: "\n")
            guard fence == nil, bytes[index] == UInt8(ascii: ":"), startsWith(bytes, ":::", at: index),
                let close = findClose(bytes, from: index + 3)
            else {
                index += 1
                continue
            }
            let inner = String(decoding: bytes[(index + 3)..<close], as: UTF8.self)
            let name = String(inner.prefix(while: { $0.isLetter || $0 == "-" }))
            let attributes = parseAttributes(String(inner.dropFirst(name.count)))
            builder.appendVerbatim(bytes[copied..<index], from: copied)
            switch name {
            case "image":
                builder.appendInserted(imageMarkdown(attributes), anchor: index)
                if attributes["type"] == "complex" {
                    let indent = indentation(of: bytes, before: index)
                    builder.appendInserted(
                        "\n\n\(indent)<details class=\"image-description\"><summary>\(HTMLEscaping.escape(descriptionLabel))</summary>\n\n",
                        anchor: index)
                }
                if attributes["source"] == nil {
                    issues.append(
                        Issue(
                            offset: index,
                            diagnostic: .warning(
                                "docgen.docfx.image-without-source", at: nil, "an :::image::: directive has no source",
                                fix: "add source=\"path/to/image.png\"")))
                }
            case "image-end":
                builder.appendInserted("</details>", anchor: index)
            case "flow":
                // An interactive flowchart by name; the page stage swaps this image for the flow.
                builder.appendInserted("![](<docgen-flow:\(attributes["name"] ?? "")>)", anchor: index)
            case "no-loc":
                builder.appendInserted(escapeMarkdown(attributes["text"] ?? ""), anchor: index)
            default:
                issues.append(
                    Issue(
                        offset: index,
                        diagnostic: .warning(
                            "docgen.docfx.unsupported-directive", at: nil,
                            "the DocFX directive ':::\(name)' is not supported and was left out",
                            fix: "use Markdown, :::image:::, or :::no-loc::: instead")))
            }
            index = close + 3
            copied = index
        }
        builder.appendVerbatim(bytes[copied...], from: copied)
        return Result(text: builder.text, map: builder.map, issues: issues)
    }

    private static func imageMarkdown(_ attributes: [String: String]) -> String {
        let alt = escapeMarkdown(attributes["alt-text"] ?? "")
        let source = angleURL(attributes["source"] ?? "")
        let image = "![\(alt)](\(source))"
        if let lightbox = attributes["lightbox"], !lightbox.isEmpty {
            return "[\(image)](\(angleURL(lightbox)))"
        }
        return image
    }

    private static func angleURL(_ url: String) -> String {
        guard url.containsByte(UInt8(ascii: "<")) || url.containsByte(UInt8(ascii: ">")) else { return "<" + url + ">" }
        return "<" + url.replacingOccurrences(of: "<", with: "%3C").replacingOccurrences(of: ">", with: "%3E") + ">"
    }

    /// Backslash-escapes the ASCII punctuation that Markdown would interpret.
    static func escapeMarkdown(_ text: String) -> String {
        // ASCII text is escaped byte by byte: there each byte is a character.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count + 8)
            for byte in text.utf8 {
                if isEscapedPunctuation(byte) { bytes.append(UInt8(ascii: "\\")) }
                bytes.append(byte)
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        // Otherwise by characters, as written: a punctuation mark with a combining accent is
        // another character, and U+1FEF (Greek varia) is canonically the same character as "`".
        var result = ""
        for character in text {
            let escaped =
                character.utf8.count == 1 ? isEscapedPunctuation(character.utf8.first!) : character == "\u{1FEF}"
            if escaped { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// Whether `escapeMarkdown` puts a backslash before this byte: one of \\`*_{}[]()#+-.!|<>&.
    private static func isEscapedPunctuation(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "{"),
            UInt8(ascii: "}"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "("), UInt8(ascii: ")"),
            UInt8(ascii: "#"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "!"),
            UInt8(ascii: "|"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"):
            return true
        default: return false
        }
    }

    /// Reads `key="value"` pairs (also `key='value'` and bare `key`).
    static func parseAttributes(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        var rest = Substring(text)
        while true {
            rest = rest.drop(while: { $0 == " " || $0 == "\t" || $0 == "\n" })
            let key = rest.prefix(while: { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
            guard !key.isEmpty else { break }
            rest = rest.dropFirst(key.count)
            guard rest.first == "=" else {
                result[String(key).lowercased()] = ""
                continue
            }
            rest = rest.dropFirst()
            if let quote = rest.first, quote == "\"" || quote == "'" {
                rest = rest.dropFirst()
                let value = rest.prefix(while: { $0 != quote })
                result[String(key).lowercased()] = String(value)
                rest = rest.dropFirst(value.count + 1)
            } else {
                let value = rest.prefix(while: { !$0.isWhitespace })
                result[String(key).lowercased()] = String(value)
                rest = rest.dropFirst(value.count)
            }
        }
        return result
    }

    /// The closing `:::` of a directive opened before `start`, on the same line or the next ones
    /// (attributes may wrap), skipping quoted values.
    private static func findClose(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        var quote: UInt8?
        var newlines = 0
        while index + 2 < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                newlines += 1
                if newlines > 3 { return nil }
            }
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") {
                quote = byte
            } else if byte == UInt8(ascii: ":"), startsWith(bytes, ":::", at: index) {
                return index
            }
            index += 1
        }
        return nil
    }

    private static func indentation(of bytes: [UInt8], before offset: Int) -> String {
        var start = offset
        while start > 0, bytes[start - 1] != UInt8(ascii: "\n") { start -= 1 }
        let prefix = bytes[start..<offset].prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: ">") }
        return String(decoding: prefix, as: UTF8.self)
    }

    private static func startsWith(_ bytes: [UInt8], _ pattern: StaticString, at offset: Int) -> Bool {
        let count = pattern.utf8CodeUnitCount
        guard offset + count <= bytes.count else { return false }
        return pattern.withUTF8Buffer { buffer in
            for i in 0..<count where bytes[offset + i] != buffer[i] { return false }
            return true
        }
    }
}
