import DocGenCore
import Foundation

/// The segments of one translation file as read back: which article, and for each unit its key,
/// English source and (possibly edited) target, both as Markdown.
public struct ImportedDocument: Hashable, Sendable {
    /// One unit read back from a file.
    public struct Unit: Hashable, Sendable {
        /// The unit key (`TranslationUnit.key`).
        public var key: String
        /// The English Markdown the translation was made from.
        public var sourceText: String
        /// The translated Markdown to write into the article; empty when the unit is not translated
        /// (no target, an empty target, PO's `msgstr ""`).
        public var targetText: String
        /// The 1-based line where the unit starts in the translation file, for diagnostics.
        public var line: Int
        /// The segment id the file's context gives (a `#. segment` comment, a PO context kept by
        /// translate-toolkit), used when the key no longer names a segment.
        public var segmentID: String?

        /// Creates a unit.
        public init(key: String, sourceText: String, targetText: String, line: Int = 1, segmentID: String? = nil) {
            self.key = key
            self.sourceText = sourceText
            self.targetText = targetText
            self.line = line
            self.segmentID = segmentID
        }
    }

    /// The path of the translation file, for diagnostics.
    public var filePath: String
    /// The article the file belongs to, relative to the content folder; empty when the file does
    /// not say (files converted by other tools), and the importer goes by the file name.
    public var articlePath: String
    /// The units in file order.
    public var units: [Unit]

    /// Creates a document.
    public init(filePath: String, articlePath: String, units: [Unit]) {
        self.filePath = filePath
        self.articlePath = articlePath
        self.units = units
    }
}

/// What a reader found in one file, before it is matched with an article.
struct ReadDocument {
    /// The article the file names (`nil` when it names none: the importer goes by the file name).
    var articlePath: String?
    /// The units in file order.
    var units: [ImportedDocument.Unit]
}

/// Reads the JSON Lines export.
enum JSONLReader {
    static func read(_ text: String) -> Result<ReadDocument, TranslationFileReader.ReadError> {
        var articlePath: String?
        var units: [ImportedDocument.Unit] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let article = object["article"] as? String, let key = object["key"] as? String,
                let source = object["source"] as? String
            else {
                return .failure(.init(message: "line is not a segment object", line: index + 1))
            }
            if let articlePath, articlePath != article {
                return .failure(.init(message: "segments of two articles in one file", line: index + 1))
            }
            articlePath = article
            // A missing or null target is "not translated", like an empty one.
            let target = object["target"] as? String ?? ""
            units.append(.init(key: key, sourceText: source, targetText: target, line: index + 1))
        }
        return .success(ReadDocument(articlePath: articlePath, units: units))
    }
}
