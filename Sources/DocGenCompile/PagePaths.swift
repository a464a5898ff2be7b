import DocGenCore

/// Where each source file ends up in the output: article pages under one folder per language
/// (`fr/billing/invoice.html`, `en/billing/invoice.html`), resources at their content path.
public struct PagePaths: Sendable {
    /// The target language (the translation's language).
    public let targetLanguage: Language
    /// The source language (English).
    public let sourceLanguage: Language

    /// Creates the path scheme for a site.
    public init(targetLanguage: Language, sourceLanguage: Language = .english) {
        self.targetLanguage = targetLanguage
        self.sourceLanguage = sourceLanguage
    }

    /// Both languages, target first.
    public var languages: [Language] { [targetLanguage, sourceLanguage] }

    /// The side of the bilingual text a language shows.
    public func side(for language: Language) -> TextSide { language == sourceLanguage ? .source : .target }

    /// The language that shows a side.
    public func language(for side: TextSide) -> Language { side == .source ? sourceLanguage : targetLanguage }

    /// The page of an article (`a/b.md`) in a language: `fr/a/b.html`.
    public func page(forArticle articlePath: String, in language: Language) -> String {
        language.code + "/" + SitePath.replacingExtension(of: articlePath, with: "html")
    }

    /// The home page of a language.
    public func home(in language: Language) -> String { language.code + "/index.html" }

    /// The translation coverage page (in the target language only).
    public var coverage: String { targetLanguage.code + "/coverage.html" }

    /// Where a resource (an image) of the content folder is copied.
    public func resource(_ contentPath: String) -> String { contentPath }

    /// The shared stylesheet and script folder.
    public static let assetsFolder = "assets"

    /// The folder of the search index, written by Pagefind after the pages.
    public static let searchIndexFolder = "pagefind"

    /// The search page of a language: the search box's target without JavaScript, and a full-page search with it.
    public static func searchPage(in language: Language) -> String { language.code + "/search.html" }
}
