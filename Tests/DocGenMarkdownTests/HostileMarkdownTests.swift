import DocGenCore
import DocGenMarkdown
import Testing

/// The URL policy, the raw-HTML sanitizer and the nesting cap on input written to attack them.
@Suite struct HostileMarkdownTests {
    @Test(arguments: [
        "javascript:alert(1)", "JaVaScRiPt:alert(1)", "&#106;avascript:alert(1)", "&#x6A;avascript:alert(1)",
        "&#106avascript:alert(1)", "java\tscript:alert(1)", "java\nscript:alert(1)", " \u{1}javascript:alert(1)",
        "javascript&colon;alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox",
        "file:///etc/passwd",
        "jav&#x09;ascript:alert(1)",
    ])
    func scriptSchemesAreRefused(_ url: String) {
        #expect(!URLPolicy.allows(url), "\(url)")
    }

    @Test(arguments: [
        "https://example.com/a:b", "http://x", "mailto:a@b.c", "tel:+33", "#frag", "page.md", "../a/b.md#x",
        "/azure/x", "//cdn.example/x", "a/b:c", "?q=javascript:x", "", "HTTPS://EXAMPLE.COM",
    ])
    func safeURLsPass(_ url: String) {
        #expect(URLPolicy.allows(url), "\(url)")
    }

    @Test func sanitizerAlwaysRemovesHandlersBaseMetaAndScriptURLs() {
        let html = """
            <img src="a.png" onerror="x()"><base href="https://evil/"><meta http-equiv=refresh content="0;url=javascript:x">\
            <a href='java&#x09;script:x' title=t>l</a><a href="https://ok.example/">ok</a><svg><set attributeName=href to="javascript:x"/></svg>
            """
        let (clean, removals) = HTMLSanitizer.sanitize(html, allowList: false)
        #expect(!clean.contains("onerror") && !clean.contains("<base") && !clean.contains("<meta"))
        #expect(!clean.lowercased().contains("script:"))
        #expect(clean.contains("<a href=\"https://ok.example/\">ok</a>"), "an unchanged tag stays as written")
        #expect(clean.contains("<svg>"), "trusted HTML keeps its tags")
        #expect(removals.map(\.identifier).filter { $0 == "docgen.link.unsafe-scheme" }.count == 2)
        #expect(removals.map(\.identifier).filter { $0 == "docgen.html.unsafe" }.count == 3)
    }

    @Test func allowListKeepsDocumentationTagsOnly() {
        let html =
            "<kbd>K</kbd><object data=x></object><p style=\"a\" class=c>t</p><iframe src=\"https://www.youtube.com/embed/x\"></iframe><iframe src=\"https://evil/\"></iframe>"
        let (clean, removals) = HTMLSanitizer.sanitize(html, allowList: true)
        #expect(
            clean
                == "<kbd>K</kbd><p class=\"c\">t</p><iframe src=\"https://www.youtube.com/embed/x\"></iframe></iframe>")
        #expect(removals.map(\.identifier) == Array(repeating: "docgen.html.disallowed", count: 3))
    }

    @Test func scannerReadsTagsAsABrowserDoes() {
        let tokens = HTMLTagScanner.tokens(#"a < b <IMG/SRC="x"/ONERROR=y><!-- c --></p>"#)
        #expect(tokens.count == 4)
        guard case .tag(let name, let attributes, false, _, _, _) = tokens[1] else {
            Issue.record("no tag: \(tokens)")
            return
        }
        #expect(name == "img")
        #expect(attributes.map(\.name) == ["src", "onerror"])
    }

    @Test(arguments: [
        String(repeating: "- ", count: 11_000) + "x\n", String(repeating: ">", count: 30_000) + " x\n",
        String(repeating: "*a ", count: 5_000) + "x" + String(repeating: " a*", count: 5_000) + "\n",
        String(repeating: "[", count: 10_000) + "x" + String(repeating: "](u)", count: 10_000) + "\n",
    ])
    func deepNestingIsCappedAndItsTextKept(_ markdown: String) {
        let tree = CMark.parse(markdown)
        let html = HTMLRenderer.render(tree, context: HTMLRenderContext())
        #expect(html.contains("x"))
        #expect(depth(of: tree) <= CMark.maximumDepth + 2)
    }

    @Test func jsonForAScriptCannotCloseOrCommentIt() {
        let json = ScriptSafeJSON.serialized("{\"q\":\"</script><!--<script>&\u{2028}\"}")
        #expect(!json.contains("<") && !json.contains(">") && !json.contains("&") && !json.contains("\u{2028}"))
        #expect(json == "{\"q\":\"\\u003c/script\\u003e\\u003c!--\\u003cscript\\u003e\\u0026\\u2028\"}")
    }

    private func depth(of node: MarkdownNode) -> Int {
        var deepest = 0
        var stack = [(node, 1)]
        while let (current, level) = stack.popLast() {
            deepest = max(deepest, level)
            stack += current.children.map { ($0, level + 1) }
        }
        return deepest
    }
}
