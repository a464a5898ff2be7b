import DocGenContent
import DocGenCore

/// How far along a translation is: taken from the text itself (empty, stale) and, for the
/// rest, from the article's translation type.
public enum TranslationState: String, Hashable, Sendable, Codable {
    /// The target is empty: nothing to review, everything to translate.
    case initial
    /// The English changed since the translation was made (`export --since`): review it against
    /// the previous English.
    case stale
    /// Machine translation (`ms.translationtype: MT`): a translator should review it.
    case needsReview = "needs-review"
    /// Human translation (`HT`): translated and approved.
    case approved
    /// The article does not say how it was translated.
    case translated

    /// The state for an article's translation type.
    public init(_ type: TranslationType?) {
        switch type {
        case .machine: self = .needsReview
        case .human: self = .approved
        case nil: self = .translated
        }
    }

    /// Whether a translator should look at the unit before it counts as done.
    public var needsWork: Bool {
        switch self {
        case .initial, .stale, .needsReview: true
        case .approved, .translated: false
        }
    }
}

/// One segment as translation tools see it: a key unique in its article, the English source,
/// the translated target and its state.
public struct TranslationUnit: Hashable, Sendable {
    /// A key unique within the article: the segment id, with `_2`, `_3`… added when an id repeats.
    public var key: String
    /// The segment id as written in the article (`0aaa1-104`).
    public var segmentID: String
    /// The English Markdown.
    public var sourceText: String
    /// The translated Markdown.
    public var targetText: String
    /// The review state.
    public var state: TranslationState
    /// Where the segment starts in the article.
    public var location: SourceLocation
    /// The headings, block and neighbours of the segment, for the translator.
    public var context: UnitContext?
    /// The English the translation was made from, when it has changed since (state `stale`).
    public var previousSourceText: String?

    /// Creates a unit.
    public init(
        key: String, segmentID: String, sourceText: String, targetText: String, state: TranslationState,
        location: SourceLocation, context: UnitContext? = nil, previousSourceText: String? = nil
    ) {
        self.context = context
        self.previousSourceText = previousSourceText
        self.key = key
        self.segmentID = segmentID
        self.sourceText = sourceText
        self.targetText = targetText
        self.state = state
        self.location = location
    }
}

/// Every translation unit of one article, with the languages and the article path:
/// the value each export format writes and each import format reads back.
public struct TranslationDocument: Hashable, Sendable {
    /// The article's path in the content folder (`billing/invoice.md`).
    public var articlePath: String
    /// The BCP 47 code of the source language (`en-US`).
    public var sourceLanguage: String
    /// The BCP 47 code of the target language (`fr-FR`, from `ms.contentlocale`).
    public var targetLanguage: String
    /// The units in article order.
    public var units: [TranslationUnit]

    /// Creates a document.
    public init(articlePath: String, sourceLanguage: String, targetLanguage: String, units: [TranslationUnit]) {
        self.articlePath = articlePath
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.units = units
    }

    /// The document of an article's segments. `previousSources` maps a segment index to the English
    /// its translation was made from, for segments whose English changed since (they are `stale`).
    /// `sourceLanguage` is the tag of the language translated from (docgen.yml `sourceLanguage`).
    public init(article: Article, previousSources: [Int: String] = [:], sourceLanguage: String = "en-US") {
        let state = TranslationState(article.frontMatter.translationType)
        let segments = article.segments  // computed from the pieces: read it once
        let keys = Self.keys(for: segments)
        let contexts = UnitContext.contexts(for: article)
        self.init(
            articlePath: article.path, sourceLanguage: sourceLanguage,
            targetLanguage: Self.languageTag(article.frontMatter.contentLocale) ?? "fr-FR",
            units: segments.indices.map { index in
                let segment = segments[index]
                let previous = previousSources[index]
                let unitState: TranslationState =
                    segment.targetText.allSatisfy(\.isWhitespace) ? .initial : previous != nil ? .stale : state
                return TranslationUnit(
                    key: keys[index], segmentID: segment.id, sourceText: segment.sourceText,
                    targetText: segment.targetText, state: unitState, location: segment.location,
                    context: index < contexts.count ? contexts[index] : nil, previousSourceText: previous)
            })
    }

    /// Keys unique within one article, stable for the same article text: the id, then `id_2`, `id_3`…
    public static func keys(for segments: [Segment]) -> [String] {
        var seen: [String: Int] = [:]
        return segments.map { segment in
            let count = (seen[segment.id] ?? 0) + 1
            seen[segment.id] = count
            return count == 1 ? segment.id : "\(segment.id)_\(count)"
        }
    }

    /// `fr-fr` → `fr-FR`: the form XML `xml:lang` and PO `Language` headers expect.
    static func languageTag(_ locale: String?) -> String? {
        guard let locale, !locale.isEmpty else { return nil }
        let parts = locale.split(whereSeparator: { $0 == "-" || $0 == "_" })
        guard let first = parts.first else { return nil }
        return ([first.lowercased()] + parts.dropFirst().map { $0.count == 2 ? $0.uppercased() : String($0) })
            .joined(separator: "-")
    }
}
