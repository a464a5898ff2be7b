import ArgumentParser

/// The `docgen` command: a static site generator for bilingual (translated + English) Markdown docs.
/// Each subcommand turns its flags into calls of the library targets and prints their diagnostics.
public struct DocGenCommand: AsyncParsableCommand {
    /// The command's name, help text and subcommands.
    public static let configuration = CommandConfiguration(
        commandName: "docgen",
        abstract: "Build bilingual documentation sites from translated Markdown with English source segments.",
        discussion: """
            Articles are Markdown files whose translated sentences carry their English original, \
            as DocFX bilingual docsets write them. 'docgen build' turns a folder of them into a \
            static site with one page per article per language and a toggle between the two.

            Start with:  docgen init mysite && cd mysite && docgen serve
            """,
        subcommands: DocGenCommand.subcommandList
    )

    /// Every subcommand, in the order `--help` lists them.
    static let subcommandList: [ParsableCommand.Type] = [
        BuildCommand.self, ServeCommand.self, CheckCommand.self, InitCommand.self, SegmentsCommand.self,
        DiffCommand.self, FlowCommand.self,
    ]

    /// Creates the command (ArgumentParser fills in the options).
    public init() {}

    /// Parses the program's arguments and runs the subcommand, awaiting it if it is asynchronous
    /// (`serve`). The executable's entry point (a static `main()` would be resolved to
    /// ArgumentParser's synchronous one from top-level code).
    public static func start() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
