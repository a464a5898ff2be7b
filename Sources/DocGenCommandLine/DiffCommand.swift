import ArgumentParser
import DocGenCore
import DocGenSite
import DocGenTranslation
import Foundation

/// `docgen diff`: what changed in the segments between two content folders or two git revisions.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show which segments changed between two versions of the content.",
        discussion: """
            docgen diff OLD NEW                          compares two content folders
            docgen diff --git REV1 REV2 [--content DIR]  compares DIR (default: .) at two git revisions

            Segment ids change between revisions, so segments are matched by their English text and
            position; a segment whose English and French moved elsewhere in the article is unchanged
            (moved). Each other segment is: source changed (with a case-insensitive word similarity),
            target changed, markup only (link targets, emphasis), added or removed. A source or
            markup change whose translation did not follow is 'stale'. --format json writes one object
            per segment, unchanged ones included, then a {"summary": …} line with the counts; the
            counts are also printed on standard error.
            Exit status: 0 no differences, 1 differences, 2 errors.
            """)

    @Flag(name: .long, help: "Compare two git revisions instead of two folders.")
    var git = false

    @Option(name: .long, help: ArgumentHelp("With --git: the content folder in the repository.", valueName: "DIR"))
    var content = "."

    @Option(name: .long, help: "human (default) or json (one JSON object per segment, then a summary object).")
    var format = "human"

    @Flag(name: .long, help: "Colour the word changes (default: when standard output is a terminal).")
    var color = false

    @Flag(name: .long, help: "Never colour the output.")
    var noColor = false

    @Argument(help: "OLD NEW folders, or REV1 REV2 with --git.")
    var versions: [String]

    func run() throws {
        do {
            guard versions.count == 2 else { throw ValidationError("give exactly two folders or revisions") }
            guard format == "human" || format == "json" else { throw ValidationError("--format is human or json") }
            let old: [SourceFile]
            let new: [SourceFile]
            if git {
                old = try GitRevision.readArticles(revision: versions[0], content: content)
                new = try GitRevision.readArticles(revision: versions[1], content: content)
            } else {
                old = try ContentFolder.readArticles(versions[0])
                new = try ContentFolder.readArticles(versions[1])
            }
            let diff = RevisionDiff.compare(old: old, new: new)
            let useColor = !noColor && (color || isatty(STDOUT_FILENO) != 0)
            let text =
                format == "json"
                ? DiffFormatter.jsonLines(diff) + DiffFormatter.jsonSummary(diff)
                : DiffFormatter.human(diff, color: useColor)
            FileHandle.standardOutput.write(Data(text.utf8))
            if format == "json" { Console.error(DiffFormatter.summary(diff)) }
            if diff.hasDifferences { throw ExitCode(1) }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            Console.error("error: \(error)")
            throw ExitCode(2)
        }
    }
}
