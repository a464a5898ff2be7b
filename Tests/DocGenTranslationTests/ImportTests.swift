import DocGenCore
import DocGenTranslation
import Testing

@Suite struct ImportTests {
    private func exported(_ format: ExportFormat) throws -> (articles: [SourceFile], file: SourceFile) {
        let articles = try Fixtures.articles("everything")
        let output = SegmentExporter.export(articles, format: format).files[0]
        return (articles, SourceFile(path: output.path, text: String(decoding: output.contents, as: UTF8.self)))
    }

    @Test(arguments: ExportFormat.allCases)
    func unchangedExportImportsAsNoChange(_ format: ExportFormat) throws {
        let (articles, file) = try exported(format)
        let (document, diagnostics) = TranslationFileReader.read(file)
        #expect(diagnostics.isEmpty)
        let result = SegmentImporter.apply([try #require(document)], to: articles)
        #expect(result.diagnostics.isEmpty)
        #expect(result.importedSegments == 8)
        #expect(result.changedFiles.isEmpty)
    }

    @Test(arguments: ExportFormat.allCases)
    func editedTargetChangesOnlyThatTarget(_ format: ExportFormat) throws {
        let (articles, file0) = try exported(format)
        var file = file0
        let old = "Colonne"
        let new = "Colonne « modifiée » & <3"
        let escaped =
            format == .xliff2 || format == .xliff12 || format == .tmx
            ? "Colonne « modifiée » &amp; &lt;3" : new
        #expect(file.text.contains(old))
        file.text = file.text.replacingOccurrences(of: ">\(old)<", with: ">\(escaped)<")
            .replacingOccurrences(of: "msgstr \"\(old)\"", with: "msgstr \"\(escaped)\"")
            .replacingOccurrences(of: "\"target\":\"\(old)\"", with: "\"target\":\"\(escaped)\"")
        let result = SegmentImporter.apply([try #require(TranslationFileReader.read(file).document)], to: articles)
        #expect(result.diagnostics.isEmpty)
        #expect(result.changedSegments == 1)
        let changed = try #require(result.changedFiles.first)
        let original = articles.first { $0.path == "billing.md" }!.text
        // XLIFF and TMX hold decoded text: what the translator typed is encoded so it stays text.
        let written = escaped == new ? new : "Colonne « modifiée » & \\<3"
        #expect(changed.text == original.replacingOccurrences(of: ">\(old)</span>", with: ">\(written)</span>"))
    }

    @Test(arguments: [
        "Colonne <img src=x onerror=window.__fired>", "[Colonne](javascript:window.__fired=1)",
        "[Colonne](&#106;avascript:x)", "Colonne <details open ontoggle=x>",
    ])
    func targetWithMarkupTheEnglishLacksIsRefused(_ target: String) throws {
        let (articles, exportedFile) = try exported(.jsonl)
        var file = exportedFile
        file.text = file.text.replacingOccurrences(of: "\"target\":\"Colonne\"", with: "\"target\":\"\(target)\"")
        #expect(file.text != exportedFile.text)
        let result = SegmentImporter.apply([try #require(TranslationFileReader.read(file).document)], to: articles)
        #expect(result.diagnostics.map(\.identifier).contains("docgen.import.unsafe-target"), "\(result.diagnostics)")
        #expect(result.changedFiles.isEmpty)
    }

    @Test func changedEnglishIsRefusedAndNothingIsWritten() throws {
        var (articles, file) = try exported(.jsonl)
        file.text = file.text.replacingOccurrences(of: "\"target\":\"Colonne\"", with: "\"target\":\"Col\"")
        articles[0].text = articles[0].text.replacingOccurrences(of: ">Column<", with: ">Columns<")
        let result = SegmentImporter.apply([try #require(TranslationFileReader.read(file).document)], to: articles)
        #expect(result.diagnostics.map(\.identifier).contains("docgen.import.source-mismatch"))
        #expect(result.diagnostics.map(\.identifier).contains("docgen.import.refused"))
        #expect(result.changedFiles.isEmpty)
    }

    @Test func unknownArticleAndUnreadableFilesAreDiagnosed() {
        let unknown = ImportedDocument(filePath: "x.jsonl", articlePath: "missing.md", units: [])
        #expect(
            SegmentImporter.apply([unknown], to: []).diagnostics.map(\.identifier) == ["docgen.import.unknown-article"])
        let broken = TranslationFileReader.read(SourceFile(path: "b.xlf", text: "<xliff><file"))
        #expect(broken.document == nil)
        #expect(broken.diagnostics.map(\.identifier) == ["docgen.import.unreadable"])
        #expect(
            TranslationFileReader.read(SourceFile(path: "b.txt", text: "")).diagnostics.map(\.identifier) == [
                "docgen.import.unknown-format"
            ])
    }
}
