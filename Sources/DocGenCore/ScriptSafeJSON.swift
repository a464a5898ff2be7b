/// JSON for values written inside an HTML `<script>` element. An HTML parser ends a script at
/// the first `</script`, and `<!--` changes how it reads the rest, so `<`, `>` and `&` are
/// written as `\u003c`, `\u003e`, `\u0026`; U+2028 and U+2029 are escaped for old JavaScript
/// engines that end a string there. Every value docgen writes into a script goes through here.
public enum ScriptSafeJSON {
    /// A JSON string literal that can sit inside `<script>` (`"a\u003cb"`).
    public static func string(_ text: String) -> String {
        serialized(JSONString.literal(text))
    }

    /// A JSON object of string values, keys in the order given (deterministic output).
    public static func object(_ pairs: [(key: String, value: String)]) -> String {
        "{" + pairs.map { string($0.key) + ": " + string($0.value) }.joined(separator: ", ") + "}"
    }

    /// Serialized JSON (from any encoder) with those characters escaped; they can only occur
    /// inside its strings, so the value stays the same.
    public static func serialized(_ json: String) -> String {
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
