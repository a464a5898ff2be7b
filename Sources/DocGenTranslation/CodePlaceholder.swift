/// Stands in for an inline code that a tool wrote without its Markdown (`<g id="1">`,
/// `<x id="2"/>`, `<pc id="1">` without `dataRefStart`, a `<bpt>` emptied of its text) until the
/// importer knows which segment the unit belongs to and can look the code up by id.
///
/// The placeholder is a pair of private-use characters around the role and id; no Markdown in
/// the corpus uses them, and any placeholder left unresolved refuses the unit.
enum CodePlaceholder {
    static let start: Character = "\u{E000}"
    static let end: Character = "\u{E001}"

    /// The placeholder text of a code.
    static func text(_ reference: CodeCorrespondence.CodeReference) -> String {
        "\(start)\(reference.role.rawValue):\(reference.id)\(end)"
    }

    /// Whether a text holds any placeholder.
    static func hasPlaceholder(_ text: String) -> Bool { text.contains(start) }

    /// The text with each placeholder replaced by the Markdown of its code, and the codes the
    /// table did not know (left in place).
    static func resolve(
        _ text: String, with table: [CodeCorrespondence.CodeReference: String]
    ) -> (text: String, unresolved: [String]) {
        guard hasPlaceholder(text) else { return (text, []) }
        var out = ""
        var unresolved: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: start) {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: end) else { break }
            let body = rest[rest.index(after: open)..<close]
            let pieces = body.split(separator: ":", maxSplits: 1)
            if pieces.count == 2, let role = CodeCorrespondence.CodeReference.Role(rawValue: String(pieces[0])),
                let markdown = table[.init(role, String(pieces[1]))]
            {
                out += markdown
            } else {
                unresolved.append(String(pieces.last ?? ""))
                out += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return (out, unresolved)
    }
}
