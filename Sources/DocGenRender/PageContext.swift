import DocGenCompile
import DocGenContent
import DocGenCore
import DocGenMarkdown

/// Builds the Mustache context of a page. Every page gets the same top-level keys, so a theme
/// can rely on them: `lang`, `dir`, `strings`, `site`, `root`, `assets`, `page`, and `otherLang`,
/// `otherDir` (with `otherDirDiffers` when a passage in the other language needs its own `dir`).
struct PageContext {
    let theme: Theme
    let paths: PagePaths
    let siteTitle: String
    /// Each language's interface strings, merged once (not per page).
    let strings: [String: ContextObject]
    /// Whether pages carry the search box (the site is indexed).
    let search: Bool
    /// Each language's Open Graph locale (`fr_FR`), worked out once: ICU is asked at each call.
    let openGraphLocales: [String: String]
    /// The keys of `base` for each language and folder, made on first use.
    private let folders = SharedMemo<[String: Any]>()

    init(theme: Theme, paths: PagePaths, siteTitle: String, search: Bool = false) {
        self.theme = theme
        self.paths = paths
        self.siteTitle = siteTitle
        self.search = search
        self.strings = Dictionary(
            paths.languages.map { ($0.code, ContextObject(theme.strings(for: $0), isSharedStrings: true)) },
            uniquingKeysWith: { a, _ in a })
        self.openGraphLocales = Dictionary(
            paths.languages.map { ($0.code, $0.openGraphLocale) }, uniquingKeysWith: { a, _ in a })
    }

    /// The keys shared by every page at `outputPath` in `language`.
    func base(outputPath: String, language: Language, kind: String, title: String) -> [String: Any] {
        // All but `page` depend only on the page's folder (its path up to the last `/`, as
        // relative URLs read it) and language: made once for each.
        let folderEnd = outputPath.utf8.lastIndex(of: UInt8(ascii: "/")) ?? outputPath.utf8.startIndex
        let key = language.code + "\u{0}" + outputPath[..<folderEnd]
        var context = folders.value(key) { folderKeys(outputPath: outputPath, language: language) }
        context["page"] =
            [
                "kind": kind, "title": title, "path": outputPath,
                "is" + kind.prefix(1).uppercased() + kind.dropFirst(): true,
            ] as [String: Any]
        return context
    }

    /// The keys of `base` but `page`.
    private func folderKeys(outputPath: String, language: Language) -> [String: Any] {
        let root = SitePath.relativeURL(from: outputPath, to: "index.html").dropLast("index.html".count)
        let other = paths.languages.first { $0 != language } ?? language
        var site: [String: Any] = [
            "title": siteTitle,
            "homeURL": SitePath.relativeURL(from: outputPath, to: paths.home(in: language)),
            "rootURL": root.isEmpty ? "./" : String(root),
        ]
        // Every page links to the coverage page when the theme has one (footer, home pages).
        if theme.templates["coverage"] != nil {
            site["coverageURL"] = SitePath.relativeURL(from: outputPath, to: paths.coverage)
            site["coverageLang"] = paths.targetLanguage.code
        }
        if search { site["searchURL"] = SitePath.relativeURL(from: outputPath, to: PagePaths.searchPage(in: language)) }
        return [
            "lang": language.code,
            "strings": strings[language.code] ?? ContextObject(theme.strings(for: language)),
            "site": site,
            "root": String(root),
            "assets": String(root) + PagePaths.assetsFolder + "/",
            "otherLang": other.code,
            "dir": language.direction,
            "otherDir": other.direction,
            "otherDirDiffers": other.direction != language.direction,
        ]
    }

    /// The `hreflang` alternates of a page: each language's version, then `x-default` (the
    /// target language's version, the one a reader of any other language is sent to) when there
    /// are several. `urls` maps each language with a version to its output path.
    func alternates(from outputPath: String, to urls: [(Language, String)]) -> [[String: Any]] {
        var list: [[String: Any]] = urls.map {
            ["hreflang": $0.0.code, "url": SitePath.relativeURL(from: outputPath, to: $0.1)]
        }
        if urls.count > 1, let fallback = urls.first(where: { $0.0 == paths.targetLanguage }) ?? urls.first {
            list.append(["hreflang": "x-default", "url": SitePath.relativeURL(from: outputPath, to: fallback.1)])
        }
        return list
    }

    /// The attribute that sets the direction of a passage in `language` inside a page in `page`:
    /// empty when both are written the same way, ` dir="rtl"` or ` dir="ltr"` otherwise.
    static func directionAttribute(_ language: Language, inPage page: Language) -> String {
        language.direction == page.direction ? "" : " dir=\"\(language.direction)\""
    }

    /// Describes the other-language version of a page for the toggle and `hreflang` links.
    func alternate(from outputPath: String, to otherPath: String, language: Language) -> [String: Any] {
        [
            "code": language.code,
            "name": theme.string("languageName", language),
            "url": SitePath.relativeURL(from: outputPath, to: otherPath),
            "label": theme.string("readIn", language),
        ]
    }

    /// Merges page-specific values into the `page` dictionary of a base context.
    static func merge(_ values: [String: Any], into context: inout [String: Any]) {
        // Taken out of the context first, so that the context does not hold a second reference to
        // the dictionary, which would make each insertion copy it.
        var page = context.removeValue(forKey: "page") as? [String: Any] ?? [:]
        page.reserveCapacity(page.count + values.count)
        for (key, value) in values { page[key] = value }
        context["page"] = page
    }
}
