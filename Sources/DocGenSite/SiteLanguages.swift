import DocGenContent
import DocGenCore

/// Decides the site's target language from the articles' `ms.contentlocale`.
enum SiteLanguages {
    /// The most common content locale among the articles other than the source language (ties
    /// broken by code); French, the sample content's, when none says.
    static func target(of articles: [Article], source: Language) -> Language {
        var counts: [Language: Int] = [:]
        for article in articles {
            if let locale = article.frontMatter.contentLocale, !locale.isEmpty {
                let language = Language(locale)
                if language != source { counts[language, default: 0] += 1 }
            }
        }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? .french
    }
}
