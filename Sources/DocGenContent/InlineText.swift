import Foundation

/// Reduces a line of inline Markdown with HTML to its plain text, for titles and labels.
public enum InlineText {
    /// The text a reader sees: tags, emphasis markers, link targets and closing `#`s removed,
    /// character entities decoded, white space folded.
    public static func plain(_ markdown: String) -> String {
        var text = markdown
        text = text.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
        text = text.replacingOccurrences(of: "!?\\[([^\\]]*)\\]\\([^)]*\\)", with: "$1", options: .regularExpression)
        text = text.replacingOccurrences(of: "(\\*\\*|__|\\*|`)", with: "", options: .regularExpression)
        text = text.replacingOccurrences(of: "\\s+#+\\s*$", with: "", options: .regularExpression)
        text = text.replacingOccurrences(
            of: "\\\\([\\\\`*_{}\\[\\]()#+\\-.!|])", with: "$1", options: .regularExpression)
        text = decodeEntities(text)
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Decodes the character references that appear in titles (`&amp;`, `&#39;`, `&#x2019;`).
    public static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}"]
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semi = after.prefix(10).firstIndex(of: ";") {
                let name = String(after[..<semi])
                var decoded: String?
                if name.hasPrefix("#x") || name.hasPrefix("#X"), let code = UInt32(name.dropFirst(2), radix: 16) {
                    decoded = Unicode.Scalar(code).map { String(Character($0)) }
                } else if name.hasPrefix("#"), let code = UInt32(name.dropFirst()) {
                    decoded = Unicode.Scalar(code).map { String(Character($0)) }
                } else {
                    decoded = named[name]
                }
                if let decoded {
                    result += decoded
                    rest = after[after.index(after: semi)...]
                    continue
                }
            }
            result += "&"
            rest = after
        }
        return result + rest
    }
}
