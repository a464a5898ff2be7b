import DocGenContent
import DocGenCore

/// Writes edited translations back into bilingual Markdown: only the target halves whose text
/// changed are replaced; every other byte of the article stays as it was.
///
/// All or nothing: if any translation file does not fit its article (unknown article, unknown
/// segment, English text that no longer matches), no article is changed at all.
public enum SegmentImporter {
    /// What an import did.
    public struct Result: Sendable {
        /// The articles whose text changed, with their new text (only these need writing).
        public var changedFiles: [SourceFile]
        /// How many segments got a new translation.
        public var changedSegments: Int
        /// How many segments were read in all.
        public var importedSegments: Int
        /// Every problem found; when any is an error, `changedFiles` is empty.
        public var diagnostics: [Diagnostic]
    }

    /// Applies the documents to the articles (`articles` holds at least every article they name).
    public static func apply(_ documents: [ImportedDocument], to articles: [SourceFile]) -> Result {
        let byPath = Dictionary(articles.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        var grouped: [String: [ImportedDocument]] = [:]
        for document in documents { grouped[document.articlePath, default: []].append(document) }
        var changed: [SourceFile] = []
        var diagnostics: [Diagnostic] = []
        var changedSegments = 0
        for path in grouped.keys.sorted() {
            let group = grouped[path]!
            guard let file = byPath[path] else {
                diagnostics += group.map {
                    .error(
                        "docgen.import.unknown-article", at: SourceLocation(path: $0.filePath, line: 1),
                        "'\($0.filePath)' is for article '\(path)', which is not in the content folder")
                }
                continue
            }
            let outcome = apply(group, to: file)
            diagnostics += outcome.diagnostics
            if let text = outcome.text, text != file.text {
                changed.append(SourceFile(path: path, text: text))
                changedSegments += outcome.changes
            }
        }
        let failed = diagnostics.hasErrors
        return Result(
            changedFiles: failed ? [] : changed, changedSegments: failed ? 0 : changedSegments,
            importedSegments: documents.reduce(0) { $0 + $1.units.count }, diagnostics: diagnostics)
    }

    private static func apply(_ documents: [ImportedDocument], to file: SourceFile) -> (
        text: String?, changes: Int, diagnostics: [Diagnostic]
    ) {
        let article = ArticleParser.parse(file).article
        let segments = article.segments
        let keys = TranslationDocument.keys(for: segments)
        let segmentByKey = Dictionary(zip(keys, segments), uniquingKeysWith: { first, _ in first })
        var replacements: [Range<Int>: String] = [:]
        var diagnostics: [Diagnostic] = []
        for document in documents {
            let location = SourceLocation(path: document.filePath, line: 1)
            var refused: [Diagnostic] = []
            for unit in document.units {
                guard let segment = segmentByKey[unit.key] else {
                    refused.append(
                        .error(
                            "docgen.import.unknown-segment", at: location,
                            "segment '\(unit.key)' is not in '\(file.path)' any more",
                            fix: "export the article again and carry the translation over"))
                    continue
                }
                if segment.sourceText != unit.sourceText {
                    refused.append(
                        .error(
                            "docgen.import.source-mismatch", at: location,
                            "the English of segment '\(unit.key)' no longer matches \(segment.location)",
                            fix: "export the article again: its English text changed since this file was made"))
                } else if unit.targetText.contains("<span") || unit.targetText.contains("</span>") {
                    refused.append(
                        .error(
                            "docgen.import.unsafe-target", at: location,
                            "the translation of segment '\(unit.key)' contains a <span> tag, which would break the pairs"
                        ))
                } else if unit.targetText != segment.targetText {
                    replacements[segment.targetRange] = unit.targetText
                }
            }
            if !refused.isEmpty {
                diagnostics += refused
                diagnostics.append(
                    .error(
                        "docgen.import.refused", at: location,
                        "'\(document.filePath)' does not match '\(file.path)'; nothing was imported"))
            }
        }
        guard !diagnostics.hasErrors else { return (nil, 0, diagnostics) }
        var bytes = Array(file.text.utf8)
        for range in replacements.keys.sorted(by: { $0.lowerBound > $1.lowerBound }) {
            bytes.replaceSubrange(range, with: Array(replacements[range]!.utf8))
        }
        return (String(decoding: bytes, as: UTF8.self), replacements.count, diagnostics)
    }
}
