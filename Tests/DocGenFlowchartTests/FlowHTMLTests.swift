import DocGenContent
import DocGenCore
import DocGenFlowchart
import Foundation
import Testing

/// The embeddable widget, the static node pages and the standalone page.
@Suite struct FlowHTMLTests {

    @Test(arguments: [Language.french, .english]) func nodePagesLetTheWholeFlowBeWalkedByLinks(_ language: Language)
        throws
    {
        let flow = try Fixtures.seedFlow()
        let pages = FlowSite.pages(for: flow, language: language)
        #expect(pages.count == flow.nodes.count)
        let byPath = Dictionary(uniqueKeysWithValues: pages.map { ($0.path, $0) })
        // From the start page, following answer links only reaches every node page.
        var seen: Set<String> = []
        var queue = [FlowSite.nodePagePath(flowName: flow.name, nodeID: flow.startID)]
        while let path = queue.popLast() {
            guard seen.insert(path).inserted, let page = try? #require(byPath[path]) else { continue }
            for href in Self.answerLinks(page.bodyHTML) {
                queue.append(SitePath.resolve(href, relativeTo: SitePath.directory(of: path))!)
            }
        }
        #expect(seen == Set(pages.map(\.path)))
        let service = try #require(byPath["flows/onboardingAADFlow/service-request.html"])
        #expect(service.bodyHTML.contains("href=\"../../unable-to-sign-in.html\""))
        #expect(service.bodyHTML.contains("is-current\" data-node=\"service-request\""))
        #expect(!service.bodyHTML.contains("<script"))
    }

    @Test func embedHasEveryPartAndOnlyRelativeLinks() throws {
        let flow = try Fixtures.seedFlow()
        let html = FlowHTML.embed(flow: flow, language: .french, pagePath: "work-account-and-partner-center.html")
        #expect(html.contains("<svg"))
        #expect(html.contains("class=\"docgen-flow-stepper\""))
        #expect(html.contains("class=\"docgen-flow-text\""))
        #expect(html.contains("<script type=\"application/json\" class=\"docgen-flow-data\">"))
        #expect(html.contains("href=\"flows/onboardingAADFlow/all-users.html\""))
        #expect(
            html.contains(
                "href=\"azure-active-directory-tenants-and-partner-center.html#why-you-need-an-azure-ad-tenant\""))
        #expect(!html.contains("href=\"/"))
        // Every node appears in the text version.
        for node in flow.nodes { #expect(html.contains("id=\"flow-onboardingAADFlow-fr-text-\(node.id)\"")) }
        #expect(html == FlowHTML.embed(flow: flow, language: .french, pagePath: "work-account-and-partner-center.html"))
    }

    @Test func jsonCannotCloseTheScriptElement() throws {
        let flow = try Fixtures.flow("everything.yml")
        let html = FlowHTML.embed(flow: flow, language: .english, nodePageURL: { "#\($0)" })
        let json = html.components(separatedBy: "class=\"docgen-flow-data\">")[1].components(separatedBy: "</script>")[
            0]
        #expect(!json.contains("<"))
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect((parsed?["nodes"] as? [Any])?.count == 6)
    }

    @Test func standalonePageInlinesAssets() throws {
        let page = FlowStandalone.page(
            flow: try Fixtures.seedFlow(), language: .english, styleSheet: ".x{}", script: "/* the theme's script */")
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">"))
        #expect(page.contains("<script>\n/* the theme's script */</script>"))
        #expect(page.contains(".x{}"))
        #expect(page.contains("href=\"#onboardingAADFlow=0.0\""))  // node link to sign-in: Yes, Yes
        #expect(!page.contains("src=\""))
    }

    static func answerLinks(_ html: String) -> [String] {
        html.components(separatedBy: "class=\"docgen-flow-answer\"").dropFirst().compactMap { part in
            guard let start = part.range(of: "href=\"") else { return nil }
            return String(part[start.upperBound...].prefix { $0 != "\"" })
        }
    }
}
