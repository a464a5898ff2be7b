import DocGenContent
import DocGenCore
import DocGenTranslation
import Testing

/// Exports that CAT tools read as intended: ids by correspondence, translatable alt text and
/// titles, decoded text, context notes, states from the text, and edits protected.
@Suite struct ExportForToolsTests {
    private func pair(_ id: String, _ target: String, _ source: String) -> String {
        #"<span data-ttu-id="\#(id)">\#(target)</span><span class="sxs-lookup"><span data-stu-id="\#(id)">\#(source)</span></span>"#
    }

    private func article(_ body: String) -> SourceFile {
        SourceFile(path: "a.md", text: "---\nms.translationtype: HT\nms.contentlocale: fr-fr\n---\n" + body + "\n")
    }

    private func xliff2(_ body: String) -> String {
        String(decoding: SegmentExporter.export([article(body)], format: .xliff2).files[0].contents, as: UTF8.self)
    }

    @Test func sameCodeHasTheSameIDOnBothSides() {
        // The translation puts the link before the bold text: ids follow the code, not the order.
        let xlf = xliff2(pair("a-1", "Voir [la page](p.md) en **gras**", "See **bold** on [the page](p.md)"))
        #expect(xlf.contains(#"<source>See <pc id="1" dataRefStart="d1" dataRefEnd="d1""#))
        #expect(xlf.contains(#"<target>Voir <pc id="2" dataRefStart="d2" dataRefEnd="d3" type="link">la page</pc>"#))
    }

    @Test func altTextAndLinkTitlesAreTranslatableText() {
        let xlf = xliff2(
            pair(
                "a-1", "[![Menu des options.](m.png)](m.png#lightbox) et [ici](p.md \"Titre\")",
                "[![Options menu.](m.png)](m.png#lightbox) and [here](p.md \"Title\")"))
        #expect(xlf.contains(#"type="image">Options menu.</pc>"#))
        #expect(xlf.contains(#"type="image">Menu des options.</pc>"#))
        #expect(xlf.contains(#"</pc>Titre<ph id="#))
    }

    @Test func entitiesAndEscapesAreDecodedAndTheRoundTripIsExact() throws {
        let file = article(pair("a-1", "l&#39;utilisateur \\*important\\* &gt; 5", "the user&#39;s \\*key\\*"))
        let exported = SegmentExporter.export([file], format: .xliff2).files[0]
        let text = String(decoding: exported.contents, as: UTF8.self)
        #expect(text.contains("<target>l'utilisateur *important* &gt; 5</target>"))
        let unchanged = try #require(TranslationFileReader.read(path: "a.xlf", bytes: exported.contents).document)
        #expect(SegmentImporter.apply([unchanged], to: [file]).changedFiles.isEmpty)
        let edited = text.replacingOccurrences(of: "important*", with: "essentiel*")
        let document = try #require(TranslationFileReader.read(path: "a.xlf", bytes: Array(edited.utf8)).document)
        let result = SegmentImporter.apply([document], to: [file])
        #expect(result.diagnostics.isEmpty)
        #expect(try #require(result.changedFiles.first).text.contains(#">l'utilisateur \*essentiel\* > 5</span>"#))
    }

    @Test func poShowsPlainCharactersAndKeepsMarkupReferences() throws {
        let file = article(pair("a-1", "l&#39;utilisateur &lt;tenant&gt; `a&#39;b`", "the user&#39;s &lt;tenant&gt;"))
        let po = SegmentExporter.export([file], format: .po).files[0]
        let text = String(decoding: po.contents, as: UTF8.self)
        #expect(text.contains(#"msgstr "l'utilisateur &lt;tenant&gt; `a&#39;b`""#))
        let document = try #require(TranslationFileReader.read(path: "a.po", bytes: po.contents).document)
        #expect(SegmentImporter.apply([document], to: [file]).changedFiles.isEmpty)
    }

    @Test func contextNotesNameHeadingBlockAndNeighbours() {
        let xlf = xliff2(
            "# " + pair("a-1", "Facturation", "Billing") + "\n\n| " + pair("a-2", "Colonne", "Column") + " |\n|---|\n")
        #expect(xlf.contains(#"<note category="block">heading</note>"#))
        #expect(xlf.contains(#"<note category="heading">Billing</note>"#))
        #expect(xlf.contains(#"<note category="block">table cell</note>"#))
        #expect(xlf.contains(#"<note category="before">Billing</note>"#))
    }

    @Test func emptyTargetsAreInitialAndStaleOnesCarryThePreviousEnglish() throws {
        let old = article(
            pair("a-1", "Oui", "Yes") + "\n\n" + pair("a-2", "Non", "Open the invoice") + "\n\n"
                + pair("a-3", "", "Maybe"))
        let new = article(
            pair("b-1", "Oui", "Yes") + "\n\n" + pair("b-2", "Non", "Open the last invoice") + "\n\n"
                + pair("b-3", "", "Maybe"))
        let all = xliff2(pair("b-3", "", "Maybe"))
        #expect(all.contains(#"<segment state="initial">"#))
        #expect(!xliff2(pair("b-1", "Oui", "Yes")).contains("initial"))
        let diff = RevisionDiff.compare(old: [old], new: [new])
        let po = try #require(SegmentExporter.export([new], format: .po, since: diff).files.first)
        let text = String(decoding: po.contents, as: UTF8.self)
        #expect(
            text.contains(
                "#, fuzzy\n#| msgctxt \"b-2\"\n#| msgid \"Open the invoice\"\nmsgctxt \"b-2\"\nmsgid \"Open the last invoice\""
            ))
        #expect(!text.contains("msgid \"Yes\""))
        let xlf = try #require(SegmentExporter.export([new], format: .xliff2, since: diff).files.first)
        #expect(String(decoding: xlf.contents, as: UTF8.self).contains("<source>Open the invoice</source>"))
        #expect(
            SegmentExporter.export([new], format: .po, since: RevisionDiff.compare(old: [new], new: [new])).files
                .isEmpty)
    }

    @Test func manifestTellsEditedFilesFromExportedOnes() {
        let bytes = Array("exported".utf8)
        let manifest = ExportManifest(text: ExportManifest(hashes: ["a.xlf": ExportManifest.hash(bytes)]).text)
        #expect(manifest.mayReplace("a.xlf", existing: bytes))
        #expect(!manifest.mayReplace("a.xlf", existing: Array("edited".utf8)))
        #expect(!manifest.mayReplace("b.xlf", existing: bytes))
    }

    /// Golden `--since` exports: the English of two segments changed (one translation followed,
    /// one did not) and one segment is new since the old revision.
    @Test(arguments: [ExportFormat.xliff2, .xliff12, .po])
    func sinceExportMatchesGolden(_ format: ExportFormat) throws {
        let new = try Fixtures.articles("everything")
        var old = new
        old[0].text = old[0].text
            .replacingOccurrences(of: "\">Column</span>", with: "\">Columns</span>")
            .replacingOccurrences(of: "Run `Get-Invoice -Id 42` & check", with: "Run `Get-Invoice` & check")
            .replacingOccurrences(of: "Exécutez `Get-Invoice -Id 42`", with: "Exécutez `Get-Invoice`")
            .replacingOccurrences(
                of:
                    #"- <span data-ttu-id="0aaa1-105">Oui</span><span class="sxs-lookup"><span data-stu-id="0aaa1-105">Yes</span></span>"#,
                with: "")
        let diff = RevisionDiff.compare(old: old, new: new)
        let files = SegmentExporter.export(new, format: format, since: diff).files
        let file = try #require(files.first)
        try Fixtures.expectGolden(String(decoding: file.contents, as: UTF8.self), "since/" + file.path)
    }
}
