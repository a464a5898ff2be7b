/// The segments of a build whose translation is out of date: their English changed since a
/// baseline revision while their translation did not. A value computed once, before the pages
/// are rendered, from a `RevisionDiff` between the baseline and the content being built.
public struct StaleTranslations: Hashable, Sendable {
    /// Per article (or include file) path: stale segment id → the English at the baseline.
    public var previousSource: [String: [String: String]]

    /// No stale segments (a build without a baseline).
    public static let none = StaleTranslations(previousSource: [:])

    /// Creates the value from its table.
    public init(previousSource: [String: [String: String]]) { self.previousSource = previousSource }

    /// The stale segments of a diff whose new side is the content being built, keyed by their
    /// current ids (ids are only meaningful in the revision they come from).
    public init(_ diff: RevisionDiff) {
        var table: [String: [String: String]] = [:]
        for change in diff.changes where change.isStale {
            guard let new = change.new else { continue }
            table[change.article, default: [:]][new.id] = change.old?.sourceText ?? ""
        }
        previousSource = table
    }

    /// The stale segments of one article: id → the English at the baseline.
    public func segments(in article: String) -> [String: String] { previousSource[article] ?? [:] }

    /// How many segments of an article are stale.
    public func count(in article: String) -> Int { previousSource[article]?.count ?? 0 }

    /// How many segments are stale in the whole content.
    public var total: Int { previousSource.values.reduce(0) { $0 + $1.count } }
}
