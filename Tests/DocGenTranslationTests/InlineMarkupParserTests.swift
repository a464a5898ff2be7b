import DocGenTranslation
import Testing

@Suite struct InlineMarkupParserTests {
    @Test func boldLinkAndCodeBecomeCodes() {
        let markup = InlineMarkupParser.parse("Select **Billing** then [open](https://x.test/a) `code` <br/>")
        #expect(
            markup.parts == [
                .text("Select "), .open(id: 1, kind: .bold, data: "**"), .text("Billing"),
                .close(id: 1, kind: .bold, data: "**"), .text(" then "), .open(id: 2, kind: .link, data: "["),
                .text("open"), .close(id: 2, kind: .link, data: "](https://x.test/a)"), .text(" "),
                .standalone(id: 3, kind: .code, data: "`code`"), .text(" "),
                .standalone(id: 4, kind: .html, data: "<br/>"),
            ])
    }

    @Test func nestedEmphasisAndCodeInsideBold() {
        let text = "***both*** and **`Get-Item`** and _it_"
        let markup = InlineMarkupParser.parse(text)
        #expect(markup.markdown == text)
        #expect(markup.codes.map(\.kind) == [.italic, .bold, .bold, .italic, .bold, .code, .bold, .italic, .italic])
    }

    @Test(arguments: [
        "**SelectClause**: `SELECT ColumOrMetricName (, ColumOrMetricName)*`",
        "**Operator**:  `=` | `>` | `<` | `LIKE`",
        "1. Sélectionnez **Facturation**.",
        "- not a list [link](a.md \"title\")",
        "2*3*4 is not emphasis",
        "line one **bold**\nline two `code`",
        "[`code ]` in link](x.md)",
    ])
    func everyTextRoundTrips(_ text: String) {
        let markup = InlineMarkupParser.parse(text)
        #expect(markup.markdown == text)
        if text.contains("**") || text.contains("`") { #expect(markup.hasCodes) }
    }
}

@Suite struct InlineMarkupBoldTests {
    @Test(arguments: [
        "Cliquez sur **Enregistrer**.", "**Remarque** : l’**option** « **a** »", "**1** et **2**", "x**y**z",
        "** not bold **", "**a** **", "l’\u{A0}**b**\u{A0}:", "(**c**)", "e\u{301}**d**",
    ])
    func boldOnlyTextReadsAsCMarkDoes(_ text: String) {
        let markup = InlineMarkupParser.parse(text)
        #expect(markup.markdown == text)
        let bold = markup.parts.filter { if case .open(_, .bold, _) = $0 { true } else { false } }.count
        let expected = [
            "Cliquez sur **Enregistrer**.": 1, "**Remarque** : l’**option** « **a** »": 3, "**1** et **2**": 2,
            "x**y**z": 1, "** not bold **": 0, "**a** **": 1, "l’\u{A0}**b**\u{A0}:": 1, "(**c**)": 1,
            "e\u{301}**d**": 1,
        ]
        #expect(bold == expected[text])
    }

    @Test func autolinkStartingPastTheTextDoesNotTrap() {
        let text = "🇫🇷\"\u{200D}http://a.b\\http://a.b\\;</b>![\n<https://x.y/z>\\\n"
        #expect(InlineMarkupParser.parse(text).markdown == text)
    }
}

@Suite struct InlineMarkupAutolinkTests {
    @Test func bareURLsStayTextAndAngleAutolinksAreProtected() {
        let bare = InlineMarkupParser.parse("Go to [portal](https://p.test/), sign in as tom@contoso.com **now**.")
        #expect(bare.codes.map(\.kind) == [.link, .link, .bold, .bold])
        #expect(bare.plainText == "Go to portal, sign in as tom@contoso.com now.")
        let angle = InlineMarkupParser.parse("See <https://example.test/a> and **b**")
        #expect(angle.codes.map(\.kind) == [.link, .bold, .bold])
    }
}
