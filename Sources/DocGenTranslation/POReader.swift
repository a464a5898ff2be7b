import Foundation

/// Reads PO files: docgen's export (`msgctxt` is the unit key, the `X-Docgen-Article` header names
/// the article) and what gettext and translate-toolkit make of it (`pot2po`, `xliff2po`: no header,
/// an empty or missing `msgctxt`), whose units are then matched by their `#. segment` comment, their
/// `#:` reference or their English. `msgstr ""` is gettext's "untranslated". Obsolete (`#~`) entries
/// are skipped.
enum POReader {
    private struct Entry {
        var context: String?
        var id: String?
        var string: String?
        var line = 1
        var segmentID: String?
        var reference: String?
    }

    static func read(_ text: String) -> Result<ReadDocument, TranslationFileReader.ReadError> {
        var entries: [Entry] = []
        var current = Entry()
        var field: WritableKeyPath<Entry, String?>?
        func finish() {
            if current.id != nil { entries.append(current) }
            current = Entry()
            field = nil
        }
        let text = text.replacingOccurrences(of: "\r\n", with: "\n")
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasSuffix("\r") { line.removeLast() }
            if line.isEmpty || line.hasPrefix("#") {
                if current.string != nil { finish() }
                if line.hasPrefix("#. segment ") {
                    current.segmentID = String(line.dropFirst("#. segment ".count))
                    current.line = index + 1
                } else if line.hasPrefix("#: "), current.reference == nil {
                    current.reference = line.dropFirst(3).split(separator: " ").first.map {
                        String($0.split(separator: ":").first ?? $0)
                    }
                }
                continue
            }
            let keyword: WritableKeyPath<Entry, String?>?
            let rest: Substring
            if line.hasPrefix("msgctxt ") {
                (keyword, rest) = (\.context, line.dropFirst(8))
            } else if line.hasPrefix("msgid ") {
                (keyword, rest) = (\.id, line.dropFirst(6))
            } else if line.hasPrefix("msgstr ") {
                (keyword, rest) = (\.string, line.dropFirst(7))
            } else if line.hasPrefix("msgid_plural ") || line.hasPrefix("msgstr[") {
                return .failure(.init(message: "plural entries are not segments", line: index + 1))
            } else if line.hasPrefix("\"") {
                (keyword, rest) = (nil, Substring(line))
            } else {
                return .failure(.init(message: "unexpected line", line: index + 1))
            }
            guard let value = unquote(rest) else {
                return .failure(.init(message: "malformed string", line: index + 1))
            }
            if let keyword {
                if keyword != \.string, current.string != nil {
                    finish()
                }
                if current.id == nil, current.context == nil, current.segmentID == nil { current.line = index + 1 }
                current[keyPath: keyword] = value
                field = keyword
            } else if let field {
                current[keyPath: field] = (current[keyPath: field] ?? "") + value
            } else {
                return .failure(.init(message: "string outside an entry", line: index + 1))
            }
        }
        finish()
        let header = entries.first(where: { $0.id == "" && ($0.context ?? "").isEmpty })?.string ?? ""
        var articlePath = header.split(separator: "\n").first(where: { $0.hasPrefix("X-Docgen-Article: ") })
            .map { String($0.dropFirst("X-Docgen-Article: ".count)) }
        var units: [ImportedDocument.Unit] = []
        for entry in entries where entry.id != "" {
            if articlePath == nil, let reference = entry.reference, reference.hasSuffix(".md") {
                articlePath = reference
            }
            let key = entry.context ?? ""
            units.append(
                .init(
                    key: key, sourceText: entry.id ?? "", targetText: entry.string ?? "", line: entry.line,
                    segmentID: entry.segmentID ?? (key.isEmpty ? nil : key)))
        }
        return .success(ReadDocument(articlePath: articlePath, units: units))
    }

    /// The value of a `"…"` PO string with its escapes resolved.
    static func unquote(_ quoted: Substring) -> String? {
        guard quoted.count >= 2, quoted.first == "\"", quoted.last == "\"" else { return nil }
        var out = ""
        var escaping = false
        for character in quoted.dropFirst().dropLast() {
            if escaping {
                switch character {
                case "n": out.append("\n")
                case "t": out.append("\t")
                case "r": out.append("\r")
                case "\\": out.append("\\")
                case "\"": out.append("\"")
                case "a": out.append("\u{07}")
                case "b": out.append("\u{08}")
                case "f": out.append("\u{0C}")
                case "v": out.append("\u{0B}")
                default: return nil
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                out.append(character)
            }
        }
        return escaping ? nil : out
    }
}
