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
        /// The translated Markdown to write into the article.
        public var targetText: String

        /// Creates a unit.
        public init(key: String, sourceText: String, targetText: String) {
            self.key = key
            self.sourceText = sourceText
            self.targetText = targetText
        }
    }

    /// The path of the translation file, for diagnostics.
    public var filePath: String
    /// The article the file belongs to, relative to the content folder.
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

/// Reads a translation file of any export format back into an `ImportedDocument`.
public enum TranslationFileReader {
    /// Reads one file; the format comes from its extension (`.xlf`, `.xliff`, `.po`, `.tmx`, `.jsonl`).
    /// Returns `nil` and an error diagnostic when the file cannot be read.
    public static func read(_ file: SourceFile) -> (document: ImportedDocument?, diagnostics: [Diagnostic]) {
        let location = SourceLocation(path: file.path, line: 1)
        guard let format = ExportFormat(pathExtension: SitePath.pathExtension(file.path)) else {
            return (
                nil,
                [
                    .error(
                        "docgen.import.unknown-format", at: location, "'\(file.path)' is not a translation file",
                        fix: "import .xlf (XLIFF 2.0), .xliff (XLIFF 1.2), .po, .tmx or .jsonl files")
                ]
            )
        }
        let result: Result<(String, [ImportedDocument.Unit]), ReadError>
        switch format {
        case .xliff2, .xliff12, .tmx: result = XMLTranslationReader.read(file.text, format: format)
        case .po: result = POReader.read(file.text)
        case .jsonl: result = JSONLReader.read(file.text)
        }
        switch result {
        case .success(let (articlePath, units)):
            return (ImportedDocument(filePath: file.path, articlePath: articlePath, units: units), [])
        case .failure(let failure):
            return (
                nil,
                [
                    .error(
                        "docgen.import.unreadable", at: SourceLocation(path: file.path, line: failure.line),
                        "cannot read '\(file.path)': \(failure.message)")
                ]
            )
        }
    }

    /// Why a file could not be read, and where.
    struct ReadError: Error {
        var message: String
        var line = 1
    }
}

/// Reads the JSON Lines export.
enum JSONLReader {
    static func read(_ text: String) -> Result<(String, [ImportedDocument.Unit]), TranslationFileReader.ReadError> {
        var articlePath: String?
        var units: [ImportedDocument.Unit] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let article = object["article"] as? String, let key = object["key"] as? String,
                let source = object["source"] as? String, let target = object["target"] as? String
            else {
                return .failure(.init(message: "line is not a segment object", line: index + 1))
            }
            if let articlePath, articlePath != article {
                return .failure(.init(message: "segments of two articles in one file", line: index + 1))
            }
            articlePath = article
            units.append(.init(key: key, sourceText: source, targetText: target))
        }
        guard let articlePath else { return .failure(.init(message: "no segments")) }
        return .success((articlePath, units))
    }
}
