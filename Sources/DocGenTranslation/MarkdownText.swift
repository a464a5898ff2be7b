import DocGenCore

/// The text of Markdown as a reader sees it, and back.
///
/// Translators should read `l'utilisateur` and `*`, not `l&#39;utilisateur` and `\*`: exports to
/// XLIFF and TMX decode character references and backslash escapes in the text between inline
/// codes, and imports encode what a translator typed so it stays text. An import compares the
/// decoded forms, so a unit whose text did not change keeps the article's bytes exactly.
public enum MarkdownText {
    /// The text of one text run: entities and numeric references resolved, backslash escapes removed.
    public static func decode(_ run: String) -> String {
        guard run.containsByte(0x26) || run.containsByte(0x5C) else { return run }  // & or \ (memchr)
        var out = ""
        var index = run.startIndex
        while index < run.endIndex {
            let character = run[index]
            let next = run.index(after: index)
            if character == "\\", next < run.endIndex, run[next].isASCII, run[next].isPunctuation || run[next].isSymbol
            {
                out.append(run[next])
                index = run.index(after: next)
            } else if character == "&", let (decoded, end) = reference(in: run, at: index) {
                out += decoded
                index = end
            } else {
                out.append(character)
                index = next
            }
        }
        return out
    }

    /// A text run for Markdown: characters that would turn into markup are escaped.
    public static func encode(_ text: String) -> String {
        let characters = Array(text)
        var out = ""
        for (index, character) in characters.enumerated() {
            let before = index > 0 ? characters[index - 1] : " "
            let after = index + 1 < characters.count ? characters[index + 1] : " "
            switch character {
            case "\\", "`", "*", "[", "]", "<":
                out += "\\\(character)"
            case "_" where !(before.isLetter || before.isNumber) || !(after.isLetter || after.isNumber):
                out += "\\_"
            case "&" where startsReference(String(characters[index...].prefix(12))):
                out += "&amp;"
            default:
                out.append(character)
            }
        }
        return out
    }

    /// A segment half with its text runs decoded and its codes as written: what two halves are
    /// compared by, so `&#39;` and `'` count as the same text.
    public static func decoded(_ markdown: String) -> String {
        guard markdown.utf8.contains(where: { $0 == 0x26 || $0 == 0x5C }) else { return markdown }  // & or \
        return InlineMarkupParser.parse(markdown).parts.map { part in
            if case .text(let text) = part { decode(text) } else { part.markdown }
        }.joined()
    }

    /// A segment half for formats without inline codes (PO): character references in its text
    /// runs that stand for plain characters (`&#39;`, `&nbsp;`, `&mdash;`) are resolved; those for
    /// Markdown or HTML syntax (`&lt;`, `&amp;`, `&#42;`), escapes and codes stay as written, since
    /// the translation comes back as Markdown.
    public static func readable(_ markdown: String) -> String {
        guard markdown.contains("&") else { return markdown }
        return InlineMarkupParser.parse(markdown).parts.map { part in
            guard case .text(let text) = part, text.contains("&") else { return part.markdown }
            var out = ""
            var index = text.startIndex
            while index < text.endIndex {
                if text[index] == "&", let (decoded, end) = reference(in: text, at: index),
                    !decoded.contains(where: { "<>&\\`*_[]!#|~".contains($0) })
                {
                    out += decoded
                    index = end
                } else {
                    out.append(text[index])
                    index = text.index(after: index)
                }
            }
            return out
        }.joined()
    }

    private static func startsReference(_ text: String) -> Bool { reference(in: text, at: text.startIndex) != nil }

    private static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "mdash": "—",
        "ndash": "–", "hellip": "…", "copy": "©", "reg": "®", "trade": "™", "laquo": "«", "raquo": "»",
        "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "shy": "\u{AD}", "times": "×", "eacute": "é",
        "egrave": "è", "agrave": "à", "ccedil": "ç", "euro": "€", "bull": "•", "middot": "·", "rarr": "→",
    ]

    /// The character reference starting at `index` (`&amp;`, `&#39;`, `&#x2019;`) and where it ends.
    private static func reference(in text: String, at index: String.Index) -> (String, String.Index)? {
        guard let semicolon = text[index...].prefix(12).firstIndex(of: ";") else { return nil }
        let name = text[text.index(after: index)..<semicolon]
        let end = text.index(after: semicolon)
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value =
                digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            guard let value, value > 0, let scalar = Unicode.Scalar(value) else { return nil }
            return (String(Character(scalar)), end)
        }
        return named[String(name)].map { ($0, end) }
    }
}
