import DocGenCore
import DocGenMarkdown
import Foundation

/// schema.org structured data written into pages as JSON-LD.
enum StructuredData {
    /// An answer as HTML, held to the rules the page's body was held to (reported there).
    private static func answerHTML(_ markdown: String) -> String {
        var tree = CMark.parse(markdown)
        HTMLSanitizer.sanitize(tree: &tree, allowList: false)
        return trimmed(HTMLRenderer.render(tree, context: HTMLRenderContext()))
    }

    /// A `FAQPage` with each question and its answer as HTML.
    static func faqPage(_ items: [(question: String, answer: String)], language: Language) -> String {
        faqJSON(items.map { ($0.question, answerHTML($0.answer)) }, language: language)
    }

    /// The `FAQPage` object of questions and their answers' HTML, written as `JSONSerialization`
    /// writes it (sorted keys, slashes as they are, no spaces), then made script-safe as
    /// `ScriptSafeJSON.serialized` makes it, in one pass: Foundation's writer, a string per
    /// character, was most of an FAQ page's data.
    static func faqJSON(_ items: [(question: String, answerHTML: String)], language: Language) -> String {
        var json = "{\"@context\":\"https://schema.org\",\"@type\":\"FAQPage\",\"inLanguage\":"
        json.reserveCapacity(items.reduce(256) { $0 + $1.question.utf8.count + $1.answerHTML.utf8.count + 96 })
        appendLiteral(language.code, to: &json)
        json += ",\"mainEntity\":["
        for (index, item) in items.enumerated() {
            json += index == 0 ? "{" : ",{"
            json += "\"@type\":\"Question\",\"acceptedAnswer\":{\"@type\":\"Answer\",\"text\":"
            appendLiteral(item.answerHTML, to: &json)
            json += "},\"name\":"
            appendLiteral(item.question, to: &json)
            json += "}"
        }
        json += "]}"
        return json
    }

    /// A JSON string literal as `JSONSerialization` writes it (`\b`, `\f`, `\n`, `\r`, `\t`,
    /// other controls as lower-case `\u00xx`), with `<`, `>`, `&`, U+2028 and U+2029 escaped for
    /// a `<script>` element. Bytes that need nothing are copied in runs, as slices of `text`.
    static func appendLiteral(_ text: String, to json: inout String) {
        json += "\""
        var start = text.utf8.startIndex
        var index = start
        let utf8 = text.utf8
        while index < utf8.endIndex {
            let byte = utf8[index]
            var escape: String?
            var length = 1
            switch byte {
            case 0x22: escape = "\\\""
            case 0x5C: escape = "\\\\"
            case 0x08: escape = "\\b"
            case 0x0C: escape = "\\f"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case 0x3C: escape = "\\u003c"
            case 0x3E: escape = "\\u003e"
            case 0x26: escape = "\\u0026"
            case 0..<0x20: escape = (byte < 0x10 ? "\\u000" : "\\u00") + String(byte, radix: 16)
            case 0xE2:
                // U+2028 and U+2029: E2 80 A8 and E2 80 A9.
                let next = utf8.index(after: index)
                if next < utf8.endIndex, utf8[next] == 0x80 {
                    let last = utf8.index(after: next)
                    if last < utf8.endIndex, utf8[last] == 0xA8 || utf8[last] == 0xA9 {
                        escape = utf8[last] == 0xA8 ? "\\u2028" : "\\u2029"
                        length = 3
                    }
                }
            default: break
            }
            if let escape {
                json += text[start..<index]
                json += escape
                index = utf8.index(index, offsetBy: length)
                start = index
            } else {
                index = utf8.index(after: index)
            }
        }
        json += text[start...]
        json += "\""
    }

    /// `text.trimmingCharacters(in: .whitespacesAndNewlines)`, answered from its bytes when both
    /// ends are ASCII (rendered HTML ends with a line break and starts with a tag).
    static func trimmed(_ text: String) -> String {
        let utf8 = text.utf8
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
        guard let first = utf8.firstIndex(where: { !isSpace($0) }), utf8[first] < 0x80,
            let last = utf8.lastIndex(where: { !isSpace($0) }), utf8[last] < 0x80
        else { return text.trimmingCharacters(in: .whitespacesAndNewlines) }
        return String(text[first...last])
    }
}
