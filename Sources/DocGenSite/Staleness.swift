import DocGenCore
import DocGenTranslation
import Foundation

/// The staleness stage of a build: reads the content's articles at the baseline revision through
/// git and compares them with the content being built. The only stage of a build that runs git;
/// everything after it receives the result as a value.
enum Staleness {
    /// The stale segments since `revision`, or none and one diagnostic when git cannot give that
    /// revision (unknown revision, content outside a git repository, no git): the build goes on.
    /// `location` is where the revision is written (docgen.yml `baseline`), `nil` for `--since`.
    static func compute(revision: String, content: URL, current: [SourceFile], location: SourceLocation?)
        -> (StaleTranslations, Diagnostic?)
    {
        do {
            let old = try GitRevision.readArticles(revision: revision, content: content.path)
            let new = current.filter { SitePath.pathExtension($0.path) == "md" }
            return (StaleTranslations(RevisionDiff.compare(old: old, new: new)), nil)
        } catch {
            return (.none, unavailable(revision: revision, reason: "\(error)", location: location))
        }
    }

    /// The one diagnostic of a baseline git cannot read.
    static func unavailable(revision: String, reason: String, location: SourceLocation?) -> Diagnostic {
        let firstLine = reason.split(separator: "\n").first.map(String.init) ?? reason
        return .warning(
            "docgen.baseline.unavailable", at: location,
            "cannot read the content at revision '\(revision)', so no segment is marked stale: \(firstLine)",
            fix: "give a revision of the git repository that holds the content folder (for example HEAD~1 or a tag)")
    }
}
