import Yams

/// Reads one `strings/<language>.yml` of a theme: a mapping of key → text.
///
/// A plain file (every key and value a string scalar) is read from Yams' node tree in one pass.
/// `YAMLDecoder` gives the same dictionary but looks each key up again with a linear search, which
/// made decoding the dozen strings files the largest fixed cost of a build. Anything else (other
/// tags, anchors, nested values, Yams' reserved keys, an empty file) goes through `YAMLDecoder`, so
/// its result and its error messages stay exactly what they were.
enum ThemeStrings {
    static func decode(_ text: String) throws -> [String: String] {
        if let plain = plainMapping(text) { return plain }
        return try YAMLDecoder().decode([String: String].self, from: text)
    }

    /// The mapping when every key and value is a string scalar; `nil` for any other shape.
    static func plainMapping(_ text: String) -> [String: String]? {
        guard let node = try? Yams.compose(yaml: text), case .mapping(let mapping) = node, mapping.anchor == nil
        else { return nil }
        var texts: [String: String] = [:]
        texts.reserveCapacity(mapping.count)
        for (key, value) in mapping {
            guard case .scalar(let keyScalar) = key, key.tag.description == string,
                case .scalar(let valueScalar) = value, value.tag.description == string,
                !reservedKeys.contains(keyScalar.string)
            else { return nil }
            texts[keyScalar.string] = valueScalar.string  // a repeated key: the last one wins, as in the decoder
        }
        return texts
    }

    private static let string = Tag.Name.str.rawValue

    /// Keys `YAMLDecoder` keeps for a mapping's anchor and tag and leaves out of a dictionary.
    private static let reservedKeys: Set<String> = ["yamlAnchor", "yamlTag"]
}
