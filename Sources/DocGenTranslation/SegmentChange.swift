/// How one segment changed between two revisions of an article.
public struct SegmentChange: Hashable, Sendable {
    /// The kind of change.
    public enum Status: String, Hashable, Sendable, CaseIterable {
        /// Same English, same translation (white space aside).
        case unchanged
        /// The English text changed; `similarity` says how much is left.
        case sourceChanged = "source-changed"
        /// Only the translation changed.
        case targetChanged = "target-changed"
        /// Only the English markup changed (bold, links, code…): the words are the same.
        case markupOnly = "markup-only"
        /// A segment that is only in the new revision.
        case added
        /// A segment that is only in the old revision.
        case removed
    }

    /// The article path, relative to the content folder.
    public var article: String
    /// The kind of change.
    public var status: Status
    /// The segment in the old revision (`nil` when added).
    public var old: SegmentSnapshot?
    /// The segment in the new revision (`nil` when removed).
    public var new: SegmentSnapshot?
    /// Word similarity of the English texts, 0…1 (1 when the words are equal; 0 for added or removed).
    public var similarity: Double
    /// The English changed (words, link targets or emphasis) but the translation did not: the
    /// translation is out of date.
    public var isStale: Bool
    /// The segment is at another place in the article (its English found outside the common order).
    public var isMoved = false

    /// Creates a change.
    public init(
        article: String, status: Status, old: SegmentSnapshot?, new: SegmentSnapshot?, similarity: Double,
        isStale: Bool
    ) {
        self.article = article
        self.status = status
        self.old = old
        self.new = new
        self.similarity = similarity
        self.isStale = isStale
    }
}

/// What the diff needs of one segment: id, both texts and its line.
public struct SegmentSnapshot: Hashable, Sendable {
    /// The segment id in that revision (ids are not stable across revisions).
    public var id: String
    /// The English Markdown.
    public var sourceText: String
    /// The translated Markdown.
    public var targetText: String
    /// The 1-based line of the segment in its file.
    public var line: Int

    /// Creates a snapshot.
    public init(id: String, sourceText: String, targetText: String, line: Int) {
        self.id = id
        self.sourceText = sourceText
        self.targetText = targetText
        self.line = line
    }
}
