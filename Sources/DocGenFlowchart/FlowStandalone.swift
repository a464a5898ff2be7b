import DocGenContent
import DocGenCore
import DocGenMarkdown

/// One flow rendered for use outside a site (`docgen flow`): a bare SVG file, or a complete HTML
/// page with the theme's widget style sheet and script inlined, so it works when opened from any folder.
public enum FlowStandalone {
    /// A standalone `.svg` document (with its own XML declaration and style).
    public static func svg(flow: Flow, language: Language, texts: [String: String] = [:]) -> String {
        FlowSVG.render(
            FlowLayout.diagram(for: flow, language: language),
            options: FlowSVG.Options(
                idPrefix: "flow-\(flow.name)-\(language.code)", standalone: true,
                strings: FlowStrings(language, texts: texts)))
    }

    /// A complete HTML page: the embedded widget; nodes link to `#` states instead of node pages.
    /// `styleSheet` and `script` are the theme's `assets/flowchart.css` and `assets/flowchart.js`,
    /// inlined so the page works on its own.
    /// `texts` are the language's interface strings (`flow.*` keys), English where missing.
    public static func page(
        flow: Flow, language: Language, texts: [String: String] = [:], styleSheet: String, script: String
    ) -> String {
        let title = HTMLEscaping.escape(flow.title.resolved(language))
        var out =
            "<!DOCTYPE html>\n<html lang=\"\(language.code)\" dir=\"\(language.direction)\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>\(title)</title>\n"
        out += "<style>\nbody{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Liberation Sans',Arial,sans-serif;"
        out += "margin:1.5em auto;max-width:80em;padding:0 1em;line-height:1.45;color:#202124;background:#ffffff}\n"
        out += "@media (prefers-color-scheme: dark){body{color:#e8eaed;background:#202124}a{color:#8ab4f8}}\n"
        out += styleSheet + "</style>\n</head>\n<body>\n<main>\n<h1>\(title)</h1>\n"
        out += FlowHTML.embed(flow: flow, language: language, texts: texts, links: .standalone(flow: flow))
        out += "</main>\n<script>\n" + script + "</script>\n</body>\n</html>\n"
        return out
    }
}
