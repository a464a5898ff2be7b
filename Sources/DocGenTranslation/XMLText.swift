/// Escapes text for XML element content and attribute values.
///
/// Carriage returns and (in attributes) tabs and newlines become character references, because an
/// XML parser would otherwise normalise them and the round trip back to Markdown would lose bytes.
enum XMLText {
    /// Escapes element content: `&`, `<`, `>` and `\r`.
    static func content(_ text: String) -> String { escape(text, attribute: false) }

    /// Escapes an attribute value: also `"`, tab and newline.
    static func attribute(_ text: String) -> String { escape(text, attribute: true) }

    private static func escape(_ text: String, attribute: Bool) -> String {
        // Scan bytes: most texts need no escaping, and this runs for every text of an export.
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 < 0x0E })
        else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\r": result += "&#13;"
            case "\"" where attribute: result += "&quot;"
            case "\n" where attribute: result += "&#10;"
            case "\t" where attribute: result += "&#9;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
