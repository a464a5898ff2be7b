import DocGenContent
import DocGenCore
import DocGenFlowchart

/// One static page per flow node per language (`fr/flows/<name>/<node>.html`), so a decision
/// can be walked by following links, with no script at all.
extension SiteRenderer {
    /// The node pages of every flow, in both languages.
    public func renderFlowPages() -> [OutputFile] {
        guard templates.has("flownode") else { return [] }
        var files: [OutputFile] = []
        for flow in flows.values.sorted(by: { $0.name < $1.name }) {
            for language in paths.languages {
                let other = paths.languages.first { $0 != language } ?? language
                for page in FlowSite.pages(for: flow, language: language, texts: theme.strings(for: language)) {
                    let outputPath = language.code + "/" + page.path
                    let otherPath = other.code + "/" + page.path
                    var context = contexts.base(
                        outputPath: outputPath, language: language, kind: "flownode", title: page.title)
                    PageContext.merge(
                        [
                            "content": page.bodyHTML,
                            "otherLanguage": contexts.alternate(from: outputPath, to: otherPath, language: other),
                            "alternates": contexts.alternates(
                                from: outputPath, to: paths.languages.map { ($0, $0.code + "/" + page.path) }),
                        ], into: &context)
                    if let html = templates.renderPage("flownode", context: context) {
                        files.append(OutputFile(path: outputPath, text: html))
                    }
                }
            }
        }
        return files
    }
}
