import DocGenContent
import DocGenCore
import DocGenTranslation
import Testing

@Suite struct ExportTests {
    @Test(arguments: ExportFormat.allCases)
    func everythingFixtureMatchesGolden(_ format: ExportFormat) throws {
        let (files, diagnostics) = SegmentExporter.export(try Fixtures.articles("everything"), format: format)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty)
        // The target-only article has no segments, so it gets no file.
        #expect(files.map(\.path) == ["billing.\(format.fileExtension)"])
        try Fixtures.expectGolden(String(decoding: files[0].contents, as: UTF8.self), files[0].path)
    }

    @Test func stateFollowsTranslationTypeAndRepeatsStayDistinct() throws {
        let article = ArticleParser.parse(try Fixtures.articles("everything")[0]).article
        let document = TranslationDocument(article: article)
        #expect(document.units.allSatisfy { $0.state == .needsReview })
        let yes = document.units.filter { $0.sourceText == "Yes" }
        #expect(yes.map(\.key) == ["0aaa1-104", "0aaa1-105"])
        let po = ExportFormat.po.write(document)
        #expect(po.components(separatedBy: "#, fuzzy").count - 1 == document.units.count)
        #expect(po.contains("msgctxt \"0aaa1-105\"\nmsgid \"Yes\""))
    }

    @Test func theSourceLanguageIsTheConfiguredOne() throws {
        let files = try Fixtures.articles("everything")
        let default_ = String(decoding: SegmentExporter.export(files, format: .xliff2).files[0].contents, as: UTF8.self)
        #expect(default_.contains("srcLang=\"en-US\""))
        let german = String(
            decoding: SegmentExporter.export(files, format: .xliff2, sourceLanguage: "de-DE").files[0].contents,
            as: UTF8.self)
        #expect(german.contains("srcLang=\"de-DE\""))
        let tmx = String(
            decoding: SegmentExporter.export(files, format: .tmx, sourceLanguage: "de-DE").files[0].contents,
            as: UTF8.self)
        #expect(tmx.contains("srclang=\"de-DE\""))
    }

    @Test func duplicateIDsGetDistinctKeys() {
        let text = """
            <span data-ttu-id="x-1">Oui</span><span class="sxs-lookup"><span data-stu-id="x-1">Yes</span></span>
            <span data-ttu-id="x-1">Non</span><span class="sxs-lookup"><span data-stu-id="x-1">No</span></span>
            """
        let article = ArticleParser.parse(SourceFile(path: "d.md", text: text)).article
        #expect(TranslationDocument.keys(for: article.segments) == ["x-1", "x-1_2"])
    }
}
