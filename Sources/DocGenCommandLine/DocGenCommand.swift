import ArgumentParser

/// The `docgen` command: a static site generator for bilingual (translated + English) Markdown docs.
/// Each subcommand turns its flags into calls of the library targets and prints their diagnostics.
public struct DocGenCommand: ParsableCommand {
    /// The command's name, help text and subcommands.
    public static let configuration = CommandConfiguration(
        commandName: "docgen",
        abstract: "Build bilingual documentation sites from translated Markdown with English source segments.",
        discussion: """
            Articles are Markdown files whose translated sentences carry their English original, \
            as DocFX bilingual docsets write them. 'docgen build' turns a folder of them into a \
            static site with one page per article per language and a toggle between the two.

            Start with:  docgen build --content Content --output Output
            """,
        subcommands: DocGenCommand.subcommandList
    )

    /// Every subcommand, in the order `--help` lists them.
    static let subcommandList: [ParsableCommand.Type] = [
        BuildCommand.self, SegmentsCommand.self, DiffCommand.self, CheckCommand.self, FlowCommand.self,
    ]

    /// Creates the command (ArgumentParser fills in the options).
    public init() {}
}
