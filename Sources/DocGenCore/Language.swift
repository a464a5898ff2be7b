/// A language of the site, by its BCP 47 code (`fr`, `en`, `fr-FR`).
public struct Language: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The language code as written in `<html lang>` (for example `fr`).
    public var code: String

    /// Creates a language from a code such as `fr-FR`; only the primary subtag is kept,
    /// so that page folders are short (`fr/`, `en/`).
    public init(_ code: String) {
        let primary = code.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? code
        self.code = primary.lowercased()
    }

    /// English: the source language of the bilingual articles, the one translated from.
    public static let english = Language("en")
    /// French: the default target language, the one translated to.
    public static let french = Language("fr")

    public var description: String { code }

    /// Chinese and Japanese: written without spaces between words, so their text is measured in
    /// characters rather than words (Korean separates words with spaces and is counted in words).
    public var countsCharacters: Bool { code == "zh" || code == "ja" }

    public static func < (lhs: Language, rhs: Language) -> Bool { lhs.code < rhs.code }
}

/// Which half of a bilingual text to take: the target (translated) or the source (English) text.
public enum TextSide: String, Sendable, Hashable, CaseIterable {
    /// The translated text, in the target language (French in the corpus).
    case target
    /// The original text, in the source language (English).
    case source
}
