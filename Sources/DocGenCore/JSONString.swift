/// JSON string literals, written by hand so output is byte-for-byte deterministic.
public enum JSONString {
    /// The text as a JSON string literal (also a valid YAML double-quoted scalar). With
    /// `scriptSafe`, `<`, `>`, `&` and the line separators are escaped too, so the literal can
    /// sit inside an HTML `<script>` element.
    public static func literal(_ text: String, scriptSafe: Bool = false) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<" where scriptSafe: out += "\\u003c"
            case ">" where scriptSafe: out += "\\u003e"
            case "&" where scriptSafe: out += "\\u0026"
            case "\u{2028}" where scriptSafe: out += "\\u2028"
            case "\u{2029}" where scriptSafe: out += "\\u2029"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Serialized JSON made safe to sit inside an HTML `<script>` element: `<`, `>`, `&` and the
    /// line separators U+2028 and U+2029 (which can only occur inside its strings) are written as
    /// `\uXXXX` escapes, so neither `</script>` nor `<!--` can appear and the value stays the same.
    public static func scriptSafe(_ json: String) -> String {
        var out = ""
        out.reserveCapacity(json.utf8.count)
        for scalar in json.unicodeScalars {
            switch scalar {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
