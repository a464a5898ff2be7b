import DocGenCore
import Foundation

/// Reads a translation file of any supported format back into an `ImportedDocument`.
///
/// The format comes from the content, never from the name: a root `<xliff version="2.0">`,
/// `<xliff version="1.2">` (or 1.0, 1.1: translate-toolkit writes 1.1) or `<tmx>`, a JSON object
/// per line, or PO entries. UTF-8 and UTF-16 files, with or without a byte order mark, read the
/// same. A DOCTYPE with an internal subset is refused: the entities it declares would put text
/// in the file that no translator saw.
public enum TranslationFileReader {
    /// The formats the content can reveal.
    enum DetectedFormat: Equatable { case xml, po, jsonl }

    /// Reads one file from its bytes. Returns `nil` and error diagnostics (with the unit's or the
    /// offending line) when it cannot be read or yields no unit at all.
    public static func read(path: String, bytes: [UInt8]) -> (document: ImportedDocument?, diagnostics: [Diagnostic]) {
        let start = SourceLocation(path: path, line: 1)
        guard let text = decode(bytes) else {
            return (
                nil,
                [
                    .error(
                        "docgen.import.unreadable", at: start, "cannot read '\(path)': it is neither UTF-8 nor UTF-16",
                        fix: "save the file as UTF-8")
                ]
            )
        }
        guard let format = detect(text) else {
            return (
                nil,
                [
                    .error(
                        "docgen.import.unknown-format", at: start,
                        "'\(path)' is not a translation file: no XLIFF, TMX, PO or JSON Lines content",
                        fix: "import XLIFF 1.2 or 2.0, TMX, PO or JSON Lines files")
                ]
            )
        }
        let read: ReadDocument?
        var diagnostics: [Diagnostic] = []
        switch format {
        case .xml:
            if let line = internalSubsetLine(text) {
                return (
                    nil,
                    [
                        .error(
                            "docgen.import.doctype", at: SourceLocation(path: path, line: line),
                            "'\(path)' declares a DOCTYPE with its own entities; they are not imported",
                            fix: "save the file without a DOCTYPE, with the entities' text written out")
                    ]
                )
            }
            let xmlData = text.hasPrefix("\u{FEFF}") || bytes.first != UInt8(ascii: "<") ? reencoded(text) : Data(bytes)
            (read, diagnostics) = XMLTranslationReader.read(xmlData, path: path)
        case .po, .jsonl:
            let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
            let result = format == .po ? POReader.read(body) : JSONLReader.read(body)
            switch result {
            case .success(let document): read = document
            case .failure(let failure):
                read = nil
                diagnostics.append(
                    .error(
                        "docgen.import.unreadable", at: SourceLocation(path: path, line: failure.line),
                        "cannot read '\(path)': \(failure.message)"))
            }
        }
        guard let read else { return (nil, diagnostics) }
        guard !read.units.isEmpty else {
            return (
                nil,
                diagnostics + [
                    .error(
                        "docgen.import.no-units", at: start, "'\(path)' holds no translation unit",
                        fix: "check that the tool saved the translations into this file")
                ]
            )
        }
        return (ImportedDocument(filePath: path, articlePath: read.articlePath ?? "", units: read.units), diagnostics)
    }

    /// Reads one file already decoded as text.
    public static func read(_ file: SourceFile) -> (document: ImportedDocument?, diagnostics: [Diagnostic]) {
        read(path: file.path, bytes: Array(file.text.utf8))
    }

    /// The text of the bytes: UTF-8 (with or without BOM) or UTF-16 (BOM, or `<` followed by a zero byte).
    static func decode(_ bytes: [UInt8]) -> String? {
        if bytes.count >= 2 {
            let (a, b) = (bytes[0], bytes[1])
            if (a, b) == (0xFF, 0xFE) || (a != 0 && b == 0) {
                return String(data: Data(bytes), encoding: (a, b) == (0xFF, 0xFE) ? .utf16 : .utf16LittleEndian)
            }
            if (a, b) == (0xFE, 0xFF) || (a == 0 && b != 0) {
                return String(data: Data(bytes), encoding: (a, b) == (0xFE, 0xFF) ? .utf16 : .utf16BigEndian)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    /// What the text is, from its first significant characters.
    static func detect(_ text: String) -> DetectedFormat? {
        let body = text.drop { $0 == "\u{FEFF}" || $0.isWhitespace }
        if body.hasPrefix("<") { return .xml }
        if body.hasPrefix("{") { return .jsonl }
        for line in text.split(separator: "\n").prefix(400) {
            let trimmed = line.drop { $0 == "\u{FEFF}" || $0 == " " || $0 == "\t" }
            if trimmed.hasPrefix("msgid ") || trimmed.hasPrefix("msgctxt ") { return .po }
            if !trimmed.isEmpty, !trimmed.hasPrefix("#") { return nil }
        }
        return nil
    }

    /// The line of a `<!DOCTYPE … [` internal subset, if the file has one.
    static func internalSubsetLine(_ text: String) -> Int? {
        guard let doctype = text.range(of: "<!DOCTYPE") else { return nil }
        let root = text[doctype.upperBound...].firstIndex(of: ">") ?? text.endIndex
        guard text[doctype.upperBound..<root].contains("[") || text.contains("<!ENTITY") else { return nil }
        return text[..<doctype.lowerBound].filter { $0 == "\n" }.count + 1
    }

    /// UTF-8 bytes of a decoded XML text, its declaration's encoding changed to match.
    static func reencoded(_ text: String) -> Data {
        var body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        if body.hasPrefix("<?xml"), let end = body.range(of: "?>") {
            let declaration = body[..<end.upperBound].replacingOccurrences(
                of: #"encoding\s*=\s*["'][^"']*["']"#, with: "encoding=\"UTF-8\"", options: .regularExpression)
            body = declaration + body[end.upperBound...]
        }
        return Data(body.utf8)
    }

    /// The parser's error in words for the libxml2 codes met in practice, else its number
    /// (Foundation's own text is "the operation could not be completed").
    static func describeXMLError(_ error: Error) -> String {
        let code = (error as NSError).code
        let known: [Int: String] = [
            4: "the document is empty", 5: "extra content after the root element", 9: "an invalid character",
            26: "an undeclared entity", 27: "an undeclared entity", 76: "an end tag that does not match its start tag",
            77: "an element that is not closed",
        ]
        return known[code].map { "\($0) (libxml2 error \(code))" } ?? "libxml2 error \(code)"
    }

    /// Why a file could not be read, and where.
    struct ReadError: Error {
        var message: String
        var line = 1
    }
}
