import DocGenContent
import DocGenCore
import Foundation
import Testing

@testable import DocGenTranslation

/// `InlineMarkupParser.parse` answers bold-and-link text from its bytes (`BoldAndLinkText`):
/// these compare it with the cmark reading (`parseWithCMark`) on random texts made of the
/// pieces that matter to CommonMark's rules, and on every segment half of the corpus.
@Suite struct BoldAndLinkTextTests {
    private static let pieces = [
        "a", "Z", " ", "**", "*", "***", "[", "]", "(", ")", "](", "[a](b)", "[lien](https://x.test/a?b=1&c=2)",
        "[Aide](help.md#top)", "x.md", "https://a.b/c", "é", "’", "!", ":", ".", ",", "www.", "w", "_", "`", "~",
        "&amp;", "\\", "@", "«", "»", "\u{A0}", "\u{202F}", "\n", "\"", "'", "<", ">", "1", "-", "e\u{301}", "😀",
        "日", "#", "|", "\t", "^", "``", "`a`", "`**`", "`[x](y)`", "`<br>`", "``a`b``", "`www.a`",
    ]

    @Test func randomTextsReadAsCMarkReadsThem() {
        var generator = SystemRandomNumberGenerator()
        var fast = 0
        for _ in 0..<60000 {
            let text = (0..<Int.random(in: 1...10, using: &generator)).map { _ in
                Self.pieces.randomElement(using: &generator)!
            }.joined()
            if BoldAndLinkText.parts(text) != nil { fast += 1 }
            #expect(
                InlineMarkupParser.parse(text) == InlineMarkupParser.parseWithCMark(text),
                "\(text.debugDescription)")
        }
        #expect(fast > 1000, "the random texts exercise the fast path")
    }

    @Test(arguments: [
        "Voir [l’aide](help.md) et **[b](c)**", "**a [b](c) d**", "[a](b)[c](d)", "[a](<b>)", "[a](b \"t\")",
        "![a](b.png)", "[a] (b)", "[**a**](b)", "x[a](b)y", "**a**[b](c)", "[a](b)**c**", "[a](b(c))",
        "Run `Get-Item` **now**", "`a` [b](c) `d`", "**`a`**", "`[a` b](c)", "``a ` b``", "`a``b`", "`a",
    ])
    func shapesReadAsCMarkReadsThem(_ text: String) {
        #expect(InlineMarkupParser.parse(text) == InlineMarkupParser.parseWithCMark(text))
    }

    /// Every segment half of `../shared/corpus`, when present.
    @Test func corpusSegmentsReadAsCMarkReadsThem() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus/fr-fr")
        guard let files = FileManager.default.enumerator(atPath: root.path) else { return }
        var halves = 0
        for case let path as String in files where path.hasSuffix(".md") {
            let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
            for segment in ArticleParser.parse(SourceFile(path: path, text: text)).article.segments {
                for half in [segment.sourceText, segment.targetText] {
                    halves += 1
                    #expect(InlineMarkupParser.parse(half) == InlineMarkupParser.parseWithCMark(half), "\(path): \(half)")
                }
            }
        }
        #expect(halves > 0)
    }
}
