import DocGenCore
import Yams

/// Reads a flow file (YAML) into a `Flow`, reporting what it cannot read as diagnostics with the
/// file's real `path:line:column` (columns in UTF-8 bytes, converted from libyaml's scalar columns).
///
/// The file format:
/// ```yaml
/// title: { fr: "…", en: "…" }
/// start: has-tenant          # optional, defaults to the first node
/// cycles: allowed            # optional: loops are intended
/// nodes:
///   - id: has-tenant
///     kind: question         # question | step | outcome | note
///     text: { fr: "…", en: "…" }
///     detail: { fr: "…", en: "…" }   # optional
///     answers:               # questions
///       - label: { fr: Oui, en: "Yes" }
///         next: all-users
///     next: other-node       # steps and notes
///     links:
///       - article: unable-to-sign-in.md   # content-root-relative, or `url: https://…`
///         text: { fr: "…", en: "…" }
/// ```
/// Structural checks of the graph (targets, reachability, cycles, missing languages) are done by
/// `FlowValidator` in `DocGenFlowchart`; the parser only reports what it could not read.
public enum FlowParser {
    /// The flow read from a file, and the problems found while reading it.
    public struct Result: Sendable {
        /// The flow, or `nil` when the file is not a readable flow at all.
        public var flow: Flow?
        /// The problems found, in file order.
        public var diagnostics: [Diagnostic]
    }

    /// Parses `file`; the flow's name is the file stem.
    public static func parse(_ file: SourceFile) -> Result {
        var reader = Reader(file: file)
        let flow = reader.readFlow()
        return Result(flow: flow, diagnostics: reader.diagnostics)
    }

    /// The file stem of a path (`flows/onboardingAADFlow.yml` → `onboardingAADFlow`).
    public static func flowName(forPath path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }
}

/// The state of one parse: the file, its lines (for column conversion) and the diagnostics so far.
private struct Reader {
    let file: SourceFile
    let lines: [Substring]
    var diagnostics: [Diagnostic] = []

    init(file: SourceFile) {
        self.file = file
        self.lines = file.text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    mutating func readFlow() -> Flow? {
        let root: Node?
        do {
            root = try Yams.compose(yaml: file.text)
        } catch {
            diagnostics.append(yamlDiagnostic(error))
            return nil
        }
        let fileStart = SourceLocation(path: file.path, line: 1, column: 1)
        guard let root, let mapping = root.mapping else {
            diagnostics.append(
                .error(
                    "docgen.flow.not-a-mapping", at: fileStart,
                    "a flow file must be a mapping with 'title' and 'nodes'",
                    fix: "start the file with 'title:' and 'nodes:' keys"))
            return nil
        }
        checkKeys(mapping, allowed: ["title", "start", "cycles", "nodes"], what: "flow")
        let title =
            mapping["title"].map { localized($0, what: "title") }
            ?? LocalizedText([:], location: fileStart)
        var nodes: [FlowNode] = []
        if let nodesNode = mapping["nodes"] {
            if let sequence = nodesNode.sequence {
                nodes = sequence.compactMap { readNode($0) }
            } else {
                wrongType(nodesNode, "'nodes' must be a list of nodes", fix: "write each node as '- id: …'")
            }
        } else {
            diagnostics.append(
                .error(
                    "docgen.flow.missing-field", at: fileStart, "the flow has no 'nodes' list",
                    fix: "add 'nodes:' with at least one '- id: …' entry"))
        }
        var startID = nodes.first?.id ?? ""
        var startLocation = nodes.first?.location ?? fileStart
        if let startNode = mapping["start"] {
            startLocation = location(of: startNode)
            if let id = scalar(startNode, what: "start") { startID = id }
        }
        var cyclesAllowed = false
        if let cycles = mapping["cycles"] {
            let value = cycles.string?.lowercased() ?? ""
            cyclesAllowed = ["allowed", "true", "yes"].contains(value)
            if !cyclesAllowed && !["forbidden", "false", "no"].contains(value) {
                wrongType(cycles, "'cycles' must be 'allowed' or 'forbidden'", fix: "write 'cycles: allowed'")
            }
        }
        return Flow(
            name: FlowParser.flowName(forPath: file.path), path: file.path, title: title, startID: startID,
            startLocation: startLocation, cyclesAllowed: cyclesAllowed, nodes: nodes)
    }

    private mutating func readNode(_ node: Node) -> FlowNode? {
        let where_ = location(of: node)
        guard let mapping = node.mapping else {
            wrongType(node, "a node must be a mapping with 'id', 'kind' and 'text'", fix: "write '- id: my-node'")
            return nil
        }
        checkKeys(mapping, allowed: ["id", "kind", "text", "detail", "answers", "next", "links"], what: "node")
        guard let idNode = mapping["id"], let id = scalar(idNode, what: "id") else {
            diagnostics.append(
                .error(
                    "docgen.flow.missing-field", at: where_, "a node has no 'id'",
                    fix: "add 'id: some-name' (lower-case letters, digits and '-')"))
            return nil
        }
        if id.isEmpty
            || !id.unicodeScalars.allSatisfy({ "abcdefghijklmnopqrstuvwxyz0123456789-".unicodeScalars.contains($0) })
        {
            diagnostics.append(
                .error(
                    "docgen.flow.invalid-id", at: location(of: idNode),
                    "the node id '\(id)' may only use lower-case letters, digits and '-'",
                    fix: "rename it, for example '\(id.lowercased().replacingSpaces())'"))
        }
        var kind = FlowNodeKind.step
        if let kindNode = mapping["kind"] {
            if let text = kindNode.string, let parsed = FlowNodeKind(rawValue: text.lowercased()) {
                kind = parsed
            } else {
                diagnostics.append(
                    .error(
                        "docgen.flow.unknown-kind", at: location(of: kindNode),
                        "the kind of '\(id)' must be question, step, outcome or note",
                        fix: "write 'kind: question', 'kind: step', 'kind: outcome' or 'kind: note'"))
            }
        } else {
            diagnostics.append(
                .error(
                    "docgen.flow.missing-field", at: where_, "the node '\(id)' has no 'kind'",
                    fix: "add 'kind: question', 'step', 'outcome' or 'note'"))
        }
        let text = mapping["text"].map { localized($0, what: "text") } ?? LocalizedText([:], location: where_)
        let detail = mapping["detail"].map { localized($0, what: "detail") }
        var answers: [FlowAnswer] = []
        if let answersNode = mapping["answers"] {
            if let sequence = answersNode.sequence {
                answers = sequence.compactMap { readAnswer($0) }
            } else {
                wrongType(answersNode, "'answers' must be a list", fix: "write each answer as '- label: …'")
            }
        }
        if let nextNode = mapping["next"], let target = scalar(nextNode, what: "next") {
            answers.append(FlowAnswer(label: nil, targetID: target, location: location(of: nextNode)))
        }
        var links: [FlowLink] = []
        if let linksNode = mapping["links"] {
            if let sequence = linksNode.sequence {
                links = sequence.compactMap { readLink($0) }
            } else {
                wrongType(linksNode, "'links' must be a list", fix: "write each link as '- article: page.md'")
            }
        }
        return FlowNode(
            id: id, kind: kind, text: text, detail: detail, answers: answers, links: links, location: where_)
    }

    private mutating func readAnswer(_ node: Node) -> FlowAnswer? {
        guard let mapping = node.mapping else {
            wrongType(node, "an answer must have 'label' and 'next'", fix: "write '- label: {fr: …, en: …}'")
            return nil
        }
        checkKeys(mapping, allowed: ["label", "next"], what: "answer")
        guard let nextNode = mapping["next"], let target = scalar(nextNode, what: "next") else {
            diagnostics.append(
                .error(
                    "docgen.flow.missing-field", at: location(of: node), "the answer has no 'next' node",
                    fix: "add 'next: node-id'"))
            return nil
        }
        let label =
            mapping["label"].map { localized($0, what: "label") } ?? LocalizedText([:], location: location(of: node))
        return FlowAnswer(label: label, targetID: target, location: location(of: nextNode))
    }

    private mutating func readLink(_ node: Node) -> FlowLink? {
        guard let mapping = node.mapping else {
            wrongType(node, "a link must have 'article' (or 'url') and 'text'", fix: "write '- article: page.md'")
            return nil
        }
        checkKeys(mapping, allowed: ["article", "url", "text"], what: "link")
        guard let targetNode = mapping["article"] ?? mapping["url"], let target = scalar(targetNode, what: "article")
        else {
            diagnostics.append(
                .error(
                    "docgen.flow.missing-field", at: location(of: node), "the link has no 'article' or 'url'",
                    fix: "add 'article: page.md'"))
            return nil
        }
        guard URLPolicy.allows(target) else {
            diagnostics.append(URLPolicy.unsafeDiagnostic(target, what: "flow link", at: location(of: targetNode)))
            return nil
        }
        let text =
            mapping["text"].map { localized($0, what: "text") } ?? LocalizedText([:], location: location(of: node))
        return FlowLink(target: target, text: text, location: location(of: targetNode))
    }

    /// A `{fr: …, en: …}` mapping. A plain scalar is an error rather than "the same text in every
    /// language", because it would hide a missing translation.
    private mutating func localized(_ node: Node, what: String) -> LocalizedText {
        let where_ = location(of: node)
        guard let mapping = node.mapping else {
            wrongType(
                node, "'\(what)' must give the text per language", fix: "write '\(what): { fr: \"…\", en: \"…\" }'")
            return LocalizedText([:], location: where_)
        }
        var texts: [Language: String] = [:]
        for (key, value) in mapping {
            guard let code = key.string, let text = scalar(value, what: "\(what).\(code)") else { continue }
            texts[Language(code)] = text.trimmingSpaces()
        }
        return LocalizedText(texts, location: where_)
    }

    private mutating func scalar(_ node: Node, what: String) -> String? {
        guard let text = node.scalar?.string else {
            wrongType(node, "'\(what)' must be a single text value", fix: "write it on one line")
            return nil
        }
        return text
    }

    private mutating func checkKeys(_ mapping: Node.Mapping, allowed: Set<String>, what: String) {
        for key in mapping.keys {
            guard let name = key.string, !allowed.contains(name) else { continue }
            diagnostics.append(
                .warning(
                    "docgen.flow.unknown-key", at: location(of: key),
                    "'\(name)' is not a key of a \(what); it is ignored",
                    fix: "use one of: \(allowed.sorted().joined(separator: ", "))"))
        }
    }

    private mutating func wrongType(_ node: Node, _ summary: String, fix: String) {
        diagnostics.append(.error("docgen.flow.wrong-type", at: location(of: node), summary, fix: fix))
    }

    /// The file location of a node, with libyaml's scalar column turned into a UTF-8 byte column.
    private func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(path: file.path, line: 1, column: 1) }
        return location(line: mark.line, scalarColumn: mark.column)
    }

    private func location(line: Int, scalarColumn: Int) -> SourceLocation {
        var column = scalarColumn
        if line >= 1, line <= lines.count {
            let prefix = lines[line - 1].unicodeScalars.prefix(max(0, scalarColumn - 1))
            column = prefix.reduce(0) { $0 + String($1).utf8.count } + 1
        }
        return SourceLocation(path: file.path, line: line, column: column)
    }

    private func yamlDiagnostic(_ error: Error) -> Diagnostic {
        var where_ = SourceLocation(path: file.path, line: 1, column: 1)
        var problem = "\(error)"
        if let yamlError = error as? YamlError {
            switch yamlError {
            case .scanner(_, let text, let mark, _), .parser(_, let text, let mark, _),
                .composer(_, let text, let mark, _):
                where_ = location(line: mark.line, scalarColumn: mark.column)
                problem = text
            case .duplicatedKeysInMapping(let duplicates, let context):
                where_ = location(line: context.mark.line, scalarColumn: context.mark.column)
                problem = "duplicated keys: \(duplicates.joined(separator: ", "))"
            default: break
            }
        }
        return .error(
            "docgen.flow.invalid-yaml", at: where_, "the flow file is not valid YAML: \(problem)",
            fix: "quote texts that contain ': ' or start with a special character")
    }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.isWhitespace { scalars = scalars.dropLast() }
        return String(scalars)
    }

    fileprivate func replacingSpaces() -> String {
        String(map { $0 == " " || $0 == "_" ? "-" : $0 })
    }
}
