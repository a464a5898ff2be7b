import DocGenContent
import DocGenCore

/// The flow as the JSON `flowchart.js` reads from `<script type="application/json">`, written by
/// hand in a fixed key order so the page is byte-identical from run to run.
enum FlowJSON {
    static func data(flow: Flow, strings: FlowStrings, links: FlowLinks) -> String {
        let language = strings.language
        var seen: Set<String> = []
        var nodes: [String] = []
        for node in flow.nodes where seen.insert(node.id).inserted {
            let answers = node.answers.map { answer in
                "{\"label\":\(s(answer.label?.resolved(language) ?? strings.continueLabel)),\"to\":\(s(answer.targetID))}"
            }
            let nodeLinks = node.links.map { link in
                "{\"href\":\(s(links.article(link.target))),\"text\":\(s(link.text.resolved(language)))}"
            }
            var fields = [
                "\"id\":\(s(node.id))", "\"kind\":\(s(node.kind.rawValue))",
                "\"kindName\":\(s(strings.kindName(node.kind)))", "\"text\":\(s(node.text.resolved(language)))",
            ]
            if let detail = node.detail { fields.append("\"detail\":\(s(detail.resolved(language)))") }
            fields.append("\"links\":[\(nodeLinks.joined(separator: ","))]")
            fields.append("\"answers\":[\(answers.joined(separator: ","))]")
            fields.append("\"page\":\(s(links.nodePage(node.id)))")
            nodes.append("{" + fields.joined(separator: ",") + "}")
        }
        let ui = [
            ("yourAnswers", strings.yourAnswers), ("change", strings.change), ("startAgain", strings.startAgain),
            ("end", strings.end), ("readMore", strings.readMore), ("stepByStep", strings.stepByStep),
        ].map { "\(s($0.0)):\(s($0.1))" }.joined(separator: ",")
        return "{\"name\":\(s(flow.name)),\"start\":\(s(flow.startID)),\"strings\":{\(ui)},\"nodes\":[\n"
            + nodes.joined(separator: ",\n") + "\n]}"
    }

    /// A JSON string literal, safe inside `<script>` (`<` is escaped so `</script>` cannot occur).
    static func s(_ text: String) -> String { ScriptSafeJSON.string(text) }
}
