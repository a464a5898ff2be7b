import DocGenCore
import DocGenMarkdown
import Foundation
import Mustache

/// The theme's Mustache templates, compiled once. Each page renders its kind's template
/// (`article`, `home`, `missing`, `root`) into `body`, then `layout` around it.
public struct PageTemplates: Sendable {
    let templates: TemplateSet
    /// The texts of the templates that compiled, as written, for the per-language copies.
    private let sources: [String: String]
    private let specialized = SpecializedLibraries()

    /// Compiles every template of the theme; a template that does not parse is a diagnostic and
    /// is left out (pages that need it are then reported, not written half-rendered).
    public static func compile(_ theme: Theme) -> (PageTemplates, [Diagnostic]) {
        FastHTML.register
        var library = MustacheLibrary()
        var diagnostics: [Diagnostic] = []
        var sources: [String: String] = [:]
        for name in theme.templates.keys.sorted() {
            let text = theme.templates[name]!
            do {
                try library.register(FastHTML.pragma + text, named: name)
                sources[name] = text
            } catch {
                // Reported from the text as written, so that its line numbers are the file's.
                var reported = error
                do { _ = try MustacheTemplate(string: text) } catch { reported = error }
                diagnostics.append(
                    .error(
                        "docgen.template.invalid", at: SourceLocation(path: "Templates/\(name).mustache", line: 1),
                        "the template does not parse: \(reported)",
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
        return (PageTemplates(templates: TemplateSet(library, sources: sources), sources: sources), diagnostics)
    }

    /// Whether a template of that name compiled.
    public func has(_ name: String) -> Bool { templates.library.getTemplate(named: name) != nil }

    /// Renders `template` with `context`, then the layout around it; `nil` if a template is missing.
    public func renderPage(_ template: String, context: [String: Any]) -> String? {
        let templates = self.templates(for: context)
        guard let body = templates.render(context, withTemplate: template) else { return nil }
        var context = context
        // The page is the body and the layout's furniture around it (the sidebar's list most of it).
        let capacity = body.utf8.count + 32 * 1024
        context["body"] = body
        return templates.render(context, withTemplate: "layout", capacity: capacity)
    }

    /// Renders one template on its own (the root language chooser has no layout).
    public func render(_ template: String, context: [String: Any]) -> String? {
        templates(for: context).render(context, withTemplate: template)
    }

    /// The templates that have this page's interface strings written in, when the
    /// page's `strings` is one of the build's shared per-language objects (at most one copy per
    /// language); else the plain one.
    private func templates(for context: [String: Any]) -> TemplateSet {
        // Only the shared objects: a page built with strings of its own (a redirect) would
        // otherwise compile, and keep, a copy of every template for itself.
        // Told by its exact type first: on Linux, `as? ContextObject` on a dictionary (a redirect
        // page's own strings) bridges the whole dictionary to Foundation before failing.
        guard let value = context["strings"], type(of: value) == ContextObject.self,
            let strings = value as? ContextObject, strings.isSharedStrings
        else { return templates }
        return specialized.templates(for: strings) {
            // swift-mustache's templates stay the plain ones: the strings written in do not change
            // a page, so a page that docgen cannot render is rendered by them all the same.
            TemplateSet(templates.library, sources: sources, reusing: templates.compiled) {
                StringsInTemplate.write(strings.values, into: $0)
            }
        }
    }
}

/// A page's Mustache data as objects of one final class rather than `[String: Any]`, for
/// swift-mustache (`CompiledRenderer` reads the dictionaries as they are).
///
/// swift-mustache looks every name up by casting the value in scope to its `MustacheParent`
/// protocol; for a dictionary that is a conditional conformance (`Key == String`) which the Swift
/// runtime checks anew on each cast, and it was the largest cost of rendering a page. A final
/// class conforms without conditions, so each lookup is one cheap cast. The data and the
/// templates' meaning are unchanged.
final class ContextObject: MustacheParent, @unchecked Sendable {
    var values: [String: Any]
    /// Set on the build's one interface-strings object per language (`PageContext`): pages that
    /// carry it render with a copy of the templates that has those strings written in.
    let isSharedStrings: Bool

    init(_ values: [String: Any], isSharedStrings: Bool = false) {
        self.values = values
        self.isSharedStrings = isSharedStrings
    }

    func child(named name: String) -> Any? { values[name] }

    /// The same data with every nested dictionary (also inside arrays) made an object.
    static func make(_ dictionary: [String: Any]) -> ContextObject {
        ContextObject(dictionary.mapValues(convert))
    }

    private static func convert(_ value: Any) -> Any {
        // Scalars first, and the class last: on Linux, casting a `String`, an array or a
        // dictionary to a class goes through Foundation's bridging (`_bridgeToObjectiveC`),
        // which copied whole arrays of page data only to fail (4% of a build).
        // (`is ContextObject` would bridge too: the class is told by its exact type.)
        if value is String || value is Bool || value is Int || type(of: value) == ContextObject.self { return value }
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

/// The theme's templates compiled by swift-mustache and, when they all keep to the Mustache that
/// `CompiledTemplate` knows, by docgen too; a page is rendered by the second when it can be.
struct TemplateSet: Sendable {
    /// swift-mustache's templates: the reference, and the fallback.
    let library: MustacheLibrary
    /// docgen's, by name; `nil` when a template is outside the subset (then none is used, as
    /// partials may be any of them).
    let compiled: [String: CompiledTemplate]?

    /// Compiles `sources` (the templates as written), each with `writing` applied to its text if
    /// that compiles; a template that `writing` leaves as it is is taken from `reusing` (the same
    /// sources compiled as written) when that has it.
    init(
        _ library: MustacheLibrary, sources: [String: String], reusing: [String: CompiledTemplate]? = nil,
        writing: (String) -> String = { $0 }
    ) {
        self.library = library
        var compiled: [String: CompiledTemplate]? = [:]
        for (name, text) in sources {
            let written = writing(text)
            if written.utf8.elementsEqual(text.utf8), let template = reusing?[name] {
                compiled?[name] = template
                continue
            }
            guard let template = (try? CompiledTemplate(written)) ?? (try? CompiledTemplate(text)) else {
                compiled = nil
                break
            }
            compiled?[name] = template
        }
        self.compiled = compiled
    }

    /// Renders template `name` with `context`, by docgen unless the data holds a value whose
    /// meaning only swift-mustache knows; `nil` if there is no such template.
    func render(_ context: [String: Any], withTemplate name: String, capacity: Int = 0) -> String? {
        if let compiled {
            var renderer = CompiledRenderer(templates: compiled, object: context)
            if let text = try? renderer.render(name, capacity: capacity) {
                // Debug builds (the tests) check every page against swift-mustache.
                assert(
                    text == reference(context, withTemplate: name), "template \(name) rendered unlike swift-mustache")
                return text
            }
        }
        return reference(context, withTemplate: name)
    }

    /// Template `name` rendered with `context` by swift-mustache.
    func reference(_ context: [String: Any], withTemplate name: String) -> String? {
        library.render(ContextObject.make(context), withTemplate: name)
    }
}

/// The per-language copies of the templates, made on first use.
private final class SpecializedLibraries: @unchecked Sendable {
    private let lock = NSLock()
    /// Keyed by the strings object, which the entry keeps alive so its identity is never reused.
    private var libraries: [ObjectIdentifier: (ContextObject, TemplateSet)] = [:]

    func templates(for strings: ContextObject, make: () -> TemplateSet) -> TemplateSet {
        lock.lock()
        defer { lock.unlock() }
        if let (_, library) = libraries[ObjectIdentifier(strings)] { return library }
        let library = make()
        // A long-lived renderer (`docgen serve`) sees new strings objects at each rebuild.
        if libraries.count >= 16 { libraries.removeAll() }
        libraries[ObjectIdentifier(strings)] = (strings, library)
        return library
    }
}

/// Writes a language's interface strings into a template's text in place of its
/// `{{strings.name}}`, `{{{strings.name}}}` and `{{&strings.name}}` tags, escaped as Mustache
/// would escape them, so that a page does not look each one up through the context stack (a
/// third of a page's tags). The output is the same: `strings` is set only at the top of every
/// page's data, and a string is left as a tag when writing it in could change how the template
/// parses: text with a newline or a brace, or blank text (which could make a section tag's line
/// standalone), or a template that changes its delimiters or has comments (a comment ends at
/// the first `}}`, which may be a strings tag's: `{{! <p>{{strings.home}}</p> }}`).
enum StringsInTemplate {
    static func write(_ strings: [String: Any], into template: String) -> String {
        guard !template.contains("{{="), !template.contains("{{!") else { return template }
        var result = ""
        result.reserveCapacity(template.utf8.count)
        var rest = Substring(template)
        while let open = rest.range(of: "{{") {
            result += rest[..<open.lowerBound]
            let tail = rest[open.lowerBound...]
            if let (replacement, end) = replacement(in: tail, strings) {
                result += replacement
                rest = tail[end...]
            } else {
                result += "{{"
                rest = tail[open.upperBound...]
            }
        }
        result += rest
        return result
    }

    /// The text for the tag at the start of `tail` and where the tag ends, if it is a strings tag.
    private static func replacement(in tail: Substring, _ strings: [String: Any]) -> (String, Substring.Index)? {
        var cursor = tail.index(tail.startIndex, offsetBy: 2)
        var raw = false
        var closing = "}}"
        if cursor < tail.endIndex, tail[cursor] == "{" {
            raw = true
            closing = "}}}"
            cursor = tail.index(after: cursor)
        } else if cursor < tail.endIndex, tail[cursor] == "&" {
            raw = true
            cursor = tail.index(after: cursor)
        }
        while cursor < tail.endIndex, tail[cursor] == " " { cursor = tail.index(after: cursor) }
        guard tail[cursor...].hasPrefix("strings.") else { return nil }
        cursor = tail.index(cursor, offsetBy: "strings.".count)
        let nameStart = cursor
        while cursor < tail.endIndex, tail[cursor].isASCII,
            tail[cursor].isLetter || tail[cursor].isNumber || tail[cursor] == "_" || tail[cursor] == "-"
        {
            cursor = tail.index(after: cursor)
        }
        let name = String(tail[nameStart..<cursor])
        while cursor < tail.endIndex, tail[cursor] == " " { cursor = tail.index(after: cursor) }
        guard !name.isEmpty, tail[cursor...].hasPrefix(closing) else { return nil }
        guard let value = strings[name] as? String, !value.allSatisfy(\.isWhitespace),
            !value.contains(where: { $0 == "\n" || $0 == "{" || $0 == "}" })
        else { return nil }
        return (raw ? value : HTMLEscaping.escapeMustache(value), tail.index(cursor, offsetBy: closing.count))
    }
}
