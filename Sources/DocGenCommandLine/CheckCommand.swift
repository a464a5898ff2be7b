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
            followed by the counts per article and per identifier.
            Exit status: 0, or 1 when there are findings and --strict is given (or on errors).
            """)

    @Flag(name: .long, help: "Check the translated segments (the only check so far).")
    var translations = false

    @Option(name: .long, help: ArgumentHelp("The folder of Markdown articles.", valueName: "DIR"))
    var content = "Content"

    @Flag(name: .long, help: "Exit 1 when there is any finding.")
    var strict = false

    @Flag(name: .shortAndLong, help: "Print only the counts.")
    var quiet = false

    func run() throws {
        guard translations else { throw ValidationError("say what to check: --translations") }
        let articles = try ContentFolder.readArticles(content).map { ArticleParser.parse($0).article }
        let qa = TranslationQA.check(articles)
        var text = quiet ? "" : qa.findings.map { $0.description + "\n" }.joined()
        text += qa.summary()
        FileHandle.standardOutput.write(Data(text.utf8))
        if strict && !qa.findings.isEmpty { throw ExitCode(1) }
    }
}
