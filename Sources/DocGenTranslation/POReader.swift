import Foundation

/// Reads the PO export: `msgctxt` is the unit key, `msgid` the English, `msgstr` the translation,
/// and the `X-Docgen-Article` header names the article.
enum POReader {
    private struct Entry {
        var context: String?
        var id: String?
        var string: String?
        var line = 1
    }

    static func read(_ text: String) -> Result<(String, [ImportedDocument.Unit]), TranslationFileReader.ReadError> {
        var entries: [Entry] = []
        var current = Entry()
        var field: WritableKeyPath<Entry, String?>?
        func finish() {
            if current.id != nil { entries.append(current) }
            current = Entry()
            field = nil
        }
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") {
                if current.string != nil { finish() }
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
                if current.id == nil, current.context == nil { current.line = index + 1 }
                current[keyPath: keyword] = value
                field = keyword
            } else if let field {
                current[keyPath: field] = (current[keyPath: field] ?? "") + value
            } else {
                return .failure(.init(message: "string outside an entry", line: index + 1))
            }
        }
        finish()
        guard let header = entries.first(where: { $0.id == "" && $0.context == nil })?.string,
            let articleLine = header.split(separator: "\n").first(where: { $0.hasPrefix("X-Docgen-Article: ") })
        else { return .failure(.init(message: "no 'X-Docgen-Article' header")) }
        let articlePath = String(articleLine.dropFirst("X-Docgen-Article: ".count))
        var units: [ImportedDocument.Unit] = []
        for entry in entries where entry.context != nil {
            units.append(.init(key: entry.context!, sourceText: entry.id ?? "", targetText: entry.string ?? ""))
        }
        return .success((articlePath, units))
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
