/// Writes a `TranslationDocument` as TMX 1.4: one `<tu>` per segment with the English and the
/// translated `<tuv>`, inline Markdown as `<bpt>`/`<ept>`/`<ph>` holding the Markdown itself.
enum TMXWriter {
    static func write(_ document: TranslationDocument) -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4">
              <header creationtool="docgen" creationtoolversion="1" segtype="sentence" o-tmf="docgen" \
            adminlang="en-US" srclang="\(XMLText.attribute(document.sourceLanguage))" datatype="\(XLIFF12Writer.decodedDatatype)">
                <prop type="x-docgen-article">\(XMLText.content(document.articlePath))</prop>
              </header>
              <body>

            """
        for unit in document.units {
            out += "    <tu tuid=\"\(XMLText.attribute(unit.key))\">\n"
            out += "      <prop type=\"x-docgen-segment-id\">\(XMLText.content(unit.segmentID))</prop>\n"
            out += "      <prop type=\"x-docgen-state\">\(unit.state.rawValue)</prop>\n"
            out += "      <note>\(XMLText.content(unit.location.description))</note>\n"
            for (category, text) in unit.context?.noteLines ?? [] {
                out += "      <note>\(XMLText.content("\(category): \(text)"))</note>\n"
            }
            if let previous = unit.previousSourceText {
                out += "      <prop type=\"x-docgen-previous-source\">\(XMLText.content(previous))</prop>\n"
            }
            let numbered = CodeCorrespondence.number(
                source: InlineMarkupParser.parse(unit.sourceText), target: InlineMarkupParser.parse(unit.targetText))
            out += tuv(document.sourceLanguage, numbered.source)
            out += tuv(document.targetLanguage, numbered.target)
            out += "    </tu>\n"
        }
        out += "  </body>\n</tmx>\n"
        return out
    }

    private static func tuv(_ language: String, _ markup: InlineMarkup) -> String {
        let seg = XLIFF12Writer.inline(markup, idAttribute: "i", typed: false)
        return "      <tuv xml:lang=\"\(XMLText.attribute(language))\"><seg>\(seg)</seg></tuv>\n"
    }
}
