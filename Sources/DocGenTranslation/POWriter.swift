/// Writes a `TranslationDocument` as a GNU gettext PO file: one entry per segment, the segment
/// key as `msgctxt` (so repeated English sentences stay distinct), machine translations `fuzzy`.
/// PO has no inline codes: `msgid`/`msgstr` hold the Markdown, with references to plain characters
/// (`&#39;`, `&nbsp;`) resolved so translators read `'` (the import compares resolved text, so an
/// unchanged entry leaves the article's bytes as they were).
enum POWriter {
    static func write(_ document: TranslationDocument) -> String {
        let language = document.targetLanguage.replacingOccurrences(of: "-", with: "_")
        var out = "# Segments of \(oneLine(document.articlePath)), exported by docgen.\n"
        out += "msgid \"\"\nmsgstr \"\"\n"
        let header = [
            "Project-Id-Version: \(document.articlePath)",
            "PO-Revision-Date: 1970-01-01 00:00+0000",
            "Last-Translator: docgen",
            "Language-Team: \(document.targetLanguage)",
            "Language: \(language)",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: 8bit",
            "X-Docgen-Article: \(document.articlePath)",
            "X-Docgen-Source-Language: \(document.sourceLanguage)",
        ]
        for field in header { out += "\"\(escape(field))\\n\"\n" }
        for unit in document.units {
            out += "\n#. segment \(oneLine(unit.segmentID))\n"
            for (category, text) in unit.context?.noteLines ?? [] { out += "#. \(category): \(text)\n" }
            out += "#: \(oneLine(unit.location.path)):\(unit.location.line)\n"
            if unit.state == .needsReview || unit.state == .stale { out += "#, fuzzy\n" }
            if let previous = unit.previousSourceText {
                // gettext's previous-source comments: the English the translation was made from.
                out += "#| msgctxt \(quoted(unit.key))\n"
                out += quoted(previous).split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                    .map { "#| " + ($0.offset == 0 ? "msgid " : "") + $0.element + "\n" }.joined()
            }
            out += "msgctxt \(quoted(unit.key))\n"
            out += "msgid \(quoted(MarkdownText.readable(unit.sourceText)))\n"
            out += "msgstr \(quoted(MarkdownText.readable(unit.targetText)))\n"
        }
        return out
    }

    /// A PO string; texts with newlines are split after each `\n`, the usual PO layout.
    static func quoted(_ text: String) -> String {
        guard text.contains("\n") else { return "\"\(escape(text))\"" }
        var lines: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if character == "\n" {
                lines.append(current)
                current = ""
            }
        }
        if !current.isEmpty { lines.append(current) }
        return "\"\"\n" + lines.map { "\"\(escape($0))\"" }.joined(separator: "\n")
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func oneLine(_ text: String) -> String {
        text.replacingOccurrences(of: "\n", with: " ")
    }
}
