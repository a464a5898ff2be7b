import DocGenCore

/// Findings a reviewer has looked at and accepted, one segment at a time, so they stop being reported.
///
/// Kept as a text file (`.docgen-qa-accept` at the content root, one line per acceptance):
///
/// ```
/// partner-center/billing.md  0aaa1-104  number-mismatch  # "June 1" is "1er juin"
/// ```
///
/// The article path, the segment id and the check (with or without `docgen.qa.`), then an optional
/// comment. Segment ids change when an article is localised again, so an acceptance lapses with the
/// translation it was made for and the finding comes back to be looked at afresh.
public struct QAAcceptance: Hashable, Sendable {
    /// The file name at the content root.
    public static let fileName = ".docgen-qa-accept"

    /// One accepted finding.
    public struct Entry: Hashable, Sendable {
        /// The article path, relative to the content folder.
        public var article: String
        /// The segment id.
        public var segmentID: String
        /// The full identifier (`docgen.qa.number-mismatch`).
        public var identifier: String

        /// Creates an entry; `identifier` may omit the `docgen.qa.` prefix.
        public init(article: String, segmentID: String, identifier: String) {
            self.article = article
            self.segmentID = segmentID
            self.identifier = identifier.hasPrefix("docgen.qa.") ? identifier : "docgen.qa." + identifier
        }

        /// The entry as a line of the file.
        public var line: String {
            "\(article)  \(segmentID)  \(identifier.replacingOccurrences(of: "docgen.qa.", with: ""))"
        }
    }

    /// The accepted findings.
    public var entries: Set<Entry>

    /// Creates an acceptance list.
    public init(entries: Set<Entry> = []) { self.entries = entries }

    /// Reads the file's text; blank lines and lines starting with `#` are skipped.
    public init(text: String) {
        var entries = Set<Entry>()
        for line in text.split(whereSeparator: \.isNewline) {
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let fields = content.split(whereSeparator: \.isWhitespace)
            guard fields.count >= 3 else { continue }
            entries.insert(
                Entry(article: String(fields[0]), segmentID: String(fields[1]), identifier: String(fields[2])))
        }
        self.entries = entries
    }

    /// Whether the finding `identifier` on segment `segmentID` of `article` is accepted.
    public func accepts(article: String, segmentID: String, identifier: String) -> Bool {
        entries.contains(Entry(article: article, segmentID: segmentID, identifier: identifier))
    }
}
