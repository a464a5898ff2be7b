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

            The site is written into a staging folder beside the output and swapped in for it in \
            one step once complete, so the output folder always holds a whole site. A build that \
            cannot run (missing folders, unsafe output, write failure), is interrupted (Ctrl-C, \
            SIGTERM: the staging folder is removed) or is killed leaves the previous site as it \
            was. docgen refuses an output folder that contains the content folder, or that holds \
            files it did not write (unless --force). One build at a time writes an output folder: \
            a second one waits for the first (or, with --no-wait, stops with an error).

            A repeated build re-renders only the articles whose text changed (when the theme, \
            configuration, TOCs, includes, flows, file list, front matter and titles are as before), \
            from a cache kept beside the output in .<output>.docgen-cache (never published, safe \
            to delete; --no-cache ignores and removes it). The output is byte-identical to a clean build.

            Problems are printed as 'path:line:column: warning|error: message [identifier]'; \
            columns count UTF-8 bytes. Exit status: 0 without errors, 1 with errors (or with \
            warnings under --strict), 130/143 when interrupted.

            A build with errors in the content (exit status 1) still publishes its site: every \
            page is written, with the faulty text kept, so you can see the problems in place. \
            With --keep-on-error (for CI and servers that publish the output folder), such a \
            build leaves the previous output exactly as it was and discards the new site.

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
            "A theme folder whose files replace the built-in theme's, file by file (Mustache templates, strings.yml, assets/). Default: a Templates/ folder beside the content folder, if any.",
            valueName: "DIR"))
    var templates: String?

    @Flag(name: .long, help: "Treat warnings as errors (exit 1 if there are any).")
    var strict = false

    @Flag(name: .long, help: "Replace the output folder even if it holds files docgen did not write.")
    var force = false

    @Flag(
        name: .long,
        help:
            "When the build has errors (exit status 1; warnings too under --strict), leave the previous output as it was instead of publishing the new site."
    )
    var keepOnError = false

    @Flag(name: .long, help: "Stop with an error, instead of waiting, when another build is writing the same output.")
    var noWait = false

    @Flag(name: .shortAndLong, help: "Print only errors and the summary (no progress).")
    var quiet = false

    @Flag(name: .long, help: "Print how long each build stage took.")
    var timings = false

    @Flag(name: .long, help: "Print the closing summary's details: pages per language, cache hits, time per stage.")
    var verbose = false

    @Flag(
        name: .long,
        help:
            "Build everything and keep no build cache (the cache, .<output>.docgen-cache beside the output, is safe to delete)."
    )
    var noCache = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Threads for parsing, compiling and rendering (default: one per core). The output is the same for any number.",
            valueName: "N"))
    var jobs: Int?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A git revision of the content's repository that translators last worked from (overrides docgen.yml 'baseline'). Segments whose English changed since then while their translation did not are counted on the coverage page and marked on the translator views and translated pages.",
            valueName: "REV"))
    var since: String?

    @Flag(
        name: .long,
        help:
            "Build without search: no Pagefind index, no search box. (With search, docgen runs Pagefind over the new site before swapping it in.)"
    )
    var noSearch = false

    @Flag(
        name: .long,
        help:
            "Reduce the articles' raw HTML to an allow-list (anchors, tables, kbd, sup, img, ...), each removal a warning (docgen.yml 'safeHTML: true' does the same). Script URLs, event handlers, <base> and <meta> are always removed."
    )
    var safeHTML = false

    func run() throws {
        var options = BuildOptions(
            content: URL(fileURLWithPath: content), output: URL(fileURLWithPath: output),
            templates: TemplateLocator.locate(explicit: templates, content: content), force: force,
            workers: jobs.map { max(1, $0) }, since: since, search: !noSearch)
        options.usesCache = !noCache
        options.keepsMemoryUntilExit = true  // the process exits right after the build
        if !quiet {
            let display = ProgressDisplay()
            options.progress = { done, total in display.update(done: done, total: total) }
        }
        options.keepOnError = keepOnError
        options.strict = strict
        options.waitForOutput = !noWait
        let output = output
        options.onWait = { holder in
            let who = holder.map { "another docgen build (process \($0))" } ?? "another docgen build"
            FileHandle.standardError.write(
                Data("docgen: \(who) is writing '\(output)'; waiting for it to finish\n".utf8))
        }
        options.safeHTML = safeHTML
        InterruptCleanup.install()
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
        if timings || verbose {
            for stage in report.stageTimes {
                text +=
                    "  " + stage.name.padding(toLength: 18, withPad: " ", startingAt: 0)
                    + String(format: "%8.3f s\n", stage.seconds)
            }
        }
        let errors = diagnostics.count(of: .error)
        let warnings = diagnostics.count(of: .warning)
        let total = report.stageTimes.reduce(0) { $0 + $1.seconds }
        if !quiet || verbose {
            let languages = report.pagesPerLanguage.keys.sorted().map { "\($0) \(report.pagesPerLanguage[$0] ?? 0)" }
            text += "  pages per language: \(languages.joined(separator: ", ")); articles rendered: "
            text += "\(report.renderedArticles), kept from the cache: \(report.cacheHits)\n"
        }
        text += String(
            format: "Built %d pages from %d articles into %@ in %.2f s: %d error%@, %d warning%@.\n", report.pageCount,
            report.articleCount, output, total, errors, errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s")
        if !report.published {
            text += "The output \(output) was left as it was (--keep-on-error); the new site was discarded.\n"
        }
        FileHandle.standardError.write(Data(text.utf8))
        if errors > 0 { throw ExitCode(1) }
    }
}

/// Finds the theme folder that overrides the built-in theme, file by file: `--templates DIR`, else
/// a `Templates/` folder beside the content folder (the content's project, as in this repository);
/// `nil` means the built-in theme alone, so docgen works from any folder.
enum TemplateLocator {
    static func locate(explicit: String?, content: String) -> URL? {
        if let explicit { return URL(fileURLWithPath: explicit) }
        let project = URL(fileURLWithPath: content).standardizedFileURL.deletingLastPathComponent()
        let candidate = project.appendingPathComponent("Templates")
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue {
            return candidate
        }
        return nil
    }
}
