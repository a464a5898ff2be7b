import DocGenCore
import Testing

@Suite struct SourceMapTests {
    @Test func verbatimAndInsertedChunksMapBack() {
        var builder = MappedTextBuilder()
        builder.appendVerbatim(Array("hello ".utf8), from: 100)
        builder.appendInserted("<x>", anchor: 106)
        builder.appendVerbatim(Array("world".utf8), from: 200)
        #expect(builder.text == "hello <x>world")
        #expect(builder.map.inputOffset(forOutput: 1) == 101)
        #expect(builder.map.inputOffset(forOutput: 7) == 106)
        #expect(builder.map.inputOffset(forOutput: 10) == 201)
    }

    @Test func lineTableConvertsBothWays() {
        let table = LineTable("ab\ncdé\nf")
        #expect(table.position(ofOffset: 0) == TextPosition(line: 1, column: 1))
        #expect(table.position(ofOffset: 4) == TextPosition(line: 2, column: 2))
        #expect(table.position(ofOffset: 8) == TextPosition(line: 3, column: 1))
        #expect(table.offset(of: TextPosition(line: 2, column: 3)) == 5)
    }

    @Test func sitePathsAreRelative() {
        #expect(SitePath.relativeURL(from: "fr/a/b.html", to: "fr/c.html") == "../c.html")
        #expect(SitePath.relativeURL(from: "fr/b.html", to: "images/x.png") == "../images/x.png")
        #expect(SitePath.relativeURL(from: "fr/b.html", to: "fr/b.html") == "b.html")
        #expect(SitePath.resolve("../x.md", relativeTo: "a/b") == "a/x.md")
        #expect(SitePath.resolve("../../x.md", relativeTo: "a") == nil)
        #expect(SitePath.replacingExtension(of: "a.b/c.md", with: "html") == "a.b/c.html")
    }
}
