import DocGenCore

/// Writes JSON values with a fixed key order, so that JSON Lines output is byte-for-byte deterministic.
enum JSONText {
    /// A JSON string literal.
    static func string(_ text: String) -> String { JSONString.literal(text) }

    /// An object from ordered key/value pairs whose values are already JSON.
    static func object(_ fields: [(String, String)]) -> String {
        "{" + fields.map { "\(string($0.0)):\($0.1)" }.joined(separator: ",") + "}"
    }
}

/// Writes a `TranslationDocument` as JSON Lines: one object per segment.
enum JSONLWriter {
    static func write(_ document: TranslationDocument) -> String {
        document.units.map { unit in
            JSONText.object([
                ("article", JSONText.string(document.articlePath)),
                ("key", JSONText.string(unit.key)),
                ("id", JSONText.string(unit.segmentID)),
                ("line", String(unit.location.line)),
                ("state", JSONText.string(unit.state.rawValue)),
                ("sourceLanguage", JSONText.string(document.sourceLanguage)),
                ("targetLanguage", JSONText.string(document.targetLanguage)),
                ("source", JSONText.string(unit.sourceText)),
                ("target", JSONText.string(unit.targetText)),
                ("previousSource", unit.previousSourceText.map(JSONText.string) ?? "null"),
            ]) + "\n"
        }.joined()
    }
}
