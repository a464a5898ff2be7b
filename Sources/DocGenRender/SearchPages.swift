import DocGenCompile
import DocGenCore

/// The search page of each language (`fr/search.html`): where the header's search link leads
/// without JavaScript, explaining what search needs, and a full-page search box with it.
extension SiteRenderer {
    /// One search page per language, when the site is indexed and the theme has a `search` template.
    public func renderSearchPages() -> [OutputFile] {
        guard settings.search, templates.has("search") else { return [] }
        return paths.languages.compactMap { language in
            let outputPath = PagePaths.searchPage(in: language)
            var context = contexts.base(
                outputPath: outputPath, language: language, kind: "search",
                title: theme.string("searchTitle", language))
            let other = paths.languages.first { $0 != language } ?? language
            var values: [String: Any] = [
                "otherLanguage": contexts.alternate(
                    from: outputPath, to: PagePaths.searchPage(in: other), language: other),
                "robotsNoIndex": true,
                "searchAlsoOther": named("searchAlsoIn", other, in: language),
                "searchOtherGroup": named("searchInLanguage", other, in: language),
                "searchOtherCount": named("searchOtherCount", other, in: language),
            ]
            values.merge(furniture.context(forPage: nil, outputPath: outputPath, language: language)) { $1 }
            PageContext.merge(values, into: &context)
            return templates.renderPage("search", context: context).map { OutputFile(path: outputPath, text: $0) }
        }
    }

    /// An interface string with `{language}` replaced by a language's name in the page's language.
    private func named(_ key: String, _ named: Language, in language: Language) -> String {
        theme.string(key, language).replacingOccurrences(of: "{language}", with: languageName(named, in: language))
    }
}
