import DocGenCore
import Testing

@testable import DocGenContent

/// The flat front matter reader must read exactly what Yams reads, or decline.
@Suite struct SimpleYAMLMappingTests {
    /// Every field of the metadata, as one comparable text.
    private func summary(_ meta: FrontMatter) -> String {
        let fields: [String?] = [
            meta.title, meta.description, meta.author, meta.date.map { "\($0)" }, meta.lastHandoff.map { "\($0)" },
            meta.topic, meta.translationType.map { "\($0)" }, meta.contentLocale, meta.openLocFileHash,
            meta.sourceGitCommit, meta.locFileID, meta.redirectURL,
        ]
        return fields.map { $0 ?? "nil" }.joined(separator: "|") + "|" + meta.keywords.joined(separator: ",") + "|"
            + meta.entries.map { "\($0.key)=\($0.value)" }.joined(separator: ";")
    }

    private func sameAsYams(_ yaml: String) -> Bool {
        var fast: [Diagnostic] = []
        var slow: [Diagnostic] = []
        let read = FrontMatterParser.typedMetadata(yaml: yaml, path: "a.md", diagnostics: &fast)
        let yams = FrontMatterParser.yamsMetadata(yaml: yaml, path: "a.md", diagnostics: &slow)
        return summary(read) == summary(yams) && fast == slow
    }

    @Test func readsFlatFrontMatterLikeYams() {
        let texts = [
            "title: Billing | Partner Center\nms.date: 04/03/2020\nms.locfileid: \"80676822\"\nrobots:",
            "title: 'Éligibilité du transfert : instructions'\nms.translationtype: HT\nms.contentlocale: fr-FR",
            "description: \"Quoted 'single' inside\"\nauthor: 'double \" inside'\nkeywords: a, b ,c",
            "title: a:b c\ndescription: x # not a comment?\nms.topic: article   ",
            "title: null\ndescription: ~\nauthor: true\nms.topic: 0x1F",
            "Title: upper\ntitle: lower\n\n  \nkeywords:",
            "title: value with trailing spaces   \nms.date: 13/45/2020",
            "ms.translationtype: XX\nms.contentlocale: not a tag",
            "redirect_url: javascript:alert(1)",
            "title: text é ü 中文 😀",
        ]
        for text in texts { #expect(sameAsYams(text), "\(text)") }
    }

    @Test func declinesWhatItDoesNotRead() {
        let texts = [
            "title: a\ntitle: b", "keywords:\n  - a\n  - b", "# comment\ntitle: a", "title: \"a\\tb\"",
            "title: 'it''s'", "title: a: b", "title: a #c", "title: |\n  text", "title:\ta", "title: a\r",
            "title: -a", "title: *alias", "title: &anchor a", "title: !tag a", "title: [a, b]", "title: {a: b}",
            "title: 'open", "title: \"a\" tail", "1key: a", " title: a", "title: a\u{85}b", "title: a\u{2028}b",
            "title: a\u{FEFF}b", "title: a\u{7F}", String(repeating: "k", count: 1100) + ": a",
        ]
        for text in texts {
            #expect(SimpleYAMLMapping.pairs(in: text) == nil, "\(text)")
            #expect(sameAsYams(text), "\(text)")
        }
    }

    @Test func readsTheSubset() {
        let pairs = SimpleYAMLMapping.pairs(in: "a: 1\n\nb.c-d_e: 'x y'\nf:\ng: \"z\"")
        #expect(pairs?.map(\.key) == ["a", "b.c-d_e", "f", "g"])
        #expect(pairs?.map(\.value) == ["1", "x y", "", "z"])
    }
}
