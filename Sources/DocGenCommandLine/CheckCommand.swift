import ArgumentParser
import DocGenContent
import DocGenCore
import DocGenSite
import DocGenTranslation
import Foundation

/// `docgen check`: everything `build` validates, through the same loader and stages, without
/// writing a site; `docgen check --translations`: QA of every segment pair of the content folder.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract:
            "Check the content as 'build' does (front matter, segments, links, anchors, images, TOC, flows) without writing a site; with --translations, QA of the translations.",
        discussion: """
            docgen check [--content DIR] [--format text|json] [--strict]
            reads and renders every page exactly as 'docgen build' does and prints the same \
            diagnostics, but writes nothing. Text: 'path:line:column: severity: message \
            [identifier]' and an indented 'fix:' line. JSON (--format json), one document, stable \
            for CI and editors: {"version":1,"diagnostics":[{"identifier","severity","file", \
            "line","column","message","fix"}…],"summary":{"errors","warnings","notes"}}; lines \
            count from 1 in the file (front matter included), columns count UTF-8 bytes from 1; \
            file, line and column are null for problems of the whole site, fix is null when there \
            is no suggestion.
            Exit status: 0 without errors; 1 with errors (or with warnings under --strict); 2 when \
            the check cannot run (no content folder, unreadable theme).

            docgen check --translations:
            Each finding is printed as path:line:column: warning: segment ID: … [docgen.qa.IDENTIFIER],
            in the articles' language, followed by the counts per article and per identifier; with
            --format json, one JSON object per finding (with both texts) and a {"summary": …} object.
            Numbers are compared as a reader reads them: dates, 12/24-hour times, thousands and
            decimal separators of each language, spelled-out numbers.
            A finding looked at and found right is accepted for its segment with
            --accept PATH:SEGMENT:IDENTIFIER, which adds a line to CONTENT/.docgen-qa-accept (the
            file can be edited by hand: 'path  segment-id  identifier  # reason').
            Exit status: 0, or 1 when there are findings and --strict is given (or on errors).
            """)

    @Flag(name: .long, help: "Check the translated segments (QA of every pair) instead of the build's checks.")
    var translations = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A theme folder whose files replace the built-in theme's (default: a Templates/ folder beside the content folder, if any).",
            valueName: "DIR"))
    var templates: String?

    @Option(name: .long, help: ArgumentHelp("The folder of Markdown articles.", valueName: "DIR"))
    var content = "Content"

    @Option(name: .long, help: "text (default; also 'human') or json.")
    var format = "text"

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Accept one finding, e.g. billing.md:0aaa1-104:number-mismatch (repeatable).",
            valueName: "PATH:SEGMENT:IDENTIFIER"))
    var accept: [String] = []

    @Flag(name: .long, help: "Exit 1 when there is any finding.")
    var strict = false

    @Flag(name: .shortAndLong, help: "Print only the counts.")
    var quiet = false

    func run() throws {
        guard ["text", "human", "json"].contains(format) else { throw ValidationError("--format is text or json") }
        guard translations else { return try checkSite() }
        let acceptURL = URL(fileURLWithPath: content).appendingPathComponent(QAAcceptance.fileName)
        var acceptText = (try? String(contentsOf: acceptURL, encoding: .utf8)) ?? ""
        if !accept.isEmpty {
            for request in accept {
                let fields = request.split(separator: ":", omittingEmptySubsequences: false)
                guard fields.count == 3, fields.allSatisfy({ !$0.isEmpty }) else {
                    throw ValidationError("--accept takes PATH:SEGMENT:IDENTIFIER, not '\(request)'")
                }
                let entry = QAAcceptance.Entry(
                    article: String(fields[0]), segmentID: String(fields[1]), identifier: String(fields[2]))
                if !QAAcceptance(text: acceptText).entries.contains(entry) {
                    if !acceptText.isEmpty && !acceptText.hasSuffix("\n") { acceptText += "\n" }
                    acceptText += entry.line + "\n"
                }
            }
            try Data(acceptText.utf8).write(to: acceptURL, options: .atomic)
        }
        let articles = try ContentFolder.readArticles(content).map { ArticleParser.parse($0).article }
        let qa = TranslationQA.check(articles, accepted: QAAcceptance(text: acceptText))
        var text: String
        if format == "json" {
            text = qa.jsonLines()
        } else {
            text = quiet ? "" : qa.findings.map { $0.description + "\n" }.joined()
            text += qa.summary()
        }
        FileHandle.standardOutput.write(Data(text.utf8))
        if strict && !qa.findings.isEmpty { throw ExitCode(1) }
    }

    /// The build's checks: the same loader and stages as `docgen build`, rendering into nothing.
    private func checkSite() throws {
        var options = BuildOptions(
            content: URL(fileURLWithPath: content),
            output: URL(fileURLWithPath: content).appendingPathComponent(".docgen-check-no-output"),
            templates: TemplateLocator.locate(explicit: templates, content: content))
        options.writesOutput = false
        options.usesCache = false
        let report: BuildReport
        do {
            report = try SiteBuilder.build(options)
        } catch let failure as BuildFailure {
            FileHandle.standardError.write(Data((failure.description + "\n").utf8))
            throw ExitCode(2)
        }
        let diagnostics = strict ? report.diagnostics.map { $0.promotedToError() } : report.diagnostics
        if format == "json" {
            FileHandle.standardOutput.write(Data(diagnostics.jsonDocument().utf8))
        } else {
            var text = ""
            for diagnostic in diagnostics where !(quiet && diagnostic.severity != .error) {
                text += diagnostic.description + "\n"
            }
            let errors = diagnostics.count(of: .error)
            let warnings = diagnostics.count(of: .warning)
            text += "Checked \(report.articleCount) articles: \(errors) error\(errors == 1 ? "" : "s"), "
            text += "\(warnings) warning\(warnings == 1 ? "" : "s").\n"
            FileHandle.standardOutput.write(Data(text.utf8))
        }
        if diagnostics.hasErrors { throw ExitCode(1) }
    }
}
