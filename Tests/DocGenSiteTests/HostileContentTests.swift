import DocGenCore
import DocGenMarkdown
import DocGenSite
import Foundation
import Testing

/// One folder per hostile or broken input under `Fixtures/hostile-content/`: each must produce
/// the diagnostics its `expected.txt` lists (`identifier path[:line]`, one a line), the good
/// article must still be built and clean, and no page of the site may carry anything that runs
/// script: no event handler, no `<base>` or `<meta>` from content, no URL the policy refuses,
/// no payload inside a `<script>` element.
@Suite struct HostileContentTests {
    static let cases: [String] = {
        let folder = TestSupport.fixtures.appendingPathComponent("hostile-content")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter {
            !$0.hasPrefix(".")
        }.sorted()
    }()

    @Test func everyCaseFolderIsFound() {
        #expect(Self.cases.count >= 18)
    }

    @Test(arguments: cases)
    func hostileInputIsReportedDisarmedAndLosesNothing(name: String) throws {
        let folder = TestSupport.fixtures.appendingPathComponent("hostile-content/\(name)")
        let expected = (TestSupport.read(folder.appendingPathComponent("expected.txt")) ?? "")
            .split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        let (report, output) = try TestSupport.build(folder.appendingPathComponent("content"))
        for line in expected {
            let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
            let place = parts.count > 1 ? parts[1].split(separator: ":").map(String.init) : []
            let found = report.diagnostics.contains { diagnostic in
                diagnostic.identifier == parts[0] && (place.isEmpty || diagnostic.location?.path == place[0])
                    && (place.count < 2 || diagnostic.location?.line == Int(place[1]))
            }
            #expect(found, "\(name): expected \(line), got \(report.diagnostics.map { "\($0)" })")
        }
        #expect(report.diagnostics.allSatisfy { $0.location?.path != "good.md" }, "\(name): good.md must stay clean")
        for page in ["fr/good.html", "en/good.html", "fr/bad.html", "fr/index.html", "index.html"] {
            #expect(
                FileManager.default.fileExists(atPath: output.appendingPathComponent(page).path), "\(name): \(page)")
        }
        #expect((TestSupport.read(output.appendingPathComponent("en/good.html")) ?? "").contains("Intact text."))
        let bad = TestSupport.read(output.appendingPathComponent("fr/bad.html")) ?? ""
        #expect(bad.contains("Texte conservé"), "\(name): the hostile article's text must still be rendered")
        for (path, html) in Self.pages(in: output) {
            for problem in Self.scriptRisks(in: html) {
                Issue.record("\(name): \(path): \(problem)")
            }
        }
    }

    @Test func deepNestingKeepsItsTextOnThePage() throws {
        let folder = TestSupport.fixtures.appendingPathComponent("hostile-content/deep-lists/content")
        let (_, output) = try TestSupport.build(folder)
        let bad = TestSupport.read(output.appendingPathComponent("fr/bad.html")) ?? ""
        #expect(bad.contains("profond"))
    }

    @Test func safeHTMLKeepsTheAllowedTags() throws {
        let folder = TestSupport.fixtures.appendingPathComponent("hostile-content/safe-html-allow-list/content")
        let (_, output) = try TestSupport.build(folder)
        let page = TestSupport.read(output.appendingPathComponent("fr/bad.html")) ?? ""
        let start = try #require(page.range(of: "Texte conservé"))
        let end = try #require(page.range(of: "</article>"))
        let bad = String(page[start.lowerBound..<end.lowerBound])
        for kept in ["<kbd>Ctrl</kbd>", "<sup>2</sup>", "<a name=\"ancre\"></a>", "<td>cellule</td>", "<p>stylé</p>"] {
            #expect(bad.contains(kept), "\(kept) must stay")
        }
        for removed in ["<object", "style=", "<svg", "evil.example"] {
            #expect(!bad.contains(removed), "\(removed) must go")
        }
    }

    @Test func faqStructuredDataCannotLeaveItsScript() throws {
        let folder = TestSupport.fixtures.appendingPathComponent("hostile-content/faq-json-ld/content")
        let (_, output) = try TestSupport.build(folder)
        let page = TestSupport.read(output.appendingPathComponent("fr/faq.html")) ?? ""
        let start = try #require(page.range(of: "<script type=\"application/ld+json\">"))
        let end = try #require(page.range(of: "</script>", range: start.upperBound..<page.endIndex))
        let json = String(page[start.upperBound..<end.lowerBound])
        #expect(!json.contains("<") && !json.contains(">") && !json.contains("&"))
        #expect(!json.contains("javascript:") && !json.contains("onerror"), "the answers are held to the policy too")
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let question = (object?["mainEntity"] as? [[String: Any]])?.first?["name"] as? String
        #expect(question?.contains("<!--<script>") == true, "the value survives the escaping")
    }

    /// Every HTML file of a built site, relative path → text.
    static func pages(in output: URL) -> [(String, String)] {
        TestSupport.snapshot(output).filter { $0.key.hasSuffix(".html") }.sorted { $0.key < $1.key }.map {
            ($0.key, String(decoding: $0.value, as: UTF8.self))
        }
    }

    /// What in a page could run script: event handlers, refused URLs, `<base>`, a refresh, a
    /// payload inside an executable `<script>`.
    static func scriptRisks(in html: String) -> [String] {
        var risks: [String] = []
        var inScript = false
        for token in HTMLTagScanner.tokens(html) {
            switch token {
            case .tag(let name, let attributes, let isEnd, _, _, let raw):
                if name == "script" {
                    // A data block (JSON, JSON-LD) never runs; its escaping is tested on its own.
                    let type = attributes.first { $0.name == "type" }?.value ?? ""
                    inScript = !isEnd && !type.hasPrefix("application/")
                    if !isEnd { continue }
                }
                guard !isEnd else { continue }
                if name == "base" { risks.append("a <base> tag: \(raw)") }
                if name == "meta",
                    attributes.contains(where: { $0.name == "http-equiv" && $0.value?.lowercased() == "refresh" }),
                    let content = attributes.first(where: { $0.name == "content" })?.value,
                    let url = content.range(of: "url=", options: .caseInsensitive).map({
                        String(content[$0.upperBound...])
                    }),
                    !URLPolicy.allows(url)
                {
                    risks.append("a refresh to a refused URL: \(raw)")
                }
                for attribute in attributes {
                    if attribute.name.hasPrefix("on") { risks.append("an event handler: \(raw)") }
                    if HTMLSanitizer.urlAttributes.contains(attribute.name) || attribute.name.hasSuffix(":href"),
                        let value = attribute.value, !URLPolicy.allows(value)
                    {
                        risks.append("a refused URL: \(raw)")
                    }
                }
            case .text(let text):
                if inScript, text.contains("__fired") { risks.append("a payload inside a script") }
            case .markup: break
            }
        }
        return risks
    }
}
