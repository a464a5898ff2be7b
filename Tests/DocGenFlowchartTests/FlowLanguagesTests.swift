import DocGenContent
import DocGenCore
import DocGenFlowchart
import Foundation
import Testing

/// Flows in any pair of languages: labels per language code, validation naming the missing
/// language, and the widget's words from a strings table.
@Suite struct FlowLanguagesTests {
    static let japanese = """
        title: { ja: "どのプランですか?", en: "Which plan?" }
        start: users
        nodes:
          - id: users
            kind: question
            text: { ja: "ユーザーは 10 人を超えますか?", en: "More than ten users?" }
            answers:
              - label: { ja: "はい", en: "Yes" }
                next: big
              - label: { en: "No" }
                next: small
          - id: big
            kind: outcome
            text: { ja: "エンタープライズ", en: "Enterprise" }
          - id: small
            kind: outcome
            text: { ja: "ベーシック", en: "Basic" }
        """

    private func flow() throws -> Flow {
        try #require(FlowParser.parse(SourceFile(path: "flows/plan.yml", text: Self.japanese)).flow)
    }

    @Test func labelsAreReadPerLanguageCode() throws {
        let flow = try flow()
        #expect(flow.title.text(in: Language("ja")) == "どのプランですか?")
        #expect(flow.nodes[0].text.text(in: .english) == "More than ten users?")
    }

    @Test func validationNamesTheMissingLanguageOfTheSite() throws {
        let flow = try flow()
        let problems = FlowValidator.validate(flow, languages: [Language("ja"), .english])
        #expect(problems.map(\.identifier) == ["docgen.flow.missing-text"])
        #expect(problems.first?.summary.contains("'ja'") == true)
        #expect(problems.first?.location?.line == 10)
        #expect(problems.first?.fix?.contains("ja: ") == true)
        // The same flow misses its French in a French site, everywhere.
        let french = FlowValidator.validate(flow, languages: [.french, .english])
        #expect(french.count == 6)
        #expect(french.allSatisfy { $0.summary.contains("'fr'") })
    }

    @Test func theWidgetsWordsComeFromTheStringsTable() throws {
        let flow = try flow()
        let texts = [
            "flow.stepByStep": "ステップ バイ ステップ", "flow.question": "質問", "flow.textVersion": "テキスト版",
            "flow.colon": ": ", "flow.quoteOpen": "「", "flow.quoteClose": "」",
            "flow.diagramDescription": "{count} 個のボックス",
        ]
        let html = FlowHTML.embed(flow: flow, language: Language("ja"), texts: texts, pagePath: "a.html")
        #expect(html.contains(">ステップ バイ ステップ</h2>"))
        #expect(html.contains("<summary>テキスト版</summary>"))
        #expect(html.contains("<strong>質問</strong>: ユーザーは 10 人を超えますか?"))
        #expect(html.contains("「はい」"))
        #expect(html.contains("<desc id=\"flow-plan-ja-desc\">3 個のボックス</desc>"))
        #expect(html.contains("lang=\"ja\""))
        // Keys the table lacks are said in English, never in French.
        #expect(html.contains(">Start again<") || html.contains("\"startAgain\":\"Start again\""))
        #expect(!html.contains("Recommencer"))
    }

    @Test func withoutStringsTheWidgetSpeaksEnglish() throws {
        let html = FlowHTML.embed(flow: try flow(), language: .french, pagePath: "a.html")
        #expect(html.contains(">Step by step</h2>"))
    }
}
