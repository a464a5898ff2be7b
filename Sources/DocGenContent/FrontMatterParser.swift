import DocGenCore
import Foundation
import Yams

/// Splits a Markdown file into its YAML front matter and its body, and types the metadata.
///
/// Never throws: missing front matter, an unclosed `---`, invalid YAML and wrongly typed values
/// become diagnostics with the file's real line numbers, and the body is still returned.
public enum FrontMatterParser {
    /// The result of splitting one file.
    public struct Result: Sendable {
        /// The typed metadata (empty when the file has none or it could not be read).
        public var frontMatter: FrontMatter
        /// The Markdown after the closing `---` (the whole file when there is no front matter).
        public var body: String
        /// How many lines precede the body in the file, to turn body lines into file lines.
        public var bodyLineOffset: Int
        /// The problems found.
        public var diagnostics: [Diagnostic]
    }

    /// Parses the front matter of `file`. `requireFrontMatter` makes its absence a warning.
    public static func parse(_ file: SourceFile, requireFrontMatter: Bool = true) -> Result {
        parse(file, requireFrontMatter: requireFrontMatter, keepsBody: true)
    }

    /// `keepsBody: false` leaves `body` empty, for callers that read the body from the file;
    /// `utf8`, when given, is the UTF-8 of `file.text` (which is then not copied again).
    static func parse(_ file: SourceFile, requireFrontMatter: Bool, keepsBody: Bool, utf8: [UInt8]? = nil) -> Result {
        let hasByteOrderMark = file.text.hasPrefix("\u{FEFF}")
        let text = hasByteOrderMark ? String(file.text.dropFirst()) : file.text
        // Lines are found on bytes: splitting the whole file into Characters was a tenth of a build.
        let bytes = hasByteOrderMark ? Array(text.utf8) : utf8 ?? Array(text.utf8)
        // Line starts are found as far as the closing fence only: the body is not read here.
        var lineStarts = [0]
        var scanned = 0
        func lineCount(atLeast count: Int) -> Bool {
            while lineStarts.count < count, scanned < bytes.count {
                if let newline = bytes[scanned...].firstIndex(of: UInt8(ascii: "\n")) {
                    scanned = newline + 1
                    if scanned < bytes.count { lineStarts.append(scanned) }
                } else {
                    scanned = bytes.count
                }
            }
            return lineStarts.count >= count
        }
        func line(_ number: Int) -> ArraySlice<UInt8> {
            let start = lineStarts[number]
            var end = lineCount(atLeast: number + 2) ? lineStarts[number + 1] - 1 : bytes.count
            if number + 1 >= lineStarts.count, end > start, bytes[end - 1] == UInt8(ascii: "\n") { end -= 1 }
            return bytes[start..<end]
        }
        guard !bytes.isEmpty, isFence(line(0), closing: false) else {
            let missing = Diagnostic.warning(
                "docgen.frontmatter.missing", at: SourceLocation(path: file.path, line: 1),
                "the article has no YAML front matter, so it has no title or metadata",
                fix: "start the file with a '---' line, 'title: ...', and a closing '---' line")
            return Result(
                frontMatter: FrontMatter(), body: text, bodyLineOffset: 0,
                diagnostics: requireFrontMatter ? [missing] : [])
        }
        var close: Int?
        var number = 1
        while close == nil, lineCount(atLeast: number + 1) {
            if isFence(line(number), closing: true) { close = number }
            number += 1
        }
        guard let close else {
            let unclosed = Diagnostic.error(
                "docgen.frontmatter.unclosed", at: SourceLocation(path: file.path, line: 1),
                "the front matter opened by '---' on line 1 is never closed",
                fix: "add a line with '---' after the last metadata line")
            return Result(frontMatter: FrontMatter(), body: text, bodyLineOffset: 0, diagnostics: [unclosed])
        }
        let yamlStart = lineStarts[1]
        let yamlEnd = max(yamlStart, lineStarts[close] - 1)
        let yaml = String(decoding: bytes[yamlStart..<yamlEnd], as: UTF8.self)
        var body = ""
        if keepsBody, lineCount(atLeast: close + 2) {
            body = String(decoding: bytes[lineStarts[close + 1]...], as: UTF8.self)
            if !body.hasSuffix("\n") { body += "\n" }
        }
        var diagnostics: [Diagnostic] = []
        let frontMatter = typedMetadata(yaml: yaml, path: file.path, diagnostics: &diagnostics)
        return Result(frontMatter: frontMatter, body: body, bodyLineOffset: close + 1, diagnostics: diagnostics)
    }

    /// Whether a line is `---` (or, closing, `...`) with spaces or tabs around it.
    private static func isFence(_ line: ArraySlice<UInt8>, closing: Bool) -> Bool {
        let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        let trimmed = line.drop(while: isBlank).reversed().drop(while: isBlank)
        return trimmed.elementsEqual(Array("---".utf8)) || (closing && trimmed.elementsEqual(Array("...".utf8)))
    }

    /// Reads the YAML (which starts on file line 2) into typed metadata.
    static func typedMetadata(yaml: String, path: String, diagnostics: inout [Diagnostic]) -> FrontMatter {
        // Flat `key: value` lines are read without Yams; a value that is not right (a bad date,
        // say) sends the text through Yams after all, for the positions its diagnostic needs.
        if let pairs = SimpleYAMLMapping.pairs(in: yaml) {
            var result = FrontMatter()
            var problems: [Diagnostic] = []
            for (key, value) in pairs {
                result.entries.append((key: key, value: value))
                // A plain scalar with no position, as `Node(value)` would be (YAML line 1).
                assign(
                    key: key, value: value, isScalar: true, sequence: nil, at: SourceLocation(path: path, line: 2),
                    to: &result, diagnostics: &problems)
            }
            if problems.isEmpty { return result }
        }
        return yamsMetadata(yaml: yaml, path: path, diagnostics: &diagnostics)
    }

    /// Reads the YAML into typed metadata with Yams (any YAML, with positioned diagnostics).
    static func yamsMetadata(yaml: String, path: String, diagnostics: inout [Diagnostic]) -> FrontMatter {
        var result = FrontMatter()
        let node: Node?
        do {
            // UTF-8 is Yams's default here; naming it spares a read of the environment per file.
            node = try Yams.compose(yaml: yaml, .default, .default, .utf8)
        } catch {
            diagnostics.append(yamlDiagnostic(error, path: path))
            return result
        }
        guard let node else { return result }
        guard let mapping = node.mapping else {
            diagnostics.append(
                .error(
                    "docgen.frontmatter.not-a-mapping", at: location(of: node, path: path),
                    "the front matter must be a list of 'key: value' lines",
                    fix: "write each metadata item as 'key: value'"))
            return result
        }
        for (keyNode, valueNode) in mapping {
            guard let key = keyNode.string else { continue }
            let value = flatten(valueNode)
            result.entries.append((key: key, value: value))
            assign(
                key: key, value: value, isScalar: valueNode.scalar != nil, sequence: valueNode.sequence,
                at: location(of: valueNode, path: path), to: &result, diagnostics: &diagnostics)
        }
        return result
    }

    /// Reads the value of one key: `value` flattened, `isScalar` whether it is a single scalar,
    /// `sequence` its items when it is a sequence, `where_` where it is.
    fileprivate static func assign(
        key: String, value: String, isScalar: Bool, sequence: Node.Sequence?, at where_: SourceLocation,
        to result: inout FrontMatter, diagnostics: inout [Diagnostic]
    ) {
        func requireScalar(_ body: (String) -> Void) {
            guard isScalar else {
                diagnostics.append(
                    .error(
                        "docgen.frontmatter.wrong-type", at: where_, "'\(key)' must be a single text value",
                        fix: "write '\(key): some text' on one line"))
                return
            }
            body(value)
        }
        switch key.lowercased() {
        case "title": requireScalar { result.title = $0.isEmpty ? nil : $0 }
        case "description": requireScalar { result.description = $0.isEmpty ? nil : $0 }
        case "author": requireScalar { result.author = $0 }
        case "ms.topic": requireScalar { result.topic = $0 }
        case "ms.contentlocale":
            requireScalar { text in
                // It names a folder of the site and is written into pages: only a language tag will do.
                guard text.isEmpty || Language.isWellFormed(tag: text) else {
                    diagnostics.append(Language.invalidTagDiagnostic(text, key: key, at: where_))
                    return
                }
                result.contentLocale = text
            }
        case "ms.openlocfilehash": requireScalar { result.openLocFileHash = $0 }
        case "ms.sourcegitcommit": requireScalar { result.sourceGitCommit = $0 }
        case "ms.locfileid": requireScalar { result.locFileID = $0 }
        case "redirect_url":
            requireScalar { url in
                // A redirect to a script URL would run it on arrival: the article stays a page instead.
                guard URLPolicy.allows(url) else {
                    diagnostics.append(URLPolicy.unsafeDiagnostic(url, what: "redirect_url", at: where_))
                    return
                }
                result.redirectURL = url
            }
        case "ms.date", "ms.lasthandoff":
            requireScalar { text in
                guard let date = MetadataDate(parsing: text) else {
                    diagnostics.append(
                        .error(
                            "docgen.frontmatter.invalid-date", at: where_,
                            "'\(key)' is '\(text)', which is not a date",
                            fix: "write the date as MM/DD/YYYY, for example 04/03/2020"))
                    return
                }
                if key.lowercased() == "ms.date" { result.date = date } else { result.lastHandoff = date }
            }
        case "ms.translationtype":
            requireScalar { text in
                guard let type = TranslationType(rawValue: text.uppercased()) else {
                    diagnostics.append(
                        .warning(
                            "docgen.frontmatter.unknown-translation-type", at: where_,
                            "'ms.translationtype' is '\(text)'; expected HT or MT",
                            fix: "use HT for a human translation or MT for a machine translation"))
                    return
                }
                result.translationType = type
            }
        case "keywords":
            if let sequence {
                result.keywords = sequence.compactMap(\.string)
            } else {
                result.keywords = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { !$0.isEmpty }
            }
        default: break
        }
    }

    /// The value of a node as one line of text: scalars as written, sequences joined with `, `.
    private static func flatten(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): return scalar.string
        case .sequence(let sequence): return sequence.map(flatten).joined(separator: ", ")
        case .mapping(let mapping):
            return mapping.map { "\(flatten($0.key)): \(flatten($0.value))" }.joined(separator: ", ")
        case .alias: return ""
        }
    }

    /// The file location of a YAML node (YAML line 1 is file line 2).
    private static func location(of node: Node, path: String) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(path: path, line: (mark?.line ?? 1) + 1, column: mark?.column ?? 1)
    }

    private static func yamlDiagnostic(_ error: Error, path: String) -> Diagnostic {
        var line = 1
        var column = 1
        var problem = "\(error)"
        if let yamlError = error as? YamlError {
            switch yamlError {
            case .scanner(_, let text, let mark, _), .parser(_, let text, let mark, _),
                .composer(_, let text, let mark, _):
                line = mark.line
                column = mark.column
                problem = text
            case .duplicatedKeysInMapping(let duplicates, let context):
                line = context.mark.line
                column = context.mark.column
                problem = "duplicated keys: \(duplicates.joined(separator: ", "))"
            default: break
            }
        }
        return .error(
            "docgen.frontmatter.invalid-yaml", at: SourceLocation(path: path, line: line + 1, column: column),
            "the front matter is not valid YAML: \(problem)",
            fix: "quote values that contain ': ' or start with a special character, e.g. title: \"A: B\"")
    }
}

extension FrontMatter {
    /// The front matter with docset defaults (docfx.json `globalMetadata` / `fileMetadata`) added
    /// for every key the article does not set itself, typed the same way as the article's own keys.
    public func addingDefaults(_ defaults: [String: String], path: String) -> FrontMatter {
        let own = Set(entries.map { $0.key.lowercased() })
        let missing = defaults.filter { !own.contains($0.key.lowercased()) }.sorted { $0.key < $1.key }
        guard !missing.isEmpty else { return self }
        // Every key, the article's own and the defaults, is typed again from its text as one
        // scalar, as a flat front matter's lines are; a default that is not right (a bad date)
        // leaves its field unset without a diagnostic, since the article did not write it.
        var result = FrontMatter()
        var ignored: [Diagnostic] = []
        for (key, value) in entries + missing.map({ (key: $0.key, value: $0.value) }) {
            result.entries.append((key: key, value: value))
            FrontMatterParser.assign(
                key: key, value: value, isScalar: true, sequence: nil, at: SourceLocation(path: path, line: 2),
                to: &result, diagnostics: &ignored)
        }
        // Keep the article's own typed values (list-valued keywords, for example) as parsed from the file.
        if !keywords.isEmpty { result.keywords = keywords }
        return result
    }
}
