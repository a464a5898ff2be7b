import Testing

@testable import DocGenRender

/// docgen's own Mustache rendering (`CompiledTemplate`, `CompiledRenderer`) against
/// swift-mustache's on the same templates and data. (Every page a debug build renders is also
/// compared, in `TemplateSet.render`; these tests reach the corners themes rarely use.)
@Suite struct CompiledTemplateTests {
    /// Page-like data with every kind of value the renderer knows, and names that shadow.
    static let data: [String: Any] = [
        "a": "A<&>\"'", "b": "", "t": true, "f": false, "n": 0, "num": 42,
        "obj": ["a": "OA", "t": false, "list": [["a": "deep"]], "obj": ["a": "OOA"]] as [String: Any],
        "list": [["a": "L1", "t": true], ["b": "L2", "t": false, "list": [] as [Any]]] as [[String: Any]],
        "strs": ["x", "y<"], "empty": [] as [Any], "nested": [["a": "N1"], ["list": [["a": "N2"]]]] as [[String: Any]],
        "pairs": [["a": "P1"], ["b": "P2"]], "dict": ["a": "DA", "b": ""],
        "strings": ContextObject(["x": "X", "y": "é"], isSharedStrings: true),
    ]

    static let names = [
        "a", "b", "t", "f", "n", "num", "obj", "obj.a", "obj.t", "obj.list", "obj.obj.a", "obj.missing", "list",
        "list.a", "strs", "empty", "nested", "missing", ".", ".a", "..", "a.", "strings.x", "strings.y", "a.b",
        "t.a", "strs.x", "obj.obj", "", "nested", "nested.list", "pairs", "pairs.a", "dict", "dict.b",
    ]

    @Test func randomTemplatesRenderAsSwiftMustacheRendersThem() throws {
        var generator = Generator(seed: 7)
        var compared = 0
        for _ in 0..<4000 {
            let main = generator.template(depth: 3, partials: true)
            if try compare(["main": main, "p": generator.template(depth: 2, partials: false)]) { compared += 1 }
        }
        #expect(compared > 2000)
    }

    /// Templates that trapped a first version (line breaks in tags, CRLF standalone lines,
    /// indented partials, combining marks, sections over strings and lists of dictionaries).
    static let edgeCases = [
        "a{{\nb}}", "{{#t}}\r\n  {{a}}\r\n{{/t}}\r\n", "  {{> p}}  \n", "\t{{>p}}\n{{>p}}",
        "{{#list}}\n {{>p}}\n{{/list}}",
        "{{^empty}}[{{a}}]{{/empty}}", "{{&a}}}", "{{# t }}x{{/ t }}", "{{#a}}{{#a}}{{.}}{{/a}}{{/a}}",
        "x\n  {{!c}}  \n  y",
        "{{#t}}\n{{/t}}  ", "{{#t}}  \n{{/t}}  \n", "é{{a}}e\u{301}{{{a}}} \u{301}",
        "{{#nested}}{{#list}}{{a}}{{/list}}{{/nested}}",
        "{{#strs}}{{.}},{{/strs}}", "{{#pairs}}{{a}}{{b}}{{/pairs}}",
        "{{#obj}}{{#list}}{{a}}{{obj.a}}{{/list}}{{/obj}}",
    ]

    // One test, not one per argument: the templates' line breaks would break the test log's lines.
    @Test func edgeCasesRenderAsSwiftMustacheRendersThem() throws {
        for main in Self.edgeCases {
            let partial = "  {{a}}\n{{#t}}\n [{{b}}]\n{{/t}}\n"
            #expect(try compare(["main": main, "p": partial]), "\(main.debugDescription)")
        }
    }

    /// Compares the two renderings of template `main`; `false` when swift-mustache does not parse
    /// a template or the data has what docgen leaves to it.
    private func compare(_ sources: [String: String]) throws -> Bool {
        let (pages, _) = PageTemplates.compile(Theme(templates: sources, strings: [:], assets: []))
        // Only what swift-mustache parses; all of that must compile here too.
        guard sources.keys.allSatisfy(pages.has) else { return false }
        let compiled = try #require(pages.templates.compiled, "\(sources)")
        var renderer = CompiledRenderer(templates: compiled, object: Self.data)
        // Objects and sequences written as text are left to swift-mustache; the rest is compared.
        guard let ours = try? renderer.render("main") else { return false }
        #expect(ours == pages.templates.reference(Self.data, withTemplate: "main"), "\(sources)")
        return true
    }

    @Test func interfaceStringsAreNotWrittenIntoAComment() throws {
        // The comment ends at the strings tag's `}}`: what follows it is text.
        let template = "{{! <p>{{strings.x}}</p> }}"
        #expect(StringsInTemplate.write(["x": "X"], into: template) == template)
        let (pages, _) = PageTemplates.compile(Theme(templates: ["t": template], strings: [:], assets: []))
        let strings = ContextObject(["x": "X"], isSharedStrings: true)
        #expect(pages.render("t", context: ["strings": strings]) == "</p> }}")
    }

    @Test func whatIsOutsideTheSubsetIsLeftToSwiftMustache() {
        for text in ["{{=<% %>=}}", "{{a(b)}}", "{{>*a}}", "{{<p}}{{/p}}", "{{$b}}x{{/b}}", "{{%CONTENT_TYPE: TEXT}}"] {
            #expect(throws: CompiledTemplate.Unsupported.self) { try CompiledTemplate(text) }
        }
        // A value of a type the renderer does not know makes it step aside.
        for text in ["{{d}}", "{{#d}}x{{/d}}", "{{obj}}", "{{list}}"] {
            var renderer = CompiledRenderer(
                templates: ["t": try! CompiledTemplate(text)], object: ["d": 1.5, "obj": ["a": "b"], "list": ["c"]])
            #expect(throws: CompiledTemplate.Unsupported.self) { try renderer.render("t") }
        }
    }
}

/// Random templates of the subset, rich in the places where standalone lines, indentation
/// and whitespace matter.
private struct Generator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }

    mutating func pick(_ choices: [String]) -> String { choices[next(choices.count)] }

    mutating func space() -> String { pick(["", "", " ", "  ", "\t", " \t"]) }

    mutating func name() -> String { pick(CompiledTemplateTests.names) }

    mutating func template(depth: Int, partials: Bool) -> String {
        var text = ""
        for _ in 0..<next(7) { text += piece(depth: depth, partials: partials) }
        return text
    }

    mutating func piece(depth: Int, partials: Bool) -> String {
        switch next(depth > 0 ? 13 : 10) {
        case 0, 1: return pick(["x", "text", "a b", "{", "}", "x{y", "é", "e\u{301}", "<p>", "}}", "{x}"])
        case 2: return pick(["\n", "\n", "\r\n", "\r", "\n\n"])
        case 3: return space()
        case 4: return "{{" + space() + name() + space() + "}}"
        case 5:
            return next(2) == 0 ? "{{{" + space() + name() + space() + "}}}" : "{{&" + space() + name() + space() + "}}"
        case 6: return "{{!" + pick(["", " c ", "x}y", "\n"]) + "}}"
        case 7: return partials ? "{{>" + space() + pick(["p", "p", "nothing"]) + space() + "}}" : "{{.}}"
        case 8, 9: return space() + "\n" + space()
        default:
            let tag = pick(["#", "^"])
            let name = self.name()
            let inner = template(depth: depth - 1, partials: partials)
            return "{{" + tag + space() + name + space() + "}}" + pick(["", "\n", " \n"]) + inner
                + pick(["", "\n", "\n  "]) + "{{/" + name + space() + "}}"
        }
    }
}
