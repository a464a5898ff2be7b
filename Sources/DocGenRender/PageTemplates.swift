import DocGenCore
import DocGenMarkdown
import Mustache

/// The theme's Mustache templates, compiled once. Each page renders its kind's template
/// (`article`, `home`, `missing`, `root`) into `body`, then `layout` around it.
public struct PageTemplates: Sendable {
    private let library: MustacheLibrary

    /// Compiles every template of the theme; a template that does not parse is a diagnostic and
    /// is left out (pages that need it are then reported, not written half-rendered).
    public static func compile(_ theme: Theme) -> (PageTemplates, [Diagnostic]) {
        FastHTML.register
        var library = MustacheLibrary()
        var diagnostics: [Diagnostic] = []
        for name in theme.templates.keys.sorted() {
            do {
                try library.register(FastHTML.pragma + theme.templates[name]!, named: name)
            } catch {
                diagnostics.append(
                    .error(
                        "docgen.template.invalid", at: SourceLocation(path: "Templates/\(name).mustache", line: 1),
                        "the template does not parse: \(error)",
                        fix: "check that every {{#section}} has its {{/section}}"))
            }
        }
        for required in ["layout", "article", "home", "missing", "root"]
        where library.getTemplate(named: required) == nil {
            diagnostics.append(
                .error(
                    "docgen.template.missing", at: SourceLocation(path: "Templates/\(required).mustache", line: 1),
                    "the theme has no usable '\(required)' template", fix: "restore Templates/\(required).mustache"))
        }
        return (PageTemplates(library: library), diagnostics)
    }

    /// Whether a template of that name compiled.
    public func has(_ name: String) -> Bool { library.getTemplate(named: name) != nil }

    /// Renders `template` with `context`, then the layout around it; `nil` if a template is missing.
    public func renderPage(_ template: String, context: [String: Any]) -> String? {
        let object = ContextObject.make(context)
        guard let body = library.render(object, withTemplate: template) else { return nil }
        object.values["body"] = body
        return library.render(object, withTemplate: "layout")
    }

    /// Renders one template on its own (the root language chooser has no layout).
    public func render(_ template: String, context: [String: Any]) -> String? {
        library.render(ContextObject.make(context), withTemplate: template)
    }
}

/// A page's Mustache data as objects of one final class rather than `[String: Any]`.
///
/// swift-mustache looks every name up by casting the value in scope to its `MustacheParent`
/// protocol; for a dictionary that is a conditional conformance (`Key == String`) which the Swift
/// runtime checks anew on each cast, and it was the largest cost of rendering a page. A final
/// class conforms without conditions, so each lookup is one cheap cast. The data and the
/// templates' meaning are unchanged.
final class ContextObject: MustacheParent, @unchecked Sendable {
    var values: [String: Any]

    init(_ values: [String: Any]) { self.values = values }

    func child(named name: String) -> Any? { values[name] }

    /// The same data with every nested dictionary (also inside arrays) made an object.
    static func make(_ dictionary: [String: Any]) -> ContextObject {
        ContextObject(dictionary.mapValues(convert))
    }

    private static func convert(_ value: Any) -> Any {
        // Scalars first, and the class last: on Linux, casting a `String`, an array or a
        // dictionary to a class goes through Foundation's bridging (`_bridgeToObjectiveC`),
        // which copied whole arrays of page data only to fail (4% of a build).
        if value is String || value is Bool || value is Int || value is ContextObject { return value }
        switch value {
        case let dictionary as [String: Any]: return make(dictionary)
        case let array as [[String: Any]]: return array.map(make)
        case let array as [Any]: return array.map(convert)
        default: return value
        }
    }
}

/// swift-mustache's HTML escaping with docgen's byte-level escaper (`HTMLEscaping.escapeMustache`,
/// the same output): every template is compiled with a `CONTENT_TYPE` pragma on a line of its
/// own before its first line, which Mustache removes as a standalone tag, so the text and its
/// line structure are unchanged.
enum FastHTML: MustacheContentType {
    case html

    static let name = "DOCGEN_HTML"
    static let pragma = "{{% CONTENT_TYPE: \(name)}}\n"
    static let register: Void = MustacheContentTypes.register(FastHTML.html, named: name)

    func escapeText(_ text: String) -> String { HTMLEscaping.escapeMustache(text) }
}
