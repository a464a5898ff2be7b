/// JSON for values written inside an HTML `<script>` element. An HTML parser ends a script at
/// the first `</script`, and `<!--` changes how it reads the rest, so `<`, `>` and `&` are
/// written as `\u003c`, `\u003e`, `\u0026`; U+2028 and U+2029 are escaped for old JavaScript
/// engines that end a string there. Every value docgen writes into a script goes through here.
public enum ScriptSafeJSON {
    /// A JSON string literal that can sit inside `<script>` (`"a\u003cb"`).
    public static func string(_ text: String) -> String {
        JSONString.literal(text, scriptSafe: true)
    }

    /// A JSON object of string values, keys in the order given (deterministic output).
    public static func object(_ pairs: [(key: String, value: String)]) -> String {
        "{" + pairs.map { string($0.key) + ": " + string($0.value) }.joined(separator: ", ") + "}"
    }
}
