import DocGenCompile
import DocGenContent
import DocGenCore

/// The pages of a site that are not articles: home pages, the root language chooser, the full
/// table of contents per language, redirect pages, `404.html`, `sitemap.xml` and `robots.txt`.
extension SiteRenderer {
    /// The home page of each language: every page, sorted by title, with English gaps marked.
    /// When the docset has its own root `index.md`/`index.yml`, that page is the home page and
    /// the list of every page moves to `<lang>/articles.html`.
    public func renderHomes(_ articles: [Article]) -> [OutputFile] {
        let hasOwnHome = articles.contains { $0.path == "index.md" || $0.path == "index.yml" }
        let listPath = { (language: Language) in
            hasOwnHome ? language.code + "/articles.html" : paths.home(in: language)
        }
        return paths.languages.compactMap { language in
            let outputPath = listPath(language)
            let side = paths.side(for: language)
            var context = contexts.base(outputPath: outputPath, language: language, kind: "home", title: settings.title)
            // Sorted by their keys kept beside them, not read back from each entry at every comparison.
            let entries = articles.map { article -> (sortKey: String, url: String, entry: [String: Any]) in
                let title = article.title(side)
                let url = SitePath.relativeURL(from: outputPath, to: paths.page(forArticle: article.path, in: language))
                let sortKey = (title ?? article.targetTitle).folding(
                    options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
                var entry: [String: Any] = [
                    "title": title ?? article.targetTitle, "url": url, "missingTranslation": title == nil,
                    "sortKey": sortKey,
                ]
                // Left out when empty: Mustache treats "" as true.
                if side == .target, let description = article.frontMatter.description, !description.isEmpty {
                    entry["description"] = description
                }
                return (sortKey, url, entry)
            }.sorted { ($0.sortKey, $0.url) < ($1.sortKey, $1.url) }.map(\.entry)
            let other = paths.languages.first { $0 != language } ?? language
            var values: [String: Any] = [
                "articles": entries, "articleCount": entries.count,
                "otherLanguage": contexts.alternate(
                    from: outputPath, to: listPath(other),
                    language: other),
                "alternates": contexts.alternates(from: outputPath, to: paths.languages.map { ($0, listPath($0)) }),
            ]
            values.merge(publishing(outputPath: outputPath, language: language)) { $1 }
            values.merge(furniture.context(forPage: nil, outputPath: outputPath, language: language)) { $1 }
            PageContext.merge(values, into: &context)
            return templates.renderPage("home", context: context).map { OutputFile(path: outputPath, text: $0) }
        }
    }

    /// `index.html` at the output root: links to each language's home, and a script that sends
    /// a visitor to the language they chose before or their browser prefers.
    public func renderRoot() -> OutputFile? {
        let languages = paths.languages.map { language -> [String: Any] in
            [
                "code": language.code, "name": theme.string("languageName", language), "url": paths.home(in: language),
                "title": theme.string("chooseLanguage", language), "dir": language.direction,
            ]
        }
        let context: [String: Any] = [
            "site": ["title": settings.title], "languages": languages, "defaultLanguage": paths.targetLanguage.code,
            "defaultDir": paths.targetLanguage.direction,
            "defaultURL": paths.home(in: paths.targetLanguage), "assets": PagePaths.assetsFolder + "/", "root": "",
            // What the inline script reads, JSON-encoded so no value can end the script or run in it.
            "choicesJSON": ScriptSafeJSON.object(paths.languages.map { ($0.code, paths.home(in: $0)) }),
            "defaultURLJSON": ScriptSafeJSON.string(paths.home(in: paths.targetLanguage)),
        ]
        return templates.render("root", context: context).map { OutputFile(path: "index.html", text: $0) }
    }

    /// `fr/toc.html` and `en/toc.html`: the whole navigation tree, every branch open. Works without
    /// JavaScript; the script loads it to expand the sidebar in place.
    public func renderTableOfContents() -> [OutputFile] {
        guard templates.has("toc") else { return [] }
        return paths.languages.compactMap { language in
            let outputPath = language.code + "/toc.html"
            var context = contexts.base(
                outputPath: outputPath, language: language, kind: "toc", title: theme.string("fullTOC", language))
            let other = paths.languages.first { $0 != language } ?? language
            PageContext.merge(
                [
                    "tree": furniture.fullTree(outputPath: outputPath, language: language),
                    "otherLanguage": contexts.alternate(
                        from: outputPath, to: other.code + "/toc.html", language: other),
                ], into: &context)
            return templates.renderPage("toc", context: context).map { OutputFile(path: outputPath, text: $0) }
        }
    }

    /// A page in each language at each redirect's old address, sending readers on.
    public func renderRedirects(_ redirects: [Redirect]) -> [OutputFile] {
        guard templates.has("redirect") else { return [] }
        return redirects.flatMap { redirect in
            paths.languages.compactMap { language -> OutputFile? in
                let outputPath = paths.page(forArticle: redirect.sourcePath, in: language)
                let url: String
                switch redirect.target {
                case .page(let page, let suffix):
                    url =
                        SitePath.relativeURL(from: outputPath, to: paths.page(forArticle: page, in: language)) + suffix
                case .external(let external):
                    url =
                        external.hasPrefix("/") && !external.hasPrefix("//")
                        ? (settings.rootLinkBase ?? "") + external : external
                case .none: return nil
                }
                let context: [String: Any] = [
                    "lang": language.code, "dir": language.direction, "url": url,
                    "strings": theme.strings(for: language),
                    "site": ["title": settings.title],
                    "assets": String(SitePath.relativeURL(from: outputPath, to: "assets/x").dropLast(1)),
                ]
                return templates.render("redirect", context: context).map { OutputFile(path: outputPath, text: $0) }
            }
        }
    }

    /// `404.html` at the root, with absolute links when the base URL is known.
    public func renderNotFound() -> OutputFile? {
        guard templates.has("404") else { return nil }
        let base = settings.baseURL ?? "/"
        let context: [String: Any] = [
            "site": ["title": settings.title], "base": base, "assets": base + "assets/",
            "languages": paths.languages.map { language -> [String: Any] in
                [
                    "code": language.code, "dir": language.direction, "url": base + paths.home(in: language),
                    "strings": theme.strings(for: language),
                ]
            },
            "lang": paths.targetLanguage.code, "dir": paths.targetLanguage.direction,
        ]
        return templates.render("404", context: context).map { OutputFile(path: "404.html", text: $0) }
    }

    /// `sitemap.xml` with `xhtml:link` hreflang alternates (only with a base URL) and `robots.txt`.
    public func renderCrawlerFiles(_ articles: [Article]) -> [OutputFile] {
        guard let base = settings.baseURL else {
            return [OutputFile(path: "robots.txt", text: "User-agent: *\nAllow: /\n")]
        }
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">

            """
        for article in articles {
            let languages = article.isTargetOnly ? [paths.targetLanguage] : paths.languages
            for language in languages {
                xml += "<url><loc>\(escapeXML(base + paths.page(forArticle: article.path, in: language)))</loc>"
                if let date = article.frontMatter.date { xml += "<lastmod>\(date.iso8601)</lastmod>" }
                if languages.count > 1 {
                    for alternate in languages {
                        xml +=
                            "<xhtml:link rel=\"alternate\" hreflang=\"\(alternate.code)\" href=\"\(escapeXML(base + paths.page(forArticle: article.path, in: alternate)))\"/>"
                    }
                    xml +=
                        "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"\(escapeXML(base + paths.page(forArticle: article.path, in: paths.targetLanguage)))\"/>"
                }
                xml += "</url>\n"
            }
        }
        xml += "</urlset>\n"
        return [
            OutputFile(path: "sitemap.xml", text: xml),
            OutputFile(path: "robots.txt", text: "User-agent: *\nAllow: /\nSitemap: \(base)sitemap.xml\n"),
        ]
    }

    private func escapeXML(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }
}
