import DocGenContent
import DocGenCore
import DocGenFlowchart
import Foundation
import Testing

/// Golden SVG files (re-record with `DOCGEN_RECORD=1 swift test --filter DocGenFlowchartTests`),
/// determinism, and the properties the issue asks for: no crossings on the seed, nothing clipped.
@Suite struct FlowSVGTests {
    static let flows = ["seed", "everything"]
    static let languages = [Language.french, .english]
    /// The `<desc>` and kind words, as the theme's strings files give them (the flowchart module reads no files).
    static let texts: [Language: [String: String]] = [
        .french: [
            "flow.diagramDescription":
                "Diagramme de décision en {count} étapes. La version texte et le parcours pas à pas décrivent chaque chemin.",
            "flow.question": "Question", "flow.step": "Étape", "flow.outcome": "Résultat", "flow.note": "Remarque",
        ]
    ]

    static func flow(_ name: String) throws -> Flow {
        name == "seed" ? try Fixtures.seedFlow() : try Fixtures.flow("\(name).yml")
    }

    @Test(arguments: flows, languages) func svgMatchesGolden(_ name: String, _ language: Language) throws {
        let flow = try Self.flow(name)
        let svg = FlowSVG.render(
            FlowLayout.diagram(for: flow, language: language),
            options: FlowSVG.Options(
                idPrefix: "flow-\(name)-\(language)", standalone: true,
                strings: FlowStrings(language, texts: Self.texts[language] ?? [:])))
        let expected = try Fixtures.golden("golden/\(name).\(language).svg", svg)
        #expect(svg == expected)
    }

    @Test(arguments: flows, languages) func layoutIsDeterministic(_ name: String, _ language: Language) throws {
        let flow = try Self.flow(name)
        let first = FlowLayout.diagram(for: flow, language: language)
        var shuffled = flow
        shuffled.nodes = flow.nodes  // same input, fresh value
        for _ in 0..<3 { #expect(FlowLayout.diagram(for: shuffled, language: language) == first) }
    }

    @Test(arguments: languages) func seedFlowDoesNotCross(_ language: Language) throws {
        let diagram = FlowLayout.diagram(for: try Fixtures.seedFlow(), language: language)
        // The long "No" edge runs right of the whole "Not sure" branch; getting it there needs the
        // edge moved as one unit (`CrossingReduction.siftLongEdges`).
        #expect(diagram.crossings == 0)
        for arrow in diagram.arrows {
            let inner = arrow.points.dropFirst().dropLast()
            #expect(Set(inner.map(\.x)).count <= 1, "\(arrow.from)→\(arrow.to) bends between its ends")
        }
        #expect(diagram.boxes.count == 11)
        #expect(diagram.arrows.count == 15)
    }

    @Test(arguments: flows, languages) func nothingIsClipped(_ name: String, _ language: Language) throws {
        let diagram = FlowLayout.diagram(for: try Self.flow(name), language: language)
        let measure = TextMeasure(fontSize: FlowLayout.Metrics.fontSize, bold: true)
        for box in diagram.boxes {
            #expect(measure.width(ofLines: box.lines) <= box.width, "\(box.id) text wider than its box")
            #expect(Double(box.lines.count) * FlowLayout.Metrics.lineHeight <= box.height)
            #expect(box.center.x - box.width / 2 >= 0 && box.center.x + box.width / 2 <= diagram.width)
            #expect(box.center.y - box.height / 2 >= 0 && box.center.y + box.height / 2 <= diagram.height)
        }
        // Boxes and labels never overlap one another.
        var rects = diagram.boxes.map { ($0.id, $0.center, $0.width, $0.height) }
        for arrow in diagram.arrows {
            if let c = arrow.labelCenter {
                rects.append(("\(arrow.from)→\(arrow.to)", c, arrow.labelWidth, arrow.labelHeight))
            }
        }
        for i in rects.indices {
            for j in (i + 1)..<rects.count {
                let (a, b) = (rects[i], rects[j])
                let apart =
                    abs(a.1.x - b.1.x) >= (a.2 + b.2) / 2 || abs(a.1.y - b.1.y) >= (a.3 + b.3) / 2
                #expect(apart, "\(a.0) overlaps \(b.0)")
            }
        }
    }

    @Test func frenchLabelsAreLaidOutWider() throws {
        let flow = try Fixtures.seedFlow()
        let fr = FlowLayout.diagram(for: flow, language: .french)
        let en = FlowLayout.diagram(for: flow, language: .english)
        #expect(fr.width * fr.height > en.width * en.height)
        #expect(fr.boxes.first { $0.id == "has-tenant" }!.lines.joined(separator: " ").hasSuffix("\u{00A0}?"))
    }

    @Test func textIsEscapedAndAccessible() throws {
        let svg = FlowSVG.render(
            FlowLayout.diagram(for: try Fixtures.flow("everything.yml"), language: .english),
            options: FlowSVG.Options(idPrefix: "x"))
        #expect(svg.contains("&lt;come back&gt;"))
        #expect(!svg.contains("<come back>"))
        #expect(svg.contains("role=\"img\""))
        #expect(svg.contains("<title id=\"x-title\">Everything a flow can hold</title>"))
        #expect(svg.contains("class=\"flow-edge\" data-from=\"think\" data-to=\"ask\""))
    }

    @Test func wrapBreaksLongWordsAndKeepsFrenchPunctuation() {
        let measure = TextMeasure(fontSize: 14)
        let lines = measure.wrap("Tapez Supercalifragilisticexpialidocious-et-plus-encore maintenant ?", maxWidth: 120)
        #expect(lines.allSatisfy { measure.width(of: $0) <= 120 })
        #expect(lines.last?.hasSuffix("maintenant\u{00A0}?") == true)
        #expect(
            lines.joined().replacingOccurrences(of: "\u{00A0}", with: " ").filter { $0 != " " }
                == "TapezSupercalifragilisticexpialidocious-et-plus-encoremaintenant?")
    }
}
