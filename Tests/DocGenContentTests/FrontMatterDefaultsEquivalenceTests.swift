import DocGenCore
import Testing

@testable import DocGenContent

/// `FrontMatter.addingDefaults` types the merged keys directly; it used to write them as a YAML
/// front matter of double-quoted lines and parse that again. The two must agree wherever the
/// YAML could be parsed.
@Suite struct FrontMatterDefaultsEquivalenceTests {
    /// The former way: every key and value written as a JSON (and YAML double-quoted) literal.
    private static func throughYAML(_ own: FrontMatter, _ defaults: [String: String], path: String) -> FrontMatter {
        let ownKeys = Set(own.entries.map { $0.key.lowercased() })
        let missing = defaults.filter { !ownKeys.contains($0.key.lowercased()) }.sorted { $0.key < $1.key }
        guard !missing.isEmpty else { return own }
        let lines = (own.entries + missing.map { (key: $0.key, value: $0.value) }).map {
            "\(JSONString.literal($0.key)): \(JSONString.literal($0.value))"
        }
        var result = FrontMatterParser.parse(
            SourceFile(path: path, text: "---\n" + lines.joined(separator: "\n") + "\n---\n")
        ).frontMatter
        if !own.keywords.isEmpty { result.keywords = own.keywords }
        return result
    }

    private static let keys = [
        "title", "Title", "description", "author", "ms.topic", "ms.contentlocale", "ms.date", "ms.lasthandoff",
        "ms.translationtype", "keywords", "redirect_url", "ms.locfileid", "ms.openlocfilehash",
        "ms.sourcegitcommit", "manager", "ms.custom",
    ]
    private static let values = [
        "Mine", "04/03/2020", "2020-12-31", "2020-13-01", "HT", "mt", "XX", "fr-FR", "de", "not a tag!", "a, b",
        "x: \"y\"", "javascript:alert(1)", "https://example.com/x", "/docs/new", "é ü 日本 😀", "'q'", "#hash",
        "- item", "", " spaced ", "tab\there", "line\nbreak", "null", "true", "~", "[a, b]", "{a: b}", "\\path",
    ]

    private static func pick<T>(_ items: [T], _ generator: inout some RandomNumberGenerator) -> T {
        items[Int.random(in: 0..<items.count, using: &generator)]
    }

    private static func summary(_ m: FrontMatter) -> [String] {
        [
            "\(m.entries.map { "\($0.key)=\($0.value)" })", "\(m.title as Any)", "\(m.description as Any)",
            "\(m.author as Any)", "\(m.date as Any)", "\(m.lastHandoff as Any)", "\(m.topic as Any)",
            "\(m.translationType as Any)", "\(m.contentLocale as Any)", "\(m.openLocFileHash as Any)",
            "\(m.sourceGitCommit as Any)", "\(m.locFileID as Any)", "\(m.keywords)", "\(m.redirectURL as Any)",
        ]
    }

    @Test func typingTheMergedKeysDirectlyAgreesWithTheYAMLRoundTrip() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            var ownLines: [String] = []
            for _ in 0..<Int.random(in: 0...4, using: &generator) {
                ownLines.append("\(JSONString.literal(Self.pick(Self.keys, &generator))): "
                    + JSONString.literal(Self.pick(Self.values, &generator)))
            }
            if Bool.random(using: &generator) { ownLines.append("keywords: [one, two]") }
            let own = FrontMatterParser.parse(
                SourceFile(path: "a.md", text: "---\n" + ownLines.joined(separator: "\n") + "\n---\n"),
                requireFrontMatter: false
            ).frontMatter
            var defaults: [String: String] = [:]
            for _ in 0..<Int.random(in: 0...4, using: &generator) {
                defaults[Self.pick(Self.keys, &generator)] = Self.pick(Self.values, &generator)
            }
            let direct = own.addingDefaults(defaults, path: "a.md")
            let reference = Self.throughYAML(own, defaults, path: "a.md")
            #expect(Self.summary(direct) == Self.summary(reference), "own: \(ownLines), defaults: \(defaults)")
        }
    }

    /// A value YAML cannot hold (a C1 control character) made the round trip lose every key; typed
    /// directly, the article keeps its own title.
    @Test func aValueYAMLCannotHoldNoLongerLosesTheArticlesKeys() {
        var own = FrontMatter()
        own.entries = [(key: "title", value: "Mine")]
        own.title = "Mine"
        let merged = own.addingDefaults(["manager": "a\u{85}\u{9F}b"], path: "a.md")
        #expect(merged.title == "Mine")
        #expect(merged["manager"] == "a\u{85}\u{9F}b")
    }
}
