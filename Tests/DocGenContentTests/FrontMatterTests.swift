import DocGenContent
import DocGenCore
import Testing

@Suite struct FrontMatterTests {
    private func parse(_ text: String) -> FrontMatterParser.Result {
        FrontMatterParser.parse(SourceFile(path: "a.md", text: text))
    }

    @Test func typesKnownKeysAndKeepsEveryKeyInOrder() {
        let result = parse(
            """
            ---
            title: Billing | Partner Center
            ms.date: 04/03/2020
            ms.lasthandoff: 09/29/2017
            ms.translationtype: MT
            ms.contentlocale: fr-FR
            ms.locfileid: "80676822"
            custom.key: kept
            Keywords: a, b , c
            robots:
            ---
            # Body
            """)
        #expect(result.diagnostics.isEmpty)
        let meta = result.frontMatter
        #expect(meta.title == "Billing | Partner Center")
        #expect(meta.date == MetadataDate(year: 2020, month: 4, day: 3))
        #expect(meta.lastHandoff == MetadataDate(year: 2017, month: 9, day: 29))
        #expect(meta.translationType == .machine)
        #expect(meta.contentLocale == "fr-FR")
        #expect(meta.locFileID == "80676822")
        #expect(meta.keywords == ["a", "b", "c"])
        #expect(
            meta.entries.map(\.key) == [
                "title", "ms.date", "ms.lasthandoff", "ms.translationtype", "ms.contentlocale", "ms.locfileid",
                "custom.key", "Keywords", "robots",
            ])
        #expect(meta["custom.key"] == "kept")
        #expect(result.body == "# Body\n")
        #expect(result.bodyLineOffset == 11)
    }

    @Test func missingFrontMatterIsAWarningAndTheBodyIsKept() {
        let result = parse("# Title\n\nText\n")
        #expect(result.diagnostics.map(\.identifier) == ["docgen.frontmatter.missing"])
        #expect(result.body == "# Title\n\nText\n")
    }

    @Test func unclosedFrontMatterPointsAtLineOne() {
        let result = parse("---\ntitle: x\n# Title\n")
        #expect(result.diagnostics.map(\.identifier) == ["docgen.frontmatter.unclosed"])
        #expect(result.diagnostics.first?.location?.line == 1)
        #expect(result.diagnostics.first?.severity == .error)
    }

    @Test func invalidYAMLReportsTheFileLine() {
        let result = parse("---\ntitle: ok\ndescription: \"unterminated\nauthor: x\n---\nBody\n")
        #expect(result.diagnostics.map(\.identifier) == ["docgen.frontmatter.invalid-yaml"])
        let line = result.diagnostics.first?.location?.line ?? 0
        #expect((3...5).contains(line), "line \(line) should point into the YAML, not at the fence")
    }

    @Test func wronglyTypedValuesAreDiagnosed() {
        let result = parse("---\ntitle:\n  - a\n  - b\nms.date: yesterday\nms.translationtype: XX\n---\n")
        let ids = result.diagnostics.map(\.identifier)
        #expect(ids.contains("docgen.frontmatter.wrong-type"))
        #expect(ids.contains("docgen.frontmatter.invalid-date"))
        #expect(ids.contains("docgen.frontmatter.unknown-translation-type"))
        let dateLine = result.diagnostics.first { $0.identifier == "docgen.frontmatter.invalid-date" }?.location?.line
        #expect(dateLine == 5)
    }

    @Test func datesParseBothFormatsAndRejectNonsense() {
        #expect(MetadataDate(parsing: "12/31/2019") == MetadataDate(year: 2019, month: 12, day: 31))
        #expect(MetadataDate(parsing: "2019-12-31") == MetadataDate(year: 2019, month: 12, day: 31))
        #expect(MetadataDate(parsing: "31/12/2019") == nil)
        #expect(MetadataDate(parsing: "soon") == nil)
    }
}

@Suite struct FrontMatterDefaultsTests {
    @Test func docsetDefaultsFillOnlyMissingKeys() {
        let own = FrontMatterParser.parse(SourceFile(path: "a.md", text: "---\ntitle: Mine\nms.topic: article\n---\n"))
            .frontMatter
        let merged = own.addingDefaults(
            ["ms.topic": "landing", "ms.date": "04/03/2020", "manager": "x: \"y\""], path: "a.md")
        #expect(merged.title == "Mine")
        #expect(merged.topic == "article")
        #expect(merged.date == MetadataDate(year: 2020, month: 4, day: 3))
        #expect(merged["manager"] == "x: \"y\"")
    }
}
