/// Prints a `RevisionDiff` for people (word-level changes) or for programs (JSON Lines).
public enum DiffFormatter {
    /// The changed segments grouped by article, with `[-old-]{+new+}` word changes and a summary line.
    /// `color` adds ANSI colours (for a terminal).
    public static func human(_ diff: RevisionDiff, color: Bool = false) -> String {
        var out = ""
        var currentArticle: String?
        for change in diff.changes where change.status != .unchanged || change.isMoved {
            if change.article != currentArticle {
                out += (color ? "\u{1B}[1m\(change.article)\u{1B}[0m" : change.article) + "\n"
                currentArticle = change.article
            }
            out += "  " + heading(change) + "\n"
            switch change.status {
            case .added:
                out += "    + " + (change.new?.sourceText ?? "") + "\n"
            case .removed:
                out += "    - " + (change.old?.sourceText ?? "") + "\n"
            case .sourceChanged, .markupOnly:
                out += "    en: " + WordDiff.render(change.old!.sourceText, change.new!.sourceText, color: color) + "\n"
                if !change.isStale, change.old!.targetText != change.new!.targetText {
                    out +=
                        "    fr: " + WordDiff.render(change.old!.targetText, change.new!.targetText, color: color)
                        + "\n"
                }
            case .targetChanged:
                out += "    fr: " + WordDiff.render(change.old!.targetText, change.new!.targetText, color: color) + "\n"
            case .unchanged:
                break
            }
        }
        out += summary(diff) + "\n"
        return out
    }

    /// One line of counts: `12 unchanged (2 moved), 3 source changed, …, 4 stale; 20 old, 21 new segments`.
    /// The old total is unchanged + source/target/markup changed + removed; the new one the same with added.
    public static func summary(_ diff: RevisionDiff) -> String {
        let counts = diff.counts
        func count(_ status: SegmentChange.Status) -> Int { counts[status] ?? 0 }
        let paired = count(.unchanged) + count(.sourceChanged) + count(.targetChanged) + count(.markupOnly)
        return "\(count(.unchanged)) unchanged (\(diff.movedCount) moved), \(count(.sourceChanged)) source changed, "
            + "\(count(.targetChanged)) target changed, \(count(.markupOnly)) markup only, "
            + "\(count(.added)) added, \(count(.removed)) removed; \(diff.staleCount) stale; "
            + "\(paired + count(.removed)) old, \(paired + count(.added)) new segments"
    }

    /// The counts as one JSON object: `{"summary":{"unchanged":12,…,"stale":4,"moved":2,"old":20,"new":21}}`.
    public static func jsonSummary(_ diff: RevisionDiff) -> String {
        let counts = diff.counts
        var fields = SegmentChange.Status.allCases.map { ($0.rawValue, String(counts[$0] ?? 0)) }
        let paired = [.unchanged, .sourceChanged, .targetChanged, .markupOnly].reduce(0) { $0 + (counts[$1] ?? 0) }
        fields += [
            ("stale", String(diff.staleCount)), ("moved", String(diff.movedCount)),
            ("old", String(paired + (counts[.removed] ?? 0))), ("new", String(paired + (counts[.added] ?? 0))),
        ]
        return JSONText.object([("summary", JSONText.object(fields))]) + "\n"
    }

    /// One JSON object per segment (unchanged ones too unless `includeUnchanged` is false): article,
    /// ids, status, similarity, stale, moved, old and new texts, lines.
    public static func jsonLines(_ diff: RevisionDiff, includeUnchanged: Bool = true) -> String {
        diff.changes.filter { includeUnchanged || $0.status != .unchanged }.map { change in
            func optional(_ text: String?) -> String { text.map(JSONText.string) ?? "null" }
            return JSONText.object([
                ("article", JSONText.string(change.article)),
                ("status", JSONText.string(change.status.rawValue)),
                ("oldId", optional(change.old?.id)),
                ("newId", optional(change.new?.id)),
                ("similarity", formatted(change.similarity)),
                ("stale", change.isStale ? "true" : "false"),
                ("moved", change.isMoved ? "true" : "false"),
                ("oldLine", change.old.map { String($0.line) } ?? "null"),
                ("newLine", change.new.map { String($0.line) } ?? "null"),
                ("oldSource", optional(change.old?.sourceText)),
                ("newSource", optional(change.new?.sourceText)),
                ("oldTarget", optional(change.old?.targetText)),
                ("newTarget", optional(change.new?.targetText)),
            ]) + "\n"
        }.joined()
    }

    private static func heading(_ change: SegmentChange) -> String {
        let ids: String
        switch (change.old, change.new) {
        case (let old?, let new?) where change.isMoved:
            ids = "\(old.id) → \(new.id) (moved from line \(old.line) to \(new.line))"
        case (let old?, let new?): ids = "\(old.id) → \(new.id) (line \(new.line))"
        case (let old?, nil): ids = "\(old.id) (old line \(old.line))"
        case (nil, let new?): ids = "\(new.id) (line \(new.line))"
        case (nil, nil): ids = ""
        }
        switch change.status {
        case .sourceChanged:
            return "source changed \(formatted(change.similarity)) \(ids)"
                + (change.isStale ? " [stale translation]" : "")
        case .targetChanged: return "target changed \(ids)"
        case .markupOnly: return "markup only \(ids)" + (change.isStale ? " [stale translation]" : "")
        case .added: return "added \(ids)"
        case .removed: return "removed \(ids)"
        case .unchanged: return (change.isMoved ? "moved " : "unchanged ") + ids
        }
    }

    /// A similarity with two decimals, without Foundation's locale-dependent formatting.
    static func formatted(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
