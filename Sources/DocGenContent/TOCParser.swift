import DocGenCore
import Yams

/// Reads `TOC.yml` and `TOC.md` files with DocFX semantics. Unknown or misspelt keys are kept
/// out with a warning; YAML escapes (`"\_"`, a no-break space) are decoded by the YAML parser.
public enum TOCParser {
    static let knownKeys: Set<String> = [
        "name", "href", "items", "topichref", "tochref", "uid", "displayname", "expanded", "topicuid",
        "maintainContext".lowercased(), "homepage",
    ]

    /// Parses a TOC file, choosing the syntax by its extension.
    public static func parse(_ file: SourceFile) -> (TableOfContents, [Diagnostic]) {
        file.path.lowercased().hasSuffix(".md") ? parseMarkdown(file) : parseYAML(file)
    }

    /// Parses `TOC.yml`: a list of entries, or a mapping with `items`.
    public static func parseYAML(_ file: SourceFile) -> (TableOfContents, [Diagnostic]) {
        let (root, problems) = YAMLErrorPosition.compose(
            file, identifier: "docgen.toc.invalid-yaml", what: "the table of contents",
            fix: "quote names that contain ': ' or start with a special character")
        var diagnostics = problems
        guard problems.isEmpty else { return (TableOfContents(path: file.path, entries: []), diagnostics) }
        var list: [Node] = []
        if let sequence = root?.sequence {
            list = Array(sequence)
        } else if let items = root?.mapping?["items"]?.sequence {
            list = Array(items)
        } else if root != nil {
            diagnostics.append(
                .error(
                    "docgen.toc.not-a-list", at: SourceLocation(path: file.path, line: 1),
                    "a TOC.yml must be a list of entries ('- name: … href: …')", fix: "start each entry with '- name:'")
            )
        }
        let entries = list.compactMap { entry(from: $0, path: file.path, diagnostics: &diagnostics) }
        return (TableOfContents(path: file.path, entries: entries), diagnostics)
    }

    private static func entry(from node: Node, path: String, diagnostics: inout [Diagnostic]) -> TOCEntry? {
        let location = SourceLocation(path: path, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
        guard let mapping = node.mapping else {
            diagnostics.append(
                .warning(
                    "docgen.toc.invalid-entry", at: location, "a TOC entry must be a mapping with 'name' and 'href'",
                    fix: "write the entry as '- name: Label' with 'href: page.md' below it"))
            return nil
        }
        var values: [String: String] = [:]
        var items: [TOCEntry] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else { continue }
            let lower = key.lowercased()
            if lower == "items" {
                items = (value.sequence.map(Array.init) ?? []).compactMap {
                    entry(from: $0, path: path, diagnostics: &diagnostics)
                }
                continue
            }
            if !knownKeys.contains(lower) {
                let keyLocation = SourceLocation(
                    path: path, line: keyNode.mark?.line ?? location.line, column: keyNode.mark?.column ?? 1)
                diagnostics.append(
                    .warning(
                        "docgen.toc.unknown-key", at: keyLocation, "unknown TOC key '\(key)' is ignored",
                        fix: "use name, href, topicHref, uid, displayName or items"))
                continue
            }
            values[lower] = value.string ?? value.sequence?.compactMap(\.string).joined(separator: ", ")
        }
        guard let name = values["name"], !name.isEmpty else {
            diagnostics.append(
                .warning("docgen.toc.missing-name", at: location, "a TOC entry has no 'name'", fix: "add 'name: Label'")
            )
            return nil
        }
        return TOCEntry(
            name: name, href: values["href"].flatMap { $0.isEmpty ? nil : $0 }, topicHref: values["topichref"],
            uid: values["uid"], keywords: values["displayname"], items: items, location: location)
    }

    /// Parses `TOC.md`: `#` levels give nesting, each heading a `[name](href)` link or plain text.
    public static func parseMarkdown(_ file: SourceFile) -> (TableOfContents, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var stack: [(level: Int, entry: TOCEntry)] = []
        var roots: [TOCEntry] = []
        func closeTo(_ level: Int) {
            while let last = stack.last, last.level >= level {
                stack.removeLast()
                if stack.isEmpty {
                    roots.append(last.entry)
                } else {
                    stack[stack.count - 1].entry.items.append(last.entry)
                }
            }
        }
        for (index, line) in file.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            let level = trimmed.prefix(while: { $0 == "#" }).count
            guard level > 0 else { continue }
            let location = SourceLocation(path: file.path, line: index + 1, column: 1)
            let text = trimmed.dropFirst(level).trimmingCharacters(in: .whitespaces)
            var name = text
            var href: String?
            if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
                name = String(text[text.index(after: text.startIndex)..<close])
                let rest = text[text.index(after: close)...]
                if rest.hasPrefix("("), let end = rest.lastIndex(of: ")") {
                    href = String(rest[rest.index(after: rest.startIndex)..<end]).trimmingCharacters(in: .whitespaces)
                } else {
                    diagnostics.append(
                        .warning(
                            "docgen.toc.malformed-link", at: location,
                            "the TOC heading '\(text)' is not a [name](href) link",
                            fix: "write '# [Name](page.md)'"))
                }
            }
            closeTo(level)
            stack.append((level, TOCEntry(name: InlineText.plain(name), href: href, location: location)))
        }
        closeTo(1)
        return (TableOfContents(path: file.path, entries: roots), diagnostics)
    }
}

/// Reads the position out of a Yams error.
enum YAMLErrorPosition {
    /// Parses a YAML file into a node tree; invalid YAML becomes one error at its position.
    static func compose(_ file: SourceFile, identifier: String, what: String, fix: String) -> (Node?, [Diagnostic]) {
        do {
            return (try Yams.compose(yaml: file.text), [])
        } catch {
            let (line, column, problem) = of(error)
            let location = SourceLocation(path: file.path, line: line, column: column)
            return (nil, [.error(identifier, at: location, "\(what) is not valid YAML: \(problem)", fix: fix)])
        }
    }

    static func of(_ error: Error) -> (line: Int, column: Int, problem: String) {
        if let yamlError = error as? YamlError {
            switch yamlError {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
                .composer(_, let problem, let mark, _):
                return (mark.line, mark.column, problem)
            case .duplicatedKeysInMapping(let duplicates, let context):
                return (
                    context.mark.line, context.mark.column, "duplicated keys: \(duplicates.joined(separator: ", "))"
                )
            default: break
            }
        }
        return (1, 1, "\(error)")
    }
}
