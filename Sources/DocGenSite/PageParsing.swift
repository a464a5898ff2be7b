import DocGenContent
import DocGenCore

extension SiteBuilder {
    /// Reads and parses every Markdown article (on the workers, or from `texts` when staleness read
    /// them first) and every YAML page, records them for the cache, and returns them sorted by path
    /// with docfx.json's defaults applied.
    static func parsePages(
        _ content: ContentSet, texts: [SourceFile]?, config: DocsetConfiguration, workers: Int?,
        recorder: inout CacheRecorder, diagnostics: inout [Diagnostic]
    ) -> [Article] {
        let caching = recorder.caching
        // docfx.json's defaults are matched and applied where each page is parsed, on the workers;
        // the cache records the page as its file has it.
        let defaulted = { (article: Article) -> FrontMatter? in
            let defaults = config.metadata(for: article.path)
            return defaults.isEmpty ? nil : article.frontMatter.addingDefaults(defaults, path: article.path)
        }
        let parse = { (source: SourceFile) -> ParsedArticle? in
            guard config.isContent(source.path) else { return nil }
            let parsed = ArticleParser.parse(source)
            return (
                parsed, caching ? CacheRecorder.digests(parsed.article, text: source.text) : nil,
                defaulted(parsed.article)
            )
        }
        let yamlPages = content.structureFiles.filter {
            config.isContent($0.path) && YamlPageParser.kind(of: $0.text) != nil && !isFlowFile($0)
        }
        // Yams reads each YAML page, beside the articles' parse rather than after it.
        let yamlWork = Parallel.start(workers: workers) {
            yamlPages.compactMap { page in
                YamlPageParser.parse(page).map {
                    ($0, caching ? CacheRecorder.digests(page.text) : nil, defaulted($0.article))
                }
            }
        }
        let markdown: [ParsedArticle]
        if let texts {
            markdown = Parallel.map(texts, workers: workers, parse).compactMap { $0 }
        } else {
            let read = ContentLoader.readArticles(content, workers: workers, parse)
            diagnostics += recorder.keepArticleDiagnostics(read.flatMap(\.1))
            markdown = read.compactMap { $0.0 ?? nil }
        }
        let yaml = yamlWork.value
        for (parsed, digests, _) in markdown + yaml {
            recorder.parsed(parsed.article, diagnostics: parsed.diagnostics, digests: digests)
        }
        return (markdown + yaml).map { item in
            var article = item.parsed.article
            if let frontMatter = item.defaulted { article.frontMatter = frontMatter }
            return article
        }.sorted { $0.path < $1.path }
    }
}

/// An article parsed, with the digests of its text when the build keeps a cache, and its front
/// matter with the docset's defaults when any apply.
private typealias ParsedArticle = (
    parsed: (article: Article, diagnostics: [Diagnostic]), digests: (text: ContentDigest, facts: ContentDigest)?,
    defaulted: FrontMatter?
)
