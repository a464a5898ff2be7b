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
        name: .long, help: ArgumentHelp("The language of the labels: fr (target) or en (source).", valueName: "fr|en"))
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
        guard ["fr", "en"].contains(Language(lang).code) else {
            throw ValidationError("--lang must be fr or en, not '\(lang)'")
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
        if let flow = parsed.flow { diagnostics += FlowValidator.validate(flow) }
        let report = diagnostics.sortedForOutput().map { $0.description + "\n" }.joined()
        if !report.isEmpty { FileHandle.standardError.write(Data(report.utf8)) }
        guard let flow = parsed.flow, !diagnostics.hasErrors else { throw ExitCode(1) }
        let language = Language(lang)
        let rendered =
            switch format {
            case .svg: FlowStandalone.svg(flow: flow, language: language)
            case .html: try standalonePage(flow: flow, language: language)
            }
        if let output {
            try Data(rendered.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } else {
            FileHandle.standardOutput.write(Data(rendered.utf8))
        }
    }

    /// The standalone page, with the theme's flowchart assets (built in, or from --templates).
    private func standalonePage(flow: Flow, language: Language) throws -> String {
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
            flow: flow, language: language, styleSheet: String(decoding: style, as: UTF8.self),
            script: String(decoding: script, as: UTF8.self))
    }
}
