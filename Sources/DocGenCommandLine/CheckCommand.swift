import ArgumentParser
import DocGenContent
import DocGenCore
import DocGenTranslation
import Foundation

/// `docgen check --translations`: QA of every segment pair of the content folder.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract:
            "Check the translations: markup, link, code and number parity, missing or copied text, French spacing.",
        discussion: """
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

    @Flag(name: .long, help: "Check the translated segments (the only check so far).")
    var translations = false

    @Option(name: .long, help: ArgumentHelp("The folder of Markdown articles.", valueName: "DIR"))
    var content = "Content"

    @Option(name: .long, help: "human (default) or json.")
    var format = "human"

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
        guard translations else { throw ValidationError("say what to check: --translations") }
        guard format == "human" || format == "json" else { throw ValidationError("--format is human or json") }
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
}
