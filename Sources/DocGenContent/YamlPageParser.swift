import DocGenCore
import Yams

/// Reads DocFX YAML pages (`### YamlMime:Landing`, `### YamlMime:FAQ`) into `Article`s whose body
/// is Markdown generated from the YAML, each block anchored at the YAML node it came from so
/// diagnostics point near the right line. YAML pages carry no segment pairs: they are target-only.
public enum YamlPageParser {
    /// The YAML page kind named on the first line, or `nil` for ordinary YAML (TOC, config).
    public static func kind(of text: String) -> PageKind? {
        let first = text.prefix(while: { $0 != "\n" }).trimmingCharacters(in: .whitespaces)
        switch first.lowercased() {
        case "### yamlmime:landing", "### yamlmime:hub": return .landing
        case "### yamlmime:faq": return .faq
        default: return nil
        }
    }

    /// Parses a YAML page; `nil` when the file is not one.
    public static func parse(_ file: SourceFile) -> (article: Article, diagnostics: [Diagnostic])? {
        guard let kind = kind(of: file.text) else { return nil }
        let lines = LineTable(file.text)
        let (root, diagnostics) = YAMLErrorPosition.compose(
            file, identifier: "docgen.yamlpage.invalid-yaml", what: "the YAML page",
            fix: "check indentation and quote values containing ': '")
        let mapping = root?.mapping
        var pieces: [BilingualText.Piece] = []
        let bytes = Array(file.text.utf8)
        func offset(_ node: Node?) -> Int {
            guard let mark = node?.mark else { return 0 }
            return lines.offset(of: TextPosition(line: mark.line, column: mark.column))
        }
        func add(_ markdown: String, at node: Node?) { pieces.append(.markdown(markdown, offset: offset(node))) }
        /// A scalar's value as Markdown, each run of it at the file bytes it was read from.
        func addScalar(_ value: String, of node: Node?) {
            for run in YamlScalarPieces.pieces(
                of: value, node: node, bytes: bytes, lines: lines, fallback: offset(node))
            {
                pieces.append(.markdown(run.text, offset: run.offset))
            }
        }

        let metadata = mapping?["metadata"]
        var frontMatter = FrontMatter()
        if let metadataMapping = metadata?.mapping {
            let yaml = (try? Yams.serialize(node: .mapping(metadataMapping))) ?? ""
            frontMatter = FrontMatterParser.parse(SourceFile(path: file.path, text: "---\n\(yaml)---\n")).frontMatter
        }
        let title = mapping?["title"]?.string ?? frontMatter.title ?? file.path
        add("# \(escapeInline(title))\n\n", at: mapping?["title"])
        if let summary = mapping?["summary"]?.string {
            addScalar(summary, of: mapping?["summary"])
            add("\n\n", at: mapping?["summary"])
        }
        var faq: [(String, String)] = []
        switch kind {
        case .landing:
            for block in mapping?["landingContent"]?.sequence ?? Node.Sequence() {
                add("## \(escapeInline(block["title"]?.string ?? ""))\n\n", at: block)
                for list in block["linkLists"]?.sequence ?? Node.Sequence() {
                    for link in list["links"]?.sequence ?? Node.Sequence() {
                        let label = escapeInline(link["text"]?.string ?? "")
                        add("- [\(label)](<", at: link)
                        addScalar(link["url"]?.string ?? "", of: link["url"])
                        add(">)\n", at: link)
                    }
                    add("\n", at: list)
                }
            }
        case .faq:
            for section in mapping?["sections"]?.sequence ?? Node.Sequence() {
                if let name = section["name"]?.string { add("## \(escapeInline(name))\n\n", at: section) }
                for item in section["questions"]?.sequence ?? Node.Sequence() {
                    let question = (item["question"]?.string ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                    let answer = item["answer"]?.string ?? ""
                    add("### \(escapeInline(question))\n\n", at: item["question"])
                    addScalar(answer, of: item["answer"])
                    add("\n\n", at: item["answer"])
                    faq.append((question, answer))
                }
            }
        case .markdown: break
        }
        var article = Article(
            path: file.path, frontMatter: frontMatter, body: BilingualText(pieces: pieces), lines: lines,
            targetTitle: InlineText.plain(title), sourceTitle: nil)
        article.kind = kind
        article.faq = faq
        return (article, diagnostics)
    }

    private static func escapeInline(_ text: String) -> String {
        text.replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces)
    }
}
