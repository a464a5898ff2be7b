import ArgumentParser
import DocGenContent
import DocGenCore
import DocGenFlowchart
import DocGenSite
import Foundation

/// `docgen flow`: renders one flow file as an SVG image or a standalone interactive HTML page.
struct FlowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flow",
        abstract: "Render one decision flow (YAML) as SVG or as a standalone interactive HTML page.",
        discussion: """
            The flow is validated first; its problems are printed as \
            'path:line:column: warning|error: message [identifier]' (columns count UTF-8 bytes). \
            Errors stop the rendering and exit with status 1.

            --format html writes a complete page with the style sheet and script inlined, which \
            works when opened from any folder, also without JavaScript (text version, links).

            Examples:
              docgen flow Content/flows/onboardingAADFlow.yml --format svg --lang en --output flow.svg
              docgen flow Content/flows/onboardingAADFlow.yml --format html > flow.html
            """)

    /// The output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case svg, html
    }

    @Argument(help: ArgumentHelp("The flow file (YAML).", valueName: "FILE"))
    var file: String

    @Option(name: .long, help: "The output format: svg or html.")
    var format: Format = .svg

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The language of the labels (any code the flow file writes labels in, such as fr, en, ja); the widget's words come from the theme's strings/<code>.yml.",
            valueName: "code"))
    var lang = "fr"

    @Option(
        name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "FILE"))
    var output: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The theme folder whose assets/flowchart.css and assets/flowchart.js the HTML page inlines. Default: ./Templates, or the one next to docgen.",
            valueName: "DIR"))
    var templates: String?

    func validate() throws {
        guard !lang.isEmpty, lang.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        else {
            throw ValidationError("--lang must be a language code such as fr, en or ja, not '\(lang)'")
        }
    }

    func run() throws {
        let url = URL(fileURLWithPath: file)
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            FileHandle.standardError.write(Data("error: cannot read \(file): \(error.localizedDescription)\n".utf8))
            throw ExitCode(1)
        }
        let parsed = FlowParser.parse(SourceFile(path: file, text: text))
        var diagnostics = parsed.diagnostics
        let language = Language(lang)
        if let flow = parsed.flow { diagnostics += FlowValidator.validate(flow, languages: [language]) }
        let report = diagnostics.sortedForOutput().map { $0.description + "\n" }.joined()
        if !report.isEmpty { FileHandle.standardError.write(Data(report.utf8)) }
        guard let flow = parsed.flow, !diagnostics.hasErrors else { throw ExitCode(1) }
        let texts = ThemeLoader.interfaceStrings(root: templates.map { URL(fileURLWithPath: $0) }, for: language)
        let rendered =
            switch format {
            case .svg: FlowStandalone.svg(flow: flow, language: language, texts: texts)
            case .html: try standalonePage(flow: flow, language: language, texts: texts)
            }
        if let output {
            try Data(rendered.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } else {
            FileHandle.standardOutput.write(Data(rendered.utf8))
        }
    }

    /// The standalone page, with the theme's flowchart assets (built in, or from --templates).
    private func standalonePage(flow: Flow, language: Language, texts: [String: String]) throws -> String {
        let overrides = templates.map { URL(fileURLWithPath: $0) }
        let files = (try? ThemeLoader.files(overrides: overrides)) ?? [:]
        guard let style = files["assets/flowchart.css"], let script = files["assets/flowchart.js"] else {
            FileHandle.standardError.write(
                Data(
                    "error: cannot read the flowchart assets in \(overrides?.path ?? "the built-in theme") [docgen.flow.assets-missing]\n    fix: pass --templates DIR, a theme folder with assets/flowchart.css and assets/flowchart.js\n"
                        .utf8))
            throw ExitCode(1)
        }
        return FlowStandalone.page(
            flow: flow, language: language, texts: texts, styleSheet: String(decoding: style, as: UTF8.self),
            script: String(decoding: script, as: UTF8.self))
    }
}
