import ArgumentParser
import DocGenCore
import DocGenSite
import Foundation

/// `docgen build`: turns the content folder into a static site in the output folder.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the static site: one page per article per language, a home page per language.",
        discussion: """
            Reads every Markdown article of the content folder and writes into the output folder \
            fr/<article>.html (the translation) and en/<article>.html (the English source), a home \
            page per language, and index.html, which sends readers to their language.

            The output folder is replaced as a whole, and only once the new site is complete: a \
            failed build leaves the previous site untouched. docgen refuses an output folder that \
            contains the content folder, or that holds files it did not write (unless --force).

            Problems are printed as 'path:line:column: warning|error: message [identifier]'; \
            columns count UTF-8 bytes. Exit status: 0 without errors, 1 with errors (or with \
            warnings under --strict).

            Examples:
              docgen build
              docgen build --content ../docs/fr-fr --output /tmp/site --strict
              docgen build --since v2.0      # mark what changed in the English since tag v2.0
            """)

    @Option(name: .long, help: ArgumentHelp("The folder of Markdown articles.", valueName: "DIR"))
    var content = "Content"

    @Option(name: .long, help: ArgumentHelp("The folder to write the site to (replaced as a whole).", valueName: "DIR"))
    var output = "Output"

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The theme folder (Mustache templates, strings.yml, assets/). Default: ./Templates, or the one next to docgen.",
            valueName: "DIR"))
    var templates: String?

    @Flag(name: .long, help: "Treat warnings as errors (exit 1 if there are any).")
    var strict = false

    @Flag(name: .long, help: "Replace the output folder even if it holds files docgen did not write.")
    var force = false

    @Flag(name: .shortAndLong, help: "Print only errors and the summary.")
    var quiet = false

    @Flag(name: .long, help: "Print how long each build stage took.")
    var timings = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Threads for parsing, compiling and rendering (default: one per core). The output is the same for any number.",
            valueName: "N"))
    var jobs: Int?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A git revision of the content's repository that translators last worked from (overrides docgen.yml 'baseline'). Segments whose English changed since then while their translation did not are counted on the coverage page and marked on the translator views and French pages.",
            valueName: "REV"))
    var since: String?

    @Flag(
        name: .long,
        help:
            "Reduce the articles' raw HTML to an allow-list (anchors, tables, kbd, sup, img, ...), each removal a warning (docgen.yml 'safeHTML: true' does the same). Script URLs, event handlers, <base> and <meta> are always removed."
    )
    var safeHTML = false

    func run() throws {
        var options = BuildOptions(
            content: URL(fileURLWithPath: content), output: URL(fileURLWithPath: output),
            templates: TemplateLocator.locate(explicit: templates), force: force,
            workers: jobs.map { max(1, $0) }, since: since)
        options.safeHTML = safeHTML
        let report: BuildReport
        do {
            report = try SiteBuilder.build(options)
        } catch let failure as BuildFailure {
            FileHandle.standardError.write(Data((failure.description + "\n").utf8))
            throw ExitCode(1)
        }
        let diagnostics = strict ? report.diagnostics.map { $0.promotedToError() } : report.diagnostics
        var text = ""
        for diagnostic in diagnostics where !(quiet && diagnostic.severity != .error) {
            text += diagnostic.description + "\n"
        }
        if timings {
            for stage in report.stageTimes {
                text +=
                    "  " + stage.name.padding(toLength: 18, withPad: " ", startingAt: 0)
                    + String(format: "%8.3f s\n", stage.seconds)
            }
        }
        let errors = diagnostics.count(of: .error)
        let warnings = diagnostics.count(of: .warning)
        let total = report.stageTimes.reduce(0) { $0 + $1.seconds }
        text += String(
            format: "Built %d pages from %d articles into %@ in %.2f s: %d error%@, %d warning%@.\n", report.pageCount,
            report.articleCount, output, total, errors, errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s")
        FileHandle.standardError.write(Data(text.utf8))
        if errors > 0 { throw ExitCode(1) }
    }
}

/// Finds the default theme: `./Templates`, else a `Templates` folder above the executable
/// (so `.build/debug/docgen` run from anywhere finds the repository's theme).
enum TemplateLocator {
    static func locate(explicit: String?) -> URL {
        if let explicit { return URL(fileURLWithPath: explicit) }
        let manager = FileManager.default
        let local = URL(fileURLWithPath: "Templates")
        if manager.fileExists(atPath: local.path) { return local }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = directory.appendingPathComponent("Templates")
            if manager.fileExists(atPath: candidate.appendingPathComponent("layout.mustache").path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return local
    }
}
