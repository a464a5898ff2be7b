/// Writes a `TranslationDocument` as XLIFF 2.0: one `<unit>` per segment, inline Markdown as
/// `<pc>`/`<ph>` codes whose Markdown is kept in `<originalData>`, so tools protect it and the
/// import can put it back byte for byte.
enum XLIFF2Writer {
    static let namespace = "urn:oasis:names:tc:xliff:document:2.0"
    /// The namespace of `docgen:text="decoded"`: the text between codes has its entities and
    /// escapes decoded, so the import encodes it back.
    static let decodedTextNamespace = "urn:docgen:translation"

    static func write(_ document: TranslationDocument) -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff xmlns="\(namespace)" version="2.0" srcLang="\(XMLText.attribute(document.sourceLanguage))" \
            trgLang="\(XMLText.attribute(document.targetLanguage))">
              <file id="f1" original="\(XMLText.attribute(document.articlePath))" \
            xmlns:docgen="\(decodedTextNamespace)" docgen:text="decoded">

            """
        for unit in document.units { out += self.unit(unit, path: document.articlePath) }
        out += "  </file>\n</xliff>\n"
        return out
    }

    private static func unit(_ unit: TranslationUnit, path: String) -> String {
        var data = DataTable()
        let numbered = CodeCorrespondence.number(
            source: InlineMarkupParser.parse(unit.sourceText), target: InlineMarkupParser.parse(unit.targetText))
        let source = inline(numbered.source, data: &data)
        let target = inline(numbered.target, data: &data)
        var out = "    <unit id=\"\(XMLText.attribute(unit.key))\" xml:space=\"preserve\">\n"
        if let previous = unit.previousSourceText {
            // The English the translation was made from, as a match the CAT tool shows beside it.
            out += "      <mtc:matches xmlns:mtc=\"urn:oasis:names:tc:xliff:matches:2.0\">\n"
            out += "        <mtc:match ref=\"#s1\" type=\"other\" subType=\"docgen:previous-source\">\n"
            out += "          <source>\(XMLText.content(previous))</source>\n"
            out += "          <target>\(XMLText.content(unit.targetText))</target>\n"
            out += "        </mtc:match>\n      </mtc:matches>\n"
        }
        out += "      <notes>\n"
        out += "        <note category=\"location\">\(XMLText.content(unit.location.description))</note>\n"
        out += "        <note category=\"segment-id\">\(XMLText.content(unit.segmentID))</note>\n"
        for (category, text) in unit.context?.noteLines ?? [] {
            out += "        <note category=\"\(category)\">\(XMLText.content(text))</note>\n"
        }
        out += "      </notes>\n"
        if !data.entries.isEmpty {
            out += "      <originalData>\n"
            for (index, entry) in data.entries.enumerated() {
                out += "        <data id=\"d\(index + 1)\">\(XMLText.content(entry))</data>\n"
            }
            out += "      </originalData>\n"
        }
        let subState = unit.state == .stale ? " subState=\"docgen:stale\"" : ""
        let segmentID = unit.previousSourceText == nil ? "" : " id=\"s1\""
        out += "      <segment\(segmentID) state=\"\(state(unit.state))\"\(subState)>\n"
        out += "        <source>\(source)</source>\n"
        out += "        <target>\(target)</target>\n"
        out += "      </segment>\n    </unit>\n"
        return out
    }

    static func state(_ state: TranslationState) -> String {
        switch state {
        case .initial: "initial"
        case .needsReview, .translated, .stale: "translated"
        case .approved: "final"
        }
    }

    /// The original data of one unit, shared by source and target, each distinct Markdown once.
    private struct DataTable {
        var entries: [String] = []

        mutating func reference(_ markdown: String) -> String {
            if let index = entries.firstIndex(of: markdown) { return "d\(index + 1)" }
            entries.append(markdown)
            return "d\(entries.count)"
        }
    }

    private static func inline(_ markup: InlineMarkup, data: inout DataTable) -> String {
        var closing: [Int: String] = [:]
        for case .close(let id, _, let markdown) in markup.parts { closing[id] = markdown }
        var out = ""
        for part in markup.parts {
            switch part {
            case .text(let text):
                out += XMLText.content(MarkdownText.decode(text))
            case .standalone(let id, let kind, let markdown):
                out += "<ph id=\"\(id)\" dataRef=\"\(data.reference(markdown))\"\(typeAttributes(kind))/>"
            case .open(let id, let kind, let markdown):
                let start = data.reference(markdown)
                let end = data.reference(closing[id] ?? "")
                out += "<pc id=\"\(id)\" dataRefStart=\"\(start)\" dataRefEnd=\"\(end)\"\(typeAttributes(kind))>"
            case .close:
                out += "</pc>"
            }
        }
        return out
    }

    private static func typeAttributes(_ kind: InlineMarkup.CodeKind) -> String {
        switch kind {
        case .bold: " type=\"fmt\" subType=\"xlf:b\""
        case .italic: " type=\"fmt\" subType=\"xlf:i\""
        case .strikethrough: " type=\"fmt\" subType=\"docgen:strikethrough\""
        case .link: " type=\"link\""
        case .image: " type=\"image\""
        case .code: " type=\"other\" subType=\"docgen:code\""
        case .html: " type=\"other\" subType=\"docgen:html\""
        }
    }
}
