/// Why a build could not run at all (as opposed to diagnostics about the content, which never stop it).
public enum BuildFailure: Error, CustomStringConvertible, Equatable {
    /// The content folder does not exist.
    case contentMissing(String)
    /// The theme folder does not exist.
    case templatesMissing(String)
    /// The output folder is, or contains, the content folder.
    case outputContainsContent(output: String, content: String)
    /// The output folder holds files docgen did not write, and `--force` was not given.
    case outputNotOwned(String, examples: [String])
    /// The output could not be written; the previous site is untouched.
    case writeFailed(String)
    /// Another build holds the output's lock and the build was asked not to wait (`--no-wait`).
    case outputBusy(String, holder: Int32?)
    /// The build was stopped by a signal; its staging folder was removed and the output holds a complete site.
    case interrupted(signal: Int32)

    public var description: String {
        switch self {
        case .contentMissing(let path):
            "error: the content folder '\(path)' does not exist [docgen.build.content-missing]\n    fix: pass --content DIR, a folder of Markdown articles"
        case .templatesMissing(let path):
            "error: the templates folder '\(path)' does not exist [docgen.build.templates-missing]\n    fix: pass --templates DIR, or run docgen from the repository that holds Templates/"
        case .outputContainsContent(let output, let content):
            "error: the output folder '\(output)' is or contains the content folder '\(content)'; building would replace your articles [docgen.build.output-contains-content]\n    fix: choose an output folder outside the content folder, e.g. --output Output"
        case .outputNotOwned(let path, let examples):
            "error: the output folder '\(path)' holds files docgen did not write (\(examples.joined(separator: ", "))) and would be replaced [docgen.build.output-not-owned]\n    fix: choose an empty or new folder, or pass --force to replace it"
        case .writeFailed(let reason):
            "error: the site could not be written: \(reason); the previous output is unchanged [docgen.build.write-failed]"
        case .outputBusy(let path, let holder):
            "error: another docgen build\(holder.map { " (process \($0))" } ?? "") is writing the output folder '\(path)' [docgen.build.output-busy]\n    fix: wait for it to finish, or build without --no-wait to wait for it"
        case .interrupted(let signal):
            "error: the build was interrupted (signal \(signal)); its staging folder was removed, and the output folder holds a complete site (the previous one, unless the new one was already in place) [docgen.build.interrupted]"
        }
    }
}
