/// Writes a `TranslationDocument` as XLIFF 1.2 (strict schema): one `<trans-unit>` per segment,
/// inline Markdown as `<bpt>`/`<ept>`/`<ph>` elements that hold the Markdown itself.
enum XLIFF12Writer {
    static let namespace = "urn:oasis:names:tc:xliff:document:1.2"
    /// The `datatype` saying the text between codes has its entities and escapes decoded (the
    /// import encodes it back); XLIFF 1.2 files of other tools hold Markdown as written.
    static let decodedDatatype = "x-docgen-text"

    static func write(_ document: TranslationDocument) -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff xmlns="\(namespace)" version="1.2">
              <file original="\(XMLText.attribute(document.articlePath))" \
            source-language="\(XMLText.attribute(document.sourceLanguage))" \
            target-language="\(XMLText.attribute(document.targetLanguage))" datatype="\(decodedDatatype)">
                <body>

            """
        for unit in document.units {
            let approved = unit.state == .approved ? " approved=\"yes\"" : ""
            out += "      <trans-unit id=\"\(XMLText.attribute(unit.key))\"\(approved) xml:space=\"preserve\">\n"
            let numbered = CodeCorrespondence.number(
                source: InlineMarkupParser.parse(unit.sourceText), target: InlineMarkupParser.parse(unit.targetText))
            out += "        <source>\(inline(numbered.source))</source>\n"
            out += "        <target\(stateAttributes(unit.state))>\(inline(numbered.target))</target>\n"
            out +=
                "        <note from=\"docgen\">\(XMLText.content("\(unit.location) segment \(unit.segmentID)"))</note>\n"
            for (category, text) in unit.context?.noteLines ?? [] {
                out +=
                    "        <note from=\"docgen\" annotates=\"general\">\(XMLText.content("\(category): \(text)"))</note>\n"
            }
            if let previous = unit.previousSourceText {
                out += "        <alt-trans origin=\"docgen-previous-source\">\n"
                out += "          <source>\(XMLText.content(previous))</source>\n"
                out += "          <target>\(XMLText.content(unit.targetText))</target>\n"
                out += "        </alt-trans>\n"
            }
            out += "      </trans-unit>\n"
        }
        out += "    </body>\n  </file>\n</xliff>\n"
        return out
    }

    private static func stateAttributes(_ state: TranslationState) -> String {
        switch state {
        case .initial: " state=\"new\""
        case .needsReview: " state=\"needs-review-translation\" state-qualifier=\"mt-suggestion\""
        case .stale: " state=\"needs-review-translation\""
        case .approved, .translated: " state=\"translated\""
        }
    }

    /// Inline codes as `<bpt>`/`<ept>`/`<ph>`; shared with TMX, whose inline elements look the same.
    static func inline(_ markup: InlineMarkup, idAttribute: String = "id", typed: Bool = true) -> String {
        var out = ""
        for part in markup.parts {
            switch part {
            case .text(let text):
                out += XMLText.content(MarkdownText.decode(text))
            case .open(let id, let kind, let markdown):
                let type = typed ? " ctype=\"\(delimiterType(kind))\"" : ""
                out += "<bpt \(idAttribute)=\"\(id)\"\(type)>\(XMLText.content(markdown))</bpt>"
            case .close(let id, _, let markdown):
                out += "<ept \(idAttribute)=\"\(id)\">\(XMLText.content(markdown))</ept>"
            case .standalone(let id, let kind, let markdown):
                let idText = idAttribute == "id" ? " id=\"\(id)\"" : ""
                let type = typed ? " ctype=\"\(placeholderType(kind))\"" : ""
                out += "<ph\(idText)\(type)>\(XMLText.content(markdown))</ph>"
            }
        }
        return out
    }

    private static func delimiterType(_ kind: InlineMarkup.CodeKind) -> String {
        switch kind {
        case .bold: "bold"
        case .italic: "italic"
        case .link: "link"
        default: "x-\(kind.rawValue)"
        }
    }

    private static func placeholderType(_ kind: InlineMarkup.CodeKind) -> String {
        kind == .image ? "image" : "x-\(kind.rawValue)"
    }
}
