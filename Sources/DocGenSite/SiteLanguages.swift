import DocGenContent
import DocGenCore

/// Decides the site's target language from docgen.yml's `language` or the articles' `ms.contentlocale`.
enum SiteLanguages {
    /// docgen.yml's `language` when it is a language tag other than the source language's;
    /// else the articles' (see `target(of:)`). A refused value is reported at its line.
    static func target(configured: String?, config: SourceFile?, articles: [Article]) -> (Language, [Diagnostic]) {
        guard let configured else { return (target(of: articles), []) }
        let line = config.flatMap { file in
            file.text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex {
                $0.hasPrefix("language:")
            }
        }
        let location = config.map { SourceLocation(path: $0.path, line: (line ?? 0) + 1) }
        guard let language = Language(tag: configured) else {
            return (target(of: articles), [Language.invalidTagDiagnostic(configured, key: "language", at: location)])
        }
        guard language != .english else {
            let problem = Diagnostic.error(
                "docgen.language.invalid", at: location,
                "'language' is '\(configured)', the source language; the target language must differ from it",
                fix: "set language to the language the articles are translated into, such as fr")
            return (target(of: articles), [problem])
        }
        return (language, [])
    }

    /// The most common content locale among the articles (ties broken by code); French when none says.
    /// Locales that are not language tags were refused when the front matter was read.
    static func target(of articles: [Article]) -> Language {
        var counts: [Language: Int] = [:]
        for article in articles {
            if let locale = article.frontMatter.contentLocale, let language = Language(tag: locale) {
                if language != .english { counts[language, default: 0] += 1 }
            }
        }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? .french
    }
}
