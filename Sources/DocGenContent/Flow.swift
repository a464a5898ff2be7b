import DocGenCore

/// A decision flowchart read from `Content/flows/NAME.yml`: questions, steps, outcomes and notes
/// joined by answers, with every label in French (target) and English (source).
///
/// The model keeps what the author wrote, duplicates and dangling targets included, so that
/// validation (in `DocGenFlowchart`) can point at each mistake; it is never "repaired" here.
public struct Flow: Sendable, Hashable {
    /// The flow's name: the file stem (`onboardingAADFlow`), which is also the name of the image it replaces.
    public var name: String
    /// The path of the flow file relative to the content folder (`flows/onboardingAADFlow.yml`).
    public var path: String
    /// The title shown above the diagram and used as the SVG `<title>`.
    public var title: LocalizedText
    /// The id of the node where the decision starts (the first node when the file names none).
    public var startID: String
    /// Where `start:` was written, for diagnostics about it.
    public var startLocation: SourceLocation
    /// Whether loops are intended (`cycles: allowed`); otherwise a cycle is a diagnostic.
    public var cyclesAllowed: Bool
    /// The nodes in file order.
    public var nodes: [FlowNode]

    /// Creates a flow value.
    public init(
        name: String, path: String, title: LocalizedText, startID: String, startLocation: SourceLocation,
        cyclesAllowed: Bool = false, nodes: [FlowNode]
    ) {
        self.name = name
        self.path = path
        self.title = title
        self.startID = startID
        self.startLocation = startLocation
        self.cyclesAllowed = cyclesAllowed
        self.nodes = nodes
    }

    /// The first node with the given id, or `nil`.
    public func node(_ id: String) -> FlowNode? { nodes.first { $0.id == id } }
}

/// What a node of a flow is, which decides how it is drawn and walked.
public enum FlowNodeKind: String, Sendable, Hashable, CaseIterable {
    /// A choice the reader makes: two or more labelled answers.
    case question
    /// Something the reader does, then continues (at most one unlabelled answer).
    case step
    /// An end of the decision: what to do in the end; it has no answers.
    case outcome
    /// A remark on the way (drawn dashed); like a step it may continue to one node.
    case note
}

/// One node of a flow.
public struct FlowNode: Sendable, Hashable {
    /// The stable id used in targets, URLs and page names (`has-tenant`); lower-case letters, digits, `-`.
    public var id: String
    /// What kind of node it is.
    public var kind: FlowNodeKind
    /// The short text drawn in the diagram box (the question, the step, the outcome).
    public var text: LocalizedText
    /// An optional longer explanation, shown in the step-by-step panel and node pages, not in the diagram.
    public var detail: LocalizedText?
    /// The ways out of this node, in the order the reader sees them.
    public var answers: [FlowAnswer]
    /// Articles to read at this node.
    public var links: [FlowLink]
    /// Where the node starts in the file.
    public var location: SourceLocation

    /// Creates a node value.
    public init(
        id: String, kind: FlowNodeKind, text: LocalizedText, detail: LocalizedText? = nil,
        answers: [FlowAnswer] = [], links: [FlowLink] = [], location: SourceLocation
    ) {
        self.id = id
        self.kind = kind
        self.text = text
        self.detail = detail
        self.answers = answers
        self.links = links
        self.location = location
    }
}

/// A way out of a node: a labelled answer of a question, or the unlabelled `next:` of a step or note.
public struct FlowAnswer: Sendable, Hashable {
    /// The answer as the reader sees it (`Oui` / `Yes`); `nil` for the `next:` of a step or note.
    public var label: LocalizedText?
    /// The id of the node this answer leads to.
    public var targetID: String
    /// Where the target id was written.
    public var location: SourceLocation

    /// Creates an answer value.
    public init(label: LocalizedText?, targetID: String, location: SourceLocation) {
        self.label = label
        self.targetID = targetID
        self.location = location
    }
}

/// A link from a node to an article (content-root-relative `.md` path, optionally with `#anchor`) or to a URL.
public struct FlowLink: Sendable, Hashable {
    /// The article path (`unable-to-sign-in.md`) or an absolute `https:` URL.
    public var target: String
    /// The link text.
    public var text: LocalizedText
    /// Where the link was written.
    public var location: SourceLocation

    /// Creates a link value.
    public init(target: String, text: LocalizedText, location: SourceLocation) {
        self.target = target
        self.text = text
        self.location = location
    }

    /// Whether the target is an absolute URL rather than an article of the site.
    public var isExternal: Bool { target.contains("://") || target.hasPrefix("mailto:") }
}

/// A label in several languages (`fr:` and `en:` in the file), with where it was written.
public struct LocalizedText: Sendable, Hashable {
    /// The text per language code (`fr`, `en`), as written.
    public var texts: [String: String]
    /// Where the label was written.
    public var location: SourceLocation

    /// Creates a label from its texts per language.
    public init(_ texts: [Language: String], location: SourceLocation) {
        var byCode: [String: String] = [:]
        for (language, text) in texts { byCode[language.code] = text }
        self.texts = byCode
        self.location = location
    }

    /// The text in one language, or `nil` when the author did not write it (or left it empty).
    public func text(in language: Language) -> String? {
        guard let text = texts[language.code], !text.isEmpty else { return nil }
        return text
    }

    /// The text in `language`, else in the other language of the pair, so that a page never shows a hole.
    public func resolved(_ language: Language) -> String {
        if let text = text(in: language) { return text }
        for code in texts.keys.sorted() { if let text = texts[code], !text.isEmpty { return text } }
        return ""
    }

    /// The languages that are missing among `required`.
    public func missing(_ required: [Language]) -> [Language] { required.filter { text(in: $0) == nil } }
}
