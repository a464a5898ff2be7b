import DocGenContent
import DocGenCore

/// A file format translators' tools read: one file per article, mirroring the content tree.
public enum ExportFormat: String, CaseIterable, Sendable {
    /// OASIS XLIFF 2.0 core, with `<pc>`/`<ph>` codes and their original data.
    case xliff2
    /// OASIS XLIFF 1.2 (strict), with `<bpt>`/`<ept>`/`<ph>` codes holding the Markdown.
    case xliff12
    /// GNU gettext PO, one entry per segment with the segment id as `msgctxt`.
    case po
    /// LISA TMX 1.4, one translation unit per segment with `<bpt>`/`<ept>`/`<ph>` codes.
    case tmx
    /// JSON Lines: one object per segment.
    case jsonl

    /// The file name extension of the format.
    public var fileExtension: String {
        switch self {
        case .xliff2: "xlf"
        case .xliff12: "xliff"
        case .po: "po"
        case .tmx: "tmx"
        case .jsonl: "jsonl"
        }
    }

    /// The format a file name's extension stands for, if any (`.xlf` is XLIFF 2.0, `.xliff` 1.2).
    public init?(pathExtension: String) {
        guard let format = Self.allCases.first(where: { $0.fileExtension == pathExtension.lowercased() }) else {
            return nil
        }
        self = format
    }

    /// The text of one article's document in this format.
    public func write(_ document: TranslationDocument) -> String {
        switch self {
        case .xliff2: XLIFF2Writer.write(document)
        case .xliff12: XLIFF12Writer.write(document)
        case .po: POWriter.write(document)
        case .tmx: TMXWriter.write(document)
        case .jsonl: JSONLWriter.write(document)
        }
    }
}

/// Exports the segments of articles for translation tools. Pure: Markdown files in, files out.
public enum SegmentExporter {
    /// One output file per article that has segments, at the article's path with the format's
    /// extension (`billing/invoice.md` → `billing/invoice.xlf`), sorted by path. Articles
    /// without segments produce no file; parse problems come back as diagnostics.
    ///
    /// With `since` (the diff from a past revision to these files), only the segments whose English
    /// was added or changed since are exported, and those whose translation did not follow are
    /// `stale`, with the previous English beside them; articles with nothing to do get no file.
    /// `sourceLanguage` is the tag written as the files' source language (docgen.yml `sourceLanguage`).
    public static func export(
        _ files: [SourceFile], format: ExportFormat, since: RevisionDiff? = nil, sourceLanguage: String = "en-US"
    ) -> (
        files: [OutputFile], diagnostics: [Diagnostic]
    ) {
        var outputs: [OutputFile] = []
        var diagnostics: [Diagnostic] = []
        let changes = since.map { Dictionary(grouping: $0.changes, by: \.article) }
        for file in files.sorted(by: { $0.path < $1.path }) where SitePath.pathExtension(file.path) == "md" {
            let (article, parseDiagnostics) = ArticleParser.parse(file)
            diagnostics += parseDiagnostics
            guard !article.segments.isEmpty else { continue }
            var document: TranslationDocument
            if let changes {
                let work = changedSegments(article, changes[file.path] ?? [])
                guard !work.isEmpty else { continue }
                document = TranslationDocument(
                    article: article, previousSources: work.compactMapValues { $0 }, sourceLanguage: sourceLanguage)
                let keys = TranslationDocument.keys(for: article.segments)
                let keep = Set(work.keys.map { keys[$0] })
                document.units.removeAll { !keep.contains($0.key) }
            } else {
                document = TranslationDocument(article: article, sourceLanguage: sourceLanguage)
            }
            outputs.append(OutputFile(path: outputPath(for: file.path, format: format), text: format.write(document)))
        }
        return (outputs, diagnostics)
    }

    /// The segments of an article that need a translator since the diff's old revision: added
    /// (no previous English) or changed in the English (the previous English when the translation
    /// stayed the same, so it is stale), by segment index.
    static func changedSegments(_ article: Article, _ changes: [SegmentChange]) -> [Int: String?] {
        var result: [Int: String?] = [:]
        let segments = article.segments
        for change in changes {
            guard let new = change.new,
                change.status == .added || change.status == .sourceChanged
                    || change.status == .markupOnly
            else { continue }
            guard let index = segments.firstIndex(where: { $0.id == new.id && $0.location.line == new.line })
            else { continue }
            result[index] = change.isStale ? change.old?.sourceText : .some(nil)
        }
        return result
    }

    /// Where an article's export goes, relative to the output folder.
    public static func outputPath(for articlePath: String, format: ExportFormat) -> String {
        SitePath.replacingExtension(of: articlePath, with: format.fileExtension)
    }
}
