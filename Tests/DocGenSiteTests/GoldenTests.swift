import DocGenCompile
import DocGenContent
import DocGenCore
import DocGenRender
import DocGenSite
import Foundation
import Testing

/// Golden files of the rendered article bodies in both languages (the part docgen's Swift code
/// produces; the theme around it is the user's): the three seeds and the "everything" fixture.
/// Re-record with `DOCGEN_RECORD=1 swift test --filter GoldenTests`.
@Suite struct GoldenTests {
    static let sites: [String: URL] = [
        "seeds": TestSupport.repoRoot.appendingPathComponent("Content"),
        "everything": TestSupport.fixtures.appendingPathComponent("everything/content"),
    ]

    @Test(arguments: ["seeds", "everything"])
    func articleBodiesMatchTheirGoldenFiles(site: String) throws {
        let (content, _) = try ContentLoader.load(root: Self.sites[site]!)
        let (theme, _) = try ThemeLoader.load(root: TestSupport.templates)
        let articles = content.articles.map { ArticleParser.parse($0).article }
        let paths = PagePaths(targetLanguage: .french)
        let links = LinkResolver(
            articlePaths: Set(articles.map(\.path)), resourcePaths: Set(content.resources), paths: paths)
        let includes = content.includeFiles.map { ArticleParser.parse($0, isInclude: true).article }
        let compiler = ArticleCompiler(
            links: links, includes: includes,
            imageDescriptionLabels: [
                "fr": theme.string("imageDescription", .french), "en": theme.string("imageDescription", .english),
            ])
        let renderer = ArticleRenderer(theme: theme, paths: paths)
        let golden = TestSupport.fixtures.appendingPathComponent("golden/\(site)")
        var compared = 0
        for article in articles {
            let compiled = compiler.compile(article)
            for side in TextSide.allCases {
                guard let body = compiled.body(side).map({ renderer.render($0, articlePath: article.path) }) else {
                    continue
                }
                let file = golden.appendingPathComponent(
                    SitePath.replacingExtension(of: article.path, with: "\(paths.language(for: side).code).html"))
                if TestSupport.recording {
                    try FileManager.default.createDirectory(
                        at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try Data(body.html.utf8).write(to: file)
                } else {
                    let expected = TestSupport.read(file)
                    #expect(expected != nil, "no golden file \(file.path); run DOCGEN_RECORD=1 swift test")
                    #expect(body.html == expected, "\(article.path) (\(side)) differs from its golden file")
                }
                compared += 1
            }
        }
        #expect(compared >= 3)
    }
}
