import DocGenContent
import DocGenCore

/// The interface texts of the diagram, the step-by-step panel and the node pages, in French
/// (the target language) or English (the source language).
public struct FlowStrings: Sendable {
    /// The language of the texts.
    public let language: Language
    private var french: Bool { language == .french }

    /// The texts for `language`; any language other than French gets English.
    public init(_ language: Language) { self.language = language }

    /// The name of a node kind, as read before its text.
    public func kindName(_ kind: FlowNodeKind) -> String {
        switch kind {
        case .question: french ? "Question" : "Question"
        case .step: french ? "Étape" : "Step"
        case .outcome: french ? "Résultat" : "Outcome"
        case .note: french ? "Remarque" : "Note"
        }
    }

    /// The SVG `<desc>`.
    public func diagramDescription(boxes: Int) -> String {
        french
            ? "Diagramme de décision en \(boxes) étapes. La version texte et le parcours pas à pas décrivent chaque chemin."
            : "Decision diagram with \(boxes) boxes. The text version and the step-by-step guide describe every path."
    }

    /// Heading of the step-by-step panel.
    public var stepByStep: String { french ? "Pas à pas" : "Step by step" }
    /// Heading of the text version.
    public var textVersion: String { french ? "Version texte du diagramme" : "Text version of the diagram" }
    /// Heading of the list of answers given so far.
    public var yourAnswers: String { french ? "Vos réponses" : "Your answers" }
    /// The link that changes one answer.
    public var change: String { french ? "Modifier" : "Change" }
    /// The button and link that go back to the first question.
    public var startAgain: String { french ? "Recommencer" : "Start again" }
    /// The label of the button that continues after a step or note.
    public var continueLabel: String { french ? "Continuer" : "Continue" }
    /// Introduces the articles linked from a node.
    public var readMore: String { french ? "À lire" : "Read more" }
    /// Said in the text version where a node already described is reached again.
    public var seeAbove: String { french ? "voir plus haut" : "see above" }
    /// Introduces the answer that led to a node.
    public var ifYouAnswer: String { french ? "Si vous répondez" : "If you answer" }
    /// Shown when the walk reached an end.
    public var end: String { french ? "Fin du parcours." : "End of the decision." }
    /// The label of the diagram region.
    public var diagram: String { french ? "Diagramme" : "Diagram" }
    /// Screen-reader text announcing the current question number.
    public func stepNumber(_ n: Int) -> String { french ? "Étape \(n)" : "Step \(n)" }
}
