import DocGenCore
import Foundation
import Testing

@testable import DocGenRender

/// The FAQ structured data written by hand against what `JSONSerialization` and
/// `ScriptSafeJSON.serialized` wrote before, on random questions and answers.
@Suite struct StructuredDataEquivalenceTests {
    private static func reference(_ items: [(question: String, answerHTML: String)], language: Language) -> String {
        let entities: [[String: Any]] = items.map { item in
            [
                "@type": "Question", "name": item.question,
                "acceptedAnswer": ["@type": "Answer", "text": item.answerHTML] as [String: Any],
            ]
        }
        let object: [String: Any] = [
            "@context": "https://schema.org", "@type": "FAQPage", "inLanguage": language.code, "mainEntity": entities,
        ]
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return ScriptSafeJSON.serialized(String(decoding: data, as: UTF8.self))
    }

    private static let pieces = [
        "a", "é", "\"", "\\", "/", "<", ">", "&", "\u{2028}", "\u{2029}", "\u{2027}", "\u{202A}", "€", "😀",
        "\u{0}", "\u{1}", "\u{8}", "\u{9}", "\u{A}", "\u{B}", "\u{C}", "\u{D}", "\u{1F}", "\u{10}", "\u{7F}",
        "\u{85}", " ", "<p>x</p>",
    ]

    private static func randomText(_ generator: inout SystemRandomNumberGenerator) -> String {
        (0..<Int.random(in: 0...16, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }

    @Test func matchesFoundationOnRandomItems() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let items = (0..<Int.random(in: 0...3, using: &generator)).map { _ in
                (question: Self.randomText(&generator), answerHTML: Self.randomText(&generator))
            }
            let language = Bool.random(using: &generator) ? Language("fr") : Language("en")
            #expect(StructuredData.faqJSON(items, language: language) == Self.reference(items, language: language))
        }
    }

    @Test func trimsAsFoundation() {
        let ends = ["", " ", "\n", "\t\r\n", "\u{85}", "\u{A0}", "\u{2028}", "\u{3000}", "é", "x", "<p>", "\u{B}\u{C}"]
        for head in ends {
            for tail in ends {
                for middle in ["", "a", " b ", "\u{2003}"] {
                    let text = head + middle + tail
                    #expect(StructuredData.trimmed(text) == text.trimmingCharacters(in: .whitespacesAndNewlines))
                }
            }
        }
    }
}
