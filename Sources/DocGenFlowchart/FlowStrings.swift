import DocGenContent
import DocGenCore
import Foundation

/// The interface texts of the diagram, the step-by-step panel and the node pages in one
/// language, from the theme's strings files (keys `flow.*`, see `Templates/strings/en.yml`).
/// A key the texts lack is said in English, so a flow always has words around it.
public struct FlowStrings: Sendable {
    /// The language of the page the texts are shown on.
    public let language: Language
    private let texts: [String: String]

    /// The texts for `language`, taken from an interface strings table (`flow.question`, …).
    public init(_ language: Language, texts: [String: String] = [:]) {
        self.language = language
        self.texts = texts
    }

    private func text(_ key: String) -> String { texts["flow." + key] ?? Self.english[key] ?? key }

    /// The name of a node kind, as read before its text.
    public func kindName(_ kind: FlowNodeKind) -> String { text(kind.rawValue) }

    /// The SVG `<desc>`.
    public func diagramDescription(boxes: Int) -> String {
        text("diagramDescription").replacingOccurrences(of: "{count}", with: String(boxes))
    }

    /// Heading of the step-by-step panel.
    public var stepByStep: String { text("stepByStep") }
    /// Heading of the text version.
    public var textVersion: String { text("textVersion") }
    /// Heading of the list of answers given so far.
    public var yourAnswers: String { text("yourAnswers") }
    /// The link that changes one answer.
    public var change: String { text("change") }
    /// The button and link that go back to the first question.
    public var startAgain: String { text("startAgain") }
    /// The label of the button that continues after a step or note.
    public var continueLabel: String { text("continue") }
    /// Introduces the articles linked from a node.
    public var readMore: String { text("readMore") }
    /// Said in the text version where a node already described is reached again.
    public var seeAbove: String { text("seeAbove") }
    /// Introduces the answer that led to a node.
    public var ifYouAnswer: String { text("ifYouAnswer") }
    /// Shown when the walk reached an end.
    public var end: String { text("end") }
    /// The label of the diagram region.
    public var diagram: String { text("diagram") }
    /// Screen-reader text announcing the current question number.
    public func stepNumber(_ n: Int) -> String { text("stepNumber").replacingOccurrences(of: "{n}", with: String(n)) }
    /// What follows a kind name or an introduction in the text version (`: `, French ` : `).
    public var colon: String { text("colon") }
    /// Quotes around an answer in the text version (“ ”, French « »).
    public var quotes: (open: String, close: String) { (text("quoteOpen"), text("quoteClose")) }

    /// The English texts, for keys a theme's strings do not give.
    static let english: [String: String] = [
        "question": "Question", "step": "Step", "outcome": "Outcome", "note": "Note",
        "diagramDescription":
            "Decision diagram with {count} boxes. The text version and the step-by-step guide describe every path.",
        "stepByStep": "Step by step", "textVersion": "Text version of the diagram", "yourAnswers": "Your answers",
        "change": "Change", "startAgain": "Start again", "continue": "Continue", "readMore": "Read more",
        "seeAbove": "see above", "ifYouAnswer": "If you answer", "end": "End of the decision.", "diagram": "Diagram",
        "stepNumber": "Step {n}", "colon": ": ", "quoteOpen": "“", "quoteClose": "”",
    ]
}
