import DocGenContent
import DocGenCore

/// The segment changes between two revisions of a content folder.
public struct RevisionDiff: Sendable {
    /// Every segment change, unchanged ones included, by article path then position.
    public var changes: [SegmentChange]
    /// Problems met while parsing either revision (errors only; warnings belong to `docgen build`).
    public var diagnostics: [Diagnostic]

    /// How many changes have each status.
    public var counts: [SegmentChange.Status: Int] {
        changes.reduce(into: [:]) { $0[$1.status, default: 0] += 1 }
    }

    /// How many segments have a stale translation (English changed, translation did not).
    public var staleCount: Int { changes.filter(\.isStale).count }

    /// How many segments moved (same English elsewhere in the article).
    public var movedCount: Int { changes.filter(\.isMoved).count }

    /// Whether anything other than unchanged segments in place was found.
    public var hasDifferences: Bool { changes.contains { $0.status != .unchanged || $0.isMoved } }

    /// Compares two revisions of the articles (paths relative to each content folder).
    public static func compare(old: [SourceFile], new: [SourceFile]) -> RevisionDiff {
        let oldByPath = snapshots(old)
        let newByPath = snapshots(new)
        var changes: [SegmentChange] = []
        for path in Set(oldByPath.segments.keys).union(newByPath.segments.keys).sorted() {
            changes += SegmentMatcher.changes(
                article: path, old: oldByPath.segments[path] ?? [], new: newByPath.segments[path] ?? [])
        }
        return RevisionDiff(changes: changes, diagnostics: oldByPath.diagnostics + newByPath.diagnostics)
    }

    private static func snapshots(_ files: [SourceFile]) -> (
        segments: [String: [SegmentSnapshot]], diagnostics: [Diagnostic]
    ) {
        var segments: [String: [SegmentSnapshot]] = [:]
        var diagnostics: [Diagnostic] = []
        for file in files where SitePath.pathExtension(file.path) == "md" {
            let (article, parseDiagnostics) = ArticleParser.parse(file)
            diagnostics += parseDiagnostics.filter { $0.severity == .error }
            segments[file.path] = article.segments.map {
                SegmentSnapshot(id: $0.id, sourceText: $0.sourceText, targetText: $0.targetText, line: $0.location.line)
            }
        }
        return (segments, diagnostics)
    }
}
