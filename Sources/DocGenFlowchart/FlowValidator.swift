import DocGenContent
import DocGenCore

/// Checks the graph of a parsed flow: every target exists, every node can be reached from the
/// start, questions have answers, outcomes have none, loops are intended, every label is written
/// in each language of the site (its target and source), and ids are unique.
///
/// Pure: takes a flow, returns diagnostics (sorted by location). Each kind of defect has its own
/// stable identifier, listed in `FlowValidator.Identifier`.
public enum FlowValidator {
    /// The identifiers of the diagnostics the validator reports.
    public enum Identifier {
        /// An answer or `next:` names a node that does not exist.
        public static let unknownTarget = "docgen.flow.unknown-target"
        /// `start:` names a node that does not exist.
        public static let unknownStart = "docgen.flow.unknown-start"
        /// No path from the start leads to the node.
        public static let unreachable = "docgen.flow.unreachable"
        /// A question offers no answer, so the reader is stuck.
        public static let questionWithoutAnswers = "docgen.flow.question-without-answers"
        /// An outcome has answers although it ends the decision.
        public static let outcomeWithAnswers = "docgen.flow.outcome-with-answers"
        /// A step or note has more than one way out, or a labelled one.
        public static let stepWithChoices = "docgen.flow.step-with-choices"
        /// The flow loops back although it does not say `cycles: allowed`.
        public static let unmarkedCycle = "docgen.flow.unmarked-cycle"
        /// A label lacks its text in one of the site's languages (the message names which).
        public static let missingText = "docgen.flow.missing-text"
        /// Two nodes share an id.
        public static let duplicateID = "docgen.flow.duplicate-id"
        /// The flow has no node at all.
        public static let empty = "docgen.flow.empty"
    }

    /// The languages of the sample content's flows (French target, English source), required when
    /// a caller names none.
    public static let requiredLanguages: [Language] = [.french, .english]

    /// All the problems of `flow`, sorted by location. Every label must have a text in each of
    /// `languages` (a site's target and source languages).
    public static func validate(_ flow: Flow, languages: [Language] = requiredLanguages) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        guard !flow.nodes.isEmpty else {
            return [
                .error(
                    Identifier.empty, at: flow.startLocation, "the flow '\(flow.name)' has no nodes",
                    fix: "add nodes under 'nodes:'")
            ]
        }
        var seen: [String: SourceLocation] = [:]
        for node in flow.nodes {
            if let first = seen[node.id] {
                diagnostics.append(
                    .error(
                        Identifier.duplicateID, at: node.location,
                        "the id '\(node.id)' is already used by the node at line \(first.line)",
                        fix: "give each node its own id"))
            } else {
                seen[node.id] = node.location
            }
        }
        if flow.node(flow.startID) == nil {
            diagnostics.append(
                .error(
                    Identifier.unknownStart, at: flow.startLocation, "the start node '\(flow.startID)' does not exist",
                    fix: "set 'start:' to the id of the first question"))
        }
        checkText(flow.title, what: "the flow title", languages: languages, into: &diagnostics)
        for node in flow.nodes {
            checkShape(node, into: &diagnostics)
            checkText(node.text, what: "the text of '\(node.id)'", languages: languages, into: &diagnostics)
            if let detail = node.detail {
                checkText(detail, what: "the detail of '\(node.id)'", languages: languages, into: &diagnostics)
            }
            for answer in node.answers {
                if let label = answer.label {
                    checkText(label, what: "an answer of '\(node.id)'", languages: languages, into: &diagnostics)
                }
                if seen[answer.targetID] == nil {
                    diagnostics.append(
                        .error(
                            Identifier.unknownTarget, at: answer.location,
                            "'\(node.id)' leads to '\(answer.targetID)', which is not a node of the flow",
                            fix: nearestID(to: answer.targetID, in: flow).map { "did you mean '\($0)'?" }
                                ?? "add a node with id '\(answer.targetID)'"))
                }
            }
            for link in node.links {
                checkText(link.text, what: "a link of '\(node.id)'", languages: languages, into: &diagnostics)
            }
        }
        let graph = FlowGraph(flow)
        let reachable = graph.reachable(from: flow.startID)
        // With an unknown start everything is unreachable; that is one mistake, reported once.
        for node in flow.nodes
        where !reachable.isEmpty && !reachable.contains(node.id) && seen[node.id] == node.location {
            diagnostics.append(
                .warning(
                    Identifier.unreachable, at: node.location, "no answer leads to '\(node.id)' from the start",
                    fix: "add an answer with 'next: \(node.id)' or remove the node"))
        }
        if !flow.cyclesAllowed {
            for edge in graph.backEdges(from: flow.startID) {
                diagnostics.append(
                    .error(
                        Identifier.unmarkedCycle, at: edge.location,
                        "'\(edge.from)' leads back to '\(edge.to)', which makes a loop",
                        fix: "add 'cycles: allowed' at the top of the file if the loop is intended"))
            }
        }
        return diagnostics.sortedForOutput()
    }

    private static func checkShape(_ node: FlowNode, into diagnostics: inout [Diagnostic]) {
        switch node.kind {
        case .question where node.answers.isEmpty:
            diagnostics.append(
                .error(
                    Identifier.questionWithoutAnswers, at: node.location, "the question '\(node.id)' has no answers",
                    fix: "add 'answers:' with a '- label: …' and 'next: …' per answer, or make it an outcome"))
        case .outcome where !node.answers.isEmpty:
            diagnostics.append(
                .error(
                    Identifier.outcomeWithAnswers, at: node.answers[0].location,
                    "the outcome '\(node.id)' ends the decision but has answers",
                    fix: "make it a question or a step, or remove its answers"))
        case .step, .note:
            if node.answers.count > 1 || node.answers.contains(where: { $0.label != nil }) {
                diagnostics.append(
                    .error(
                        Identifier.stepWithChoices, at: node.location,
                        "the \(node.kind.rawValue) '\(node.id)' offers choices; only questions have answers",
                        fix: "make it a question, or give it a single 'next:'"))
            }
        default: break
        }
    }

    private static func checkText(
        _ text: LocalizedText, what: String, languages: [Language], into diagnostics: inout [Diagnostic]
    ) {
        let missing = text.missing(languages)
        guard !missing.isEmpty else { return }
        let codes = missing.map(\.code).joined(separator: " and ")
        diagnostics.append(
            .error(
                Identifier.missingText, at: text.location, "\(what) has no '\(codes)' text",
                fix: "write it as '{ " + languages.map { "\($0.code): \"…\"" }.joined(separator: ", ") + " }'"))
    }

    /// The existing id closest to a misspelt one (at most two edits away), for the fix suggestion.
    private static func nearestID(to id: String, in flow: Flow) -> String? {
        let candidates = flow.nodes.map(\.id).map { ($0, editDistance(Array(id), Array($0))) }.filter { $0.1 <= 2 }
        return candidates.min { ($0.1, $0.0) < ($1.1, $1.0) }?.0
    }

    private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, ca) in a.enumerated() {
            var current = [i + 1]
            for (j, cb) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (ca == cb ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
