import DocGenCore
import DocGenMarkdown
import Foundation

/// schema.org structured data written into pages as JSON-LD.
enum StructuredData {
    /// An answer as HTML, held to the rules the page's body was held to (reported there).
    private static func answerHTML(_ markdown: String) -> String {
        var tree = CMark.parse(markdown)
        HTMLSanitizer.sanitize(tree: &tree, allowList: false)
        return HTMLRenderer.render(tree, context: HTMLRenderContext()).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A `FAQPage` with each question and its answer as HTML.
    static func faqPage(_ items: [(question: String, answer: String)], language: Language) -> String {
        let entities: [[String: Any]] = items.map { item in
            [
                "@type": "Question", "name": item.question,
                "acceptedAnswer": [
                    "@type": "Answer",
                    "text": answerHTML(item.answer),
                ] as [String: Any],
            ]
        }
        let object: [String: Any] = [
            "@context": "https://schema.org", "@type": "FAQPage", "inLanguage": language.code, "mainEntity": entities,
        ]
        guard
            let data = try? JSONSerialization.data(
                withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return "{}" }
        // Keep the JSON from closing, or opening a comment in, the <script> element it sits in.
        return ScriptSafeJSON.serialized(String(decoding: data, as: UTF8.self))
    }
}
