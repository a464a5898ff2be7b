import DocGenContent
import DocGenCore

/// Writes edited translations back into bilingual Markdown: only the target halves whose text
/// changed are replaced; every other byte of the article stays as it was.
///
/// Units are matched to segments by key, then by the segment id the file's context keeps, then
/// by their English (in order), so files converted by translate-toolkit (`po2xliff`, `xliff2po`,
/// `pot2po`) come back. A unit without a translation keeps the French. All or nothing: if any unit
/// does not fit its article, or two files give one segment different translations, no article is
/// changed at all, unless `skipMismatched` asks to import what fits and report the rest.
public enum SegmentImporter {
    /// What an import may do beyond the safe default.
    public struct Options: Sendable {
        /// An empty or missing target clears the French instead of keeping it.
        public var allowEmpty = false
        /// Units whose English no longer matches (or whose segment is gone) are reported as
        /// warnings and left out; the rest is imported.
        public var skipMismatched = false

        /// Creates options.
        public init(allowEmpty: Bool = false, skipMismatched: Bool = false) {
            self.allowEmpty = allowEmpty
            self.skipMismatched = skipMismatched
        }
    }

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
        /// Units without a translation, whose French was kept.
        public var untranslatedSegments = 0
        /// Units left out because they did not match (with `skipMismatched`).
        public var skippedSegments = 0
    }

    /// Applies the documents to the articles (`articles` holds at least every article they name).
    public static func apply(
        _ documents: [ImportedDocument], to articles: [SourceFile], options: Options = Options()
    ) -> Result {
        let byPath = Dictionary(articles.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        var grouped: [String: [ImportedDocument]] = [:]
        var diagnostics: [Diagnostic] = []
        for document in documents {
            guard let path = articlePath(of: document, in: byPath) else {
                let named =
                    document.articlePath.isEmpty ? "names no article" : "is for article '\(document.articlePath)'"
                diagnostics.append(
                    .error(
                        "docgen.import.unknown-article", at: SourceLocation(path: document.filePath, line: 1),
                        "'\(document.filePath)' \(named), which is not in the content folder",
                        fix: "name the file like its article (billing/invoice.md → billing/invoice.xlf)"))
                continue
            }
            grouped[path, default: []].append(document)
        }
        var changed: [SourceFile] = []
        var result = Result(
            changedFiles: [], changedSegments: 0, importedSegments: documents.reduce(0) { $0 + $1.units.count },
            diagnostics: [])
        for path in grouped.keys.sorted() {
            var outcome = ArticleImport(file: byPath[path]!, options: options)
            for document in grouped[path]! { outcome.add(document) }
            diagnostics += outcome.diagnostics
            result.untranslatedSegments += outcome.untranslated
            result.skippedSegments += outcome.skipped
            if let text = outcome.text(), text != outcome.file.text {
                changed.append(SourceFile(path: path, text: text))
                result.changedSegments += outcome.changes
            }
        }
        let failed = diagnostics.hasErrors
        result.changedFiles = failed ? [] : changed
        if failed { result.changedSegments = 0 }
        result.diagnostics = diagnostics
        return result
    }

    /// The article a document belongs to: the one it names, else the one its file is named after.
    static func articlePath(of document: ImportedDocument, in articles: [String: SourceFile]) -> String? {
        if articles[document.articlePath] != nil { return document.articlePath }
        let stem = SitePath.replacingExtension(of: document.filePath, with: "md")
        let candidates = articles.keys.filter { stem == $0 || stem.hasSuffix("/" + $0) }
        return candidates.max { $0.count < $1.count }
    }
}

/// The import into one article: every unit matched with a segment, checked, then applied.
struct ArticleImport {
    let file: SourceFile
    let options: SegmentImporter.Options
    private let segments: [Segment]
    private let fileBytes: [UInt8]
    private let keys: [String: Int]
    /// Each segment's English, decoded and normalised: what units are matched by.
    private let decodedSources: [String]
    private var tables:
        [Int: (source: [CodeCorrespondence.CodeReference: String], target: [CodeCorrespondence.CodeReference: String])] =
            [:]
    private var replacements: [Int: (text: String, file: String, line: Int)] = [:]
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var untranslated = 0
    private(set) var skipped = 0

    init(file: SourceFile, options: SegmentImporter.Options) {
        self.file = file
        self.options = options
        fileBytes = Array(file.text.utf8)
        segments = ArticleParser.parse(file).article.segments
        decodedSources = segments.map { SegmentMatcher.normalize(MarkdownText.decoded($0.sourceText)) }
        keys = Dictionary(
            zip(TranslationDocument.keys(for: segments), segments.indices), uniquingKeysWith: { first, _ in first })
    }

    var changes: Int { replacements.filter { segments[$0.key].targetText != $0.value.text }.count }

    mutating func add(_ document: ImportedDocument) {
        var refused: [Diagnostic] = []
        var used = Set<Int>()
        var cursor = 0
        for unit in document.units {
            let at = SourceLocation(path: document.filePath, line: unit.line)
            guard let (index, source, target) = match(unit, used: used, after: cursor) else {
                let known = keys[unit.key].map { segments[$0] }
                let diagnostic: Diagnostic =
                    known.map {
                        .error(
                            "docgen.import.source-mismatch", at: at,
                            "the English of unit '\(unit.key)' no longer matches \($0.location)",
                            fix: "export the article again: its English text changed since this file was made")
                    }
                    ?? .error(
                        "docgen.import.unknown-segment", at: at,
                        "unit '\(unit.key)' matches no segment of '\(file.path)' (by id or by English)",
                        fix: "export the article again and carry the translation over")
                if options.skipMismatched {
                    var warning = diagnostic
                    warning.severity = .warning
                    diagnostics.append(warning)
                    skipped += 1
                } else {
                    refused.append(diagnostic)
                }
                continue
            }
            used.insert(index)
            cursor = index + 1
            _ = source
            let segment = segments[index]
            guard !target.unresolved else {
                refused.append(
                    .error(
                        "docgen.import.unknown-code", at: at,
                        "the translation of unit '\(unit.key)' has inline codes the English does not have",
                        fix: "copy the tags from the source"))
                continue
            }
            if target.text.isEmpty && !options.allowEmpty {
                untranslated += 1
                continue
            }
            let inTable = TargetSafety.isInTableRow(fileBytes, at: segment.targetRange.lowerBound)
            if let problem = TargetSafety.problem(target.text, replacing: segment, inTableRow: inTable) {
                refused.append(
                    .error(
                        "docgen.import.unsafe-target", at: at,
                        "the translation of unit '\(unit.key)' cannot go into \(segment.location): \(problem)"))
                continue
            }
            // A unit that keeps the article's translation claims nothing; two files that change one
            // segment differently are a conflict nobody should settle silently.
            if target.text == segment.targetText { continue }
            if let earlier = replacements[index], earlier.text != target.text {
                refused.append(
                    .error(
                        "docgen.import.conflict", at: at,
                        "unit '\(unit.key)' translates \(segment.location) differently from "
                            + "\(earlier.file):\(earlier.line)",
                        fix: "import one of the two files, or make their translations agree"))
                continue
            }
            replacements[index] = (target.text, document.filePath, unit.line)
        }
        if !refused.isEmpty {
            diagnostics += refused
            diagnostics.append(
                .error(
                    "docgen.import.refused", at: SourceLocation(path: document.filePath, line: 1),
                    "'\(document.filePath)' does not fit '\(file.path)'; nothing was imported",
                    fix: "fix the units above, or import with --skip-mismatched to leave them out"))
        }
    }

    /// The segment of a unit with its resolved English and translation: by key, by the segment id of
    /// its context, then, when the key is not one of the article's, by English (the first unused
    /// segment with it, after the previous match).
    private mutating func match(_ unit: ImportedDocument.Unit, used: Set<Int>, after cursor: Int) -> (
        Int, String, (text: String, unresolved: Bool)
    )? {
        var candidates: [Int] = []
        if let index = keys[unit.key] { candidates.append(index) }
        if let id = unit.segmentID {
            let same = segments.indices.filter { segments[$0].id == id }
            if same.count == 1 { candidates.append(same[0]) }
        }
        for index in candidates where !used.contains(index) {
            if let found = resolved(unit, at: index) { return (index, found.0, found.1) }
        }
        // A key that names a segment whose English changed is a mismatch, not a unit to move
        // elsewhere; the English decides only for keys the article does not have (other tools' ids).
        if keys[unit.key] != nil { return nil }
        let order =
            Array(segments.indices[min(cursor, segments.count)...])
            + Array(segments.indices[..<min(cursor, segments.count)])
        let placeholders = CodePlaceholder.hasPlaceholder(unit.sourceText)
        let wanted = placeholders ? "" : SegmentMatcher.normalize(MarkdownText.decoded(unit.sourceText))
        for index in order where !used.contains(index) {
            if !placeholders, decodedSources[index] != wanted { continue }
            if let found = resolved(unit, at: index) { return (index, found.0, found.1) }
        }
        return nil
    }

    /// The unit's English and translation with codes resolved against segment `index`, when the
    /// English is that segment's.
    private mutating func resolved(_ unit: ImportedDocument.Unit, at index: Int) -> (
        String, (text: String, unresolved: Bool)
    )? {
        let segment = segments[index]
        let needsTable =
            CodePlaceholder.hasPlaceholder(unit.sourceText) || CodePlaceholder.hasPlaceholder(unit.targetText)
        var table:
            (source: [CodeCorrespondence.CodeReference: String], target: [CodeCorrespondence.CodeReference: String]) = (
                [:], [:]
            )
        if needsTable {
            if let cached = tables[index] {
                table = cached
            } else {
                let numbered = CodeCorrespondence.number(
                    source: InlineMarkupParser.parse(segment.sourceText),
                    target: InlineMarkupParser.parse(segment.targetText))
                table = (
                    CodeCorrespondence.table([numbered.source, numbered.target]),
                    CodeCorrespondence.table([numbered.target, numbered.source])
                )
                tables[index] = table
            }
        }
        let source = CodePlaceholder.resolve(unit.sourceText, with: table.source)
        guard source.unresolved.isEmpty,
            source.text == segment.sourceText || Self.sameText(source.text, segment.sourceText)
        else { return nil }
        var target = CodePlaceholder.resolve(unit.targetText, with: table.target)
        if target.text != segment.targetText, target.unresolved.isEmpty, !target.text.isEmpty {
            if Self.sameText(target.text, segment.targetText) {
                // The same text with other escapes, references or white space (a tool that trimmed
                // the ends or folded a line break): the article's bytes stay.
                target.text = segment.targetText
            } else {
                target.text = Self.keepingEdgeSpace(of: segment.targetText, around: target.text)
            }
        }
        return (source.text, (target.text, !target.unresolved.isEmpty))
    }

    /// Whether two halves say the same once references, escapes and white space runs are folded.
    static func sameText(_ a: String, _ b: String) -> Bool {
        SegmentMatcher.normalize(MarkdownText.decoded(a)) == SegmentMatcher.normalize(MarkdownText.decoded(b))
    }

    /// A new translation with the white space the old one had at its ends, which CAT tools trim
    /// when they segment: it separates the segment from the Markdown around it.
    static func keepingEdgeSpace(of old: String, around new: String) -> String {
        let leading = old.prefix { $0 == " " || $0 == "\t" }
        let trailing = String(old.reversed().prefix { $0 == " " || $0 == "\t" }.reversed())
        var result = new
        if !leading.isEmpty, !(new.first.map { $0 == " " || $0 == "\t" } ?? false) { result = leading + result }
        if !trailing.isEmpty, !(new.last.map { $0 == " " || $0 == "\t" } ?? false) { result += trailing }
        return result
    }

    /// The article with every accepted replacement, or `nil` when this article has errors.
    func text() -> String? {
        guard !diagnostics.hasErrors else { return nil }
        var bytes = Array(file.text.utf8)
        for (index, replacement) in replacements.sorted(by: { $0.key > $1.key })
        where segments[index].targetText != replacement.text {
            bytes.replaceSubrange(segments[index].targetRange, with: Array(replacement.text.utf8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
