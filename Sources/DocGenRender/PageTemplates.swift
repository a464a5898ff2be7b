import DocGenCore
import Mustache

/// The theme's Mustache templates, compiled once. Each page renders its kind's template
/// (`article`, `home`, `missing`, `root`) into `body`, then `layout` around it.
public struct PageTemplates: Sendable {
    private let library: MustacheLibrary

    /// Compiles every template of the theme; a template that does not parse is a diagnostic and
    /// is left out (pages that need it are then reported, not written half-rendered).
    public static func compile(_ theme: Theme) -> (PageTemplates, [Diagnostic]) {
        var library = MustacheLibrary()
        var diagnostics: [Diagnostic] = []
        for name in theme.templates.keys.sorted() {
            do {
                try library.register(theme.templates[name]!, named: name)
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
        guard let body = library.render(context, withTemplate: template) else { return nil }
        var full = context
        full["body"] = body
        return library.render(full, withTemplate: "layout")
    }

    /// Renders one template on its own (the root language chooser has no layout).
    public func render(_ template: String, context: [String: Any]) -> String? {
        library.render(context, withTemplate: template)
    }
}
