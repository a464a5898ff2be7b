import DocGenContent
import DocGenCore

/// Decides the site's languages: the source from docgen.yml's `sourceLanguage` (English when
/// unset), the target from docgen.yml's `language` or the articles' `ms.contentlocale`.
enum SiteLanguages {
    /// docgen.yml's `sourceLanguage` when it is a language tag; English otherwise. A refused value
    /// is reported at its line.
    static func source(configured: String?, config: SourceFile?) -> (Language, [Diagnostic]) {
        guard let configured else { return (.english, []) }
        guard let language = Language(tag: configured) else {
            let location = location(of: "sourceLanguage", in: config)
            return (.english, [Language.invalidTagDiagnostic(configured, key: "sourceLanguage", at: location)])
        }
        return (language, [])
    }

    /// docgen.yml's `language` when it is a language tag other than the source language's;
    /// else the articles' (see `target(of:source:)`). A refused value is reported at its line.
    static func target(
        configured: String?, config: SourceFile?, articles: [Article], source: Language
    ) -> (Language, [Diagnostic]) {
        guard let configured else { return (target(of: articles, source: source), []) }
        let location = location(of: "language", in: config)
        guard let language = Language(tag: configured) else {
            return (
                target(of: articles, source: source),
                [Language.invalidTagDiagnostic(configured, key: "language", at: location)]
            )
        }
        guard language != source else {
            let problem = Diagnostic.error(
                "docgen.language.invalid", at: location,
                "'language' is '\(configured)', the source language; the target language must differ from it",
                fix: "set language to the language the articles are translated into, such as fr")
            return (target(of: articles, source: source), [problem])
        }
        return (language, [])
    }

    /// The most common content locale among the articles other than the source language (ties
    /// broken by code); French, the sample content's, when none says. Locales that are not
    /// language tags were refused when the front matter was read.
    static func target(of articles: [Article], source: Language) -> Language {
        var counts: [Language: Int] = [:]
        for article in articles {
            if let locale = article.frontMatter.contentLocale, let language = Language(tag: locale) {
                if language != source { counts[language, default: 0] += 1 }
            }
        }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? .french
    }

    /// Where docgen.yml sets `key`, for diagnostics about its value.
    private static func location(of key: String, in config: SourceFile?) -> SourceLocation? {
        config.map { file in
            let line = file.text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex {
                $0.hasPrefix("\(key):")
            }
            return SourceLocation(path: file.path, line: (line ?? 0) + 1)
        }
    }
}
