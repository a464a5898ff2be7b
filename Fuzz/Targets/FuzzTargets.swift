import DocGenCompile
import DocGenContent
import DocGenCore
import DocGenMarkdown
import DocGenTranslation

/// The entry points the fuzzers drive, one per reader of untrusted input, shared by the
/// libFuzzer driver (`Fuzz/Driver`, built only with `DOCGEN_FUZZ=1`) and the test that replays
/// every crasher found so far (`Tests/DocGenSiteTests/Fixtures/fuzz/<target>/`). Each takes
/// arbitrary bytes and must return without crashing, whatever they are.
public enum FuzzTargets {
    /// The readers, by the name the scripts and fixture folders use.
    public static let all: [String: ([UInt8]) -> Void] = [
        "frontmatter": frontMatter, "segments": segments, "compile": compile, "toc": toc, "flow": flow,
        "translation": translation, "yamlpage": yamlPage, "html": html,
    ]

    /// The front-matter splitter and YAML reader.
    public static func frontMatter(_ bytes: [UInt8]) {
        _ = FrontMatterParser.parse(SourceFile(path: "fuzz.md", text: text(bytes)))
    }

    /// The segment scanner over a whole file.
    public static func segments(_ bytes: [UInt8]) {
        _ = SegmentScanner(bytes: Array(text(bytes).utf8), path: "fuzz.md").scan(bodyStart: 0)
    }

    /// An article through the whole compile step (front matter, segments, includes, directives,
    /// cmark, segment nodes, headings, links) and the HTML walker.
    public static func compile(_ bytes: [UInt8]) {
        let (article, _) = ArticleParser.parse(SourceFile(path: "fuzz.md", text: text(bytes)))
        let paths = PagePaths(targetLanguage: Language("fr"))
        let links = LinkResolver(articlePaths: ["fuzz.md", "other.md"], resourcePaths: ["a.png"], paths: paths)
        let compiled = ArticleCompiler(links: links, flowNames: ["flow"]).compile(article)
        for body in [compiled.target] + (compiled.source.map { [$0] } ?? []) {
            _ = HTMLRenderer.render(body.root, context: HTMLRenderContext())
        }
    }

    /// The YAML and Markdown table-of-contents readers.
    public static func toc(_ bytes: [UInt8]) {
        _ = TOCParser.parseYAML(SourceFile(path: "TOC.yml", text: text(bytes)))
        _ = TOCParser.parseMarkdown(SourceFile(path: "TOC.md", text: text(bytes)))
    }

    /// The decision-flow reader.
    public static func flow(_ bytes: [UInt8]) {
        _ = FlowParser.parse(SourceFile(path: "flows/fuzz.yml", text: text(bytes)))
    }

    /// The translation file readers (XLIFF 1.2/2.0, TMX, PO, JSON Lines; the format comes from the bytes).
    public static func translation(_ bytes: [UInt8]) {
        _ = TranslationFileReader.read(path: "fuzz.xlf", bytes: bytes)
    }

    /// The Landing and FAQ page reader.
    public static func yamlPage(_ bytes: [UInt8]) {
        _ = YamlPageParser.parse(SourceFile(path: "fuzz.yml", text: "### YamlMime:Landing\n" + text(bytes)))
        _ = YamlPageParser.parse(SourceFile(path: "fuzz.yml", text: "### YamlMime:FAQ\n" + text(bytes)))
    }

    /// The raw-HTML tag scanner and sanitizer, in both modes.
    public static func html(_ bytes: [UInt8]) {
        _ = HTMLSanitizer.sanitize(text(bytes), allowList: false)
        _ = HTMLSanitizer.sanitize(text(bytes), allowList: true)
    }

    private static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
}
