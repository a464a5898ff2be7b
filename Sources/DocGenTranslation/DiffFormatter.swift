/// Prints a `RevisionDiff` for people (word-level changes) or for programs (JSON Lines).
public enum DiffFormatter {
    /// The changed segments grouped by article, with `[-old-]{+new+}` word changes and a summary line.
    /// `color` adds ANSI colours (for a terminal).
    public static func human(_ diff: RevisionDiff, color: Bool = false) -> String {
        var out = ""
        var currentArticle: String?
        for change in diff.changes where change.status != .unchanged {
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

    /// One line of counts: `12 unchanged, 3 source changed (1 stale), …`.
    public static func summary(_ diff: RevisionDiff) -> String {
        let counts = diff.counts
        func count(_ status: SegmentChange.Status) -> Int { counts[status] ?? 0 }
        return "\(count(.unchanged)) unchanged, \(count(.sourceChanged)) source changed (\(diff.staleCount) stale), "
            + "\(count(.targetChanged)) target changed, \(count(.markupOnly)) markup only, "
            + "\(count(.added)) added, \(count(.removed)) removed"
    }

    /// One JSON object per changed segment: article, ids, status, similarity, stale, old and new texts, lines.
    public static func jsonLines(_ diff: RevisionDiff, includeUnchanged: Bool = false) -> String {
        diff.changes.filter { includeUnchanged || $0.status != .unchanged }.map { change in
            func optional(_ text: String?) -> String { text.map(JSONText.string) ?? "null" }
            return JSONText.object([
                ("article", JSONText.string(change.article)),
                ("status", JSONText.string(change.status.rawValue)),
                ("oldId", optional(change.old?.id)),
                ("newId", optional(change.new?.id)),
                ("similarity", formatted(change.similarity)),
                ("stale", change.isStale ? "true" : "false"),
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
        case .markupOnly: return "markup only \(ids)"
        case .added: return "added \(ids)"
        case .removed: return "removed \(ids)"
        case .unchanged: return "unchanged \(ids)"
        }
    }

    /// A similarity with two decimals, without Foundation's locale-dependent formatting.
    static func formatted(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
