import DocGenCore
import DocGenTranslation
import Foundation
import Testing

/// Files as CAT tools and translate-toolkit save them (not as docgen wrote them) come back with
/// every edit, or are refused with the unit's line; none loses text with success.
@Suite struct ImportToolFileTests {
    private let article = """
        ---
        ms.contentlocale: fr-fr
        ---
        # <span data-ttu-id="a-1">Facturation</span><span class="sxs-lookup"><span data-stu-id="a-1">Billing</span></span>

        <span data-ttu-id="a-2">Sélectionnez **Facturation**, puis [ouvrez](fr.md).</span><span class="sxs-lookup"><span data-stu-id="a-2">Select **Billing**, then [open](en.md).</span></span> <span data-ttu-id="a-3">Oui</span><span class="sxs-lookup"><span data-stu-id="a-3">Yes</span></span>

        """

    private func importing(
        _ files: [(String, String)], options: SegmentImporter.Options = .init()
    ) -> (text: String?, diagnostics: [Diagnostic], result: SegmentImporter.Result?) {
        var documents: [ImportedDocument] = []
        var diagnostics: [Diagnostic] = []
        for (path, text) in files {
            let (document, found) = TranslationFileReader.read(path: path, bytes: Array(text.utf8))
            diagnostics += found
            if let document { documents.append(document) }
        }
        guard !documents.isEmpty else { return (nil, diagnostics, nil) }
        let result = SegmentImporter.apply(
            documents, to: [SourceFile(path: "billing.md", text: article)], options: options)
        return (result.changedFiles.first?.text, diagnostics + result.diagnostics, result)
    }

    private func xliff12(_ units: String, root: String = "xliff", version: String = "1.2") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <\(root) xmlns="urn:oasis:names:tc:xliff:document:\(version)" version="\(version)">
          <file original="billing.md" source-language="en-US" target-language="fr-FR" datatype="plaintext">
            <body>
        \(units)
            </body>
          </file>
        </\(root)>
        """
    }

    @Test func xliff12NamedXlfIsReadAs12AndCDATAKeepsItsText() throws {
        let file = xliff12(
            """
            <trans-unit id="a-1"><source>Billing</source><target><![CDATA[Facturation & 1 < 2]]></target></trans-unit>
            """)
        let (text, diagnostics, _) = importing([("billing.xlf", file)])
        #expect(diagnostics.isEmpty)
        #expect(try #require(text).contains(#"<span data-ttu-id="a-1">Facturation & 1 < 2</span>"#))
    }

    @Test func gAndXWithoutMarkdownAreResolvedByIDAndCharacterReferencesRead() throws {
        // A tool turned docgen's <bpt>/<ept> into <g>: the Markdown comes back from the article.
        let file = xliff12(
            """
            <trans-unit id="a-2">
              <source>Select <g id="1">Billing</g>, then <g id="2">open</g>.</source>
              <target>Choisissez <g id="2">ouvrir</g> puis <g id="1">Factur&#x61;tion</g>.</target>
            </trans-unit>
            """)
        let (text, diagnostics, _) = importing([("billing.xliff", file)])
        #expect(diagnostics.isEmpty)
        #expect(try #require(text).contains(#">Choisissez [ouvrir](fr.md) puis **Facturation**.</span>"#))
    }

    @Test func xliff2WithPrefixesSegmentsIgnorablesAndScEcWithoutData() throws {
        let file = """
            <?xml version="1.0"?>
            <x:xliff xmlns:x="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en-US" trgLang="fr-FR">
              <x:file id="f" original="billing.md">
                <x:unit id="a-2">
                  <x:segment><x:source>Select <x:sc id="1"/>Billing<x:ec startRef="1"/>,</x:source>
                    <x:target>Choisissez <x:sc id="1"/>Facturation<x:ec startRef="1"/>,</x:target></x:segment>
                  <x:ignorable><x:source> </x:source></x:ignorable>
                  <x:segment><x:source>then <x:pc id="2">open</x:pc>.</x:source>
                    <x:target>puis <x:pc id="2">ouvrez</x:pc>.</x:target></x:segment>
                </x:unit>
              </x:file>
            </x:xliff>
            """
        let (text, diagnostics, _) = importing([("anything.txt", file)])
        #expect(diagnostics.isEmpty)
        #expect(try #require(text).contains(#">Choisissez **Facturation**, puis [ouvrez](fr.md).</span>"#))
    }

    @Test func utf16WithBOMReads() throws {
        let file = xliff12(#"<trans-unit id="a-3"><source>Yes</source><target>Oui !</target></trans-unit>"#)
            .replacingOccurrences(of: "UTF-8", with: "UTF-16")
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in file.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let (document, diagnostics) = TranslationFileReader.read(path: "b.xlf", bytes: bytes)
        #expect(diagnostics.isEmpty)
        #expect(document?.units.first?.targetText == "Oui !")
    }

    @Test func missingOrEmptyTargetKeepsTheFrenchUnlessAllowEmpty() throws {
        let file = xliff12(
            """
            <trans-unit id="a-1"><source>Billing</source></trans-unit>
            <trans-unit id="a-3"><source>Yes</source><target/></trans-unit>
            """)
        let kept = importing([("billing.xliff", file)])
        #expect(kept.diagnostics.isEmpty)
        #expect(kept.text == nil)
        #expect(kept.result?.untranslatedSegments == 2)
        let po = "msgctxt \"a-3\"\nmsgid \"Yes\"\nmsgstr \"\"\n"
        #expect(importing([("billing.po", po)]).result?.untranslatedSegments == 1)
        let cleared = importing([("billing.xliff", file)], options: .init(allowEmpty: true))
        #expect(try #require(cleared.text).contains(#"<span data-ttu-id="a-3"></span>"#))
    }

    @Test func blockBreakingTargetIsRefusedAtTheUnitLine() {
        let file = xliff12(
            """
            <trans-unit id="a-3"><source>Yes</source><target>Oui</target></trans-unit>
            <trans-unit id="a-1">
              <source>Billing</source><target>Factu
            ration</target></trans-unit>
            """)
        let (text, diagnostics, _) = importing([("billing.xliff", file)])
        #expect(text == nil)
        let unsafe = diagnostics.first { $0.identifier == "docgen.import.unsafe-target" }
        #expect(unsafe?.location?.line == 6)
        #expect(diagnostics.map(\.identifier).contains("docgen.import.refused"))
    }

    @Test func doctypeWithEntitiesIsRefused() {
        let file = """
            <?xml version="1.0"?>
            <!DOCTYPE xliff [ <!ENTITY co "Contoso"> ]>
            <xliff version="1.2"><file original="billing.md"><body>
            <trans-unit id="a-3"><source>Yes</source><target>Oui &co;</target></trans-unit>
            </body></file></xliff>
            """
        let (text, diagnostics, _) = importing([("billing.xliff", file)])
        #expect(text == nil)
        #expect(diagnostics.map(\.identifier) == ["docgen.import.doctype"])
        #expect(diagnostics.first?.location?.line == 2)
    }

    @Test func conflictingTargetsAcrossFilesAreAnError() {
        let one = xliff12(#"<trans-unit id="a-3"><source>Yes</source><target>Oui !</target></trans-unit>"#)
        let two = "msgctxt \"a-3\"\nmsgid \"Yes\"\nmsgstr \"Si\"\n"
        let (text, diagnostics, _) = importing([("billing.xliff", one), ("billing.po", two)])
        #expect(text == nil)
        #expect(diagnostics.contains { $0.identifier == "docgen.import.conflict" && $0.location?.path == "billing.po" })
    }

    @Test func skipMismatchedImportsWhatFits() throws {
        let file = xliff12(
            """
            <trans-unit id="a-3"><source>Yes</source><target>Oui !</target></trans-unit>
            <trans-unit id="a-1"><source>Bills</source><target>Factures</target></trans-unit>
            """)
        #expect(importing([("billing.xliff", file)]).text == nil)
        let (text, diagnostics, result) = importing([("billing.xliff", file)], options: .init(skipMismatched: true))
        #expect(try #require(text).contains(">Oui !</span>"))
        #expect(diagnostics.map(\.identifier) == ["docgen.import.source-mismatch"])
        #expect(diagnostics.first?.severity == .warning)
        #expect(result?.skippedSegments == 1)
    }

    @Test func aKnownKeyWithOtherEnglishIsAMismatchNotAMove() {
        // a-1's English is now "Billing"; another segment says "Yes", but a-1 must not land there.
        let file = xliff12(#"<trans-unit id="a-1"><source>Yes</source><target>Oui !</target></trans-unit>"#)
        let (text, diagnostics, _) = importing([("billing.xliff", file)])
        #expect(text == nil)
        #expect(diagnostics.map(\.identifier).contains("docgen.import.source-mismatch"))
    }

    @Test func tmxWithoutTuidIsMatchedByEnglish() throws {
        let tmx = """
            <?xml version="1.0"?>
            <!DOCTYPE tmx SYSTEM "tmx14.dtd">
            <tmx version="1.4"><header srclang="en-US" datatype="plaintext" segtype="sentence" adminlang="en"
              creationtool="x" creationtoolversion="1" o-tmf="x"/>
              <body><tu><tuv xml:lang="en-US"><seg>Yes</seg></tuv><tuv xml:lang="fr-FR"><seg>Oui !</seg></tuv></tu></body>
            </tmx>
            """
        let (text, diagnostics, _) = importing([("billing.tmx", tmx)])
        #expect(diagnostics.isEmpty)
        #expect(try #require(text).contains(">Oui !</span>"))
    }

    @Test func zeroUnitsAndUnknownRootsAreErrors() {
        let empty = xliff12("")
        #expect(importing([("billing.xliff", empty)]).diagnostics.map(\.identifier) == ["docgen.import.no-units"])
        #expect(
            importing([("billing.xml", "<html><body/></html>")]).diagnostics.map(\.identifier) == [
                "docgen.import.unreadable"
            ])
        #expect(
            importing([("billing.po", "hello\n")]).diagnostics.map(\.identifier) == ["docgen.import.unknown-format"])
    }

    @Test func translateToolkitOutputsMatchByContextAndEnglish() throws {
        // po2xliff: XLIFF 1.1, numeric ids, the PO header as a unit, the article in a context.
        let po2xliff = xliff12(
            """
            <trans-unit id="1" restype="x-gettext-domain-header"><source>X-Docgen-Article: billing.md</source><target>X</target></trans-unit>
            <trans-unit id="2"><source>Yes</source><target>Oui !</target>
              <context-group name="po-reference" purpose="location"><context context-type="sourcefile">billing.md</context></context-group>
              <context-group name="po-entry" purpose="information"><context context-type="x-po-autocomment">segment a-3</context></context-group>
            </trans-unit>
            """, version: "1.1"
        ).replacingOccurrences(of: "original=\"billing.md\"", with: "original=\"po/billing.po\"")
        let (text, diagnostics, _) = importing([("po2xliff.xlf", po2xliff)])
        #expect(diagnostics.isEmpty)
        #expect(try #require(text).contains(">Oui !</span>"))
        // xliff2po: no header naming the article, no context: the file name and the English decide.
        let xliff2po =
            "#, fuzzy\nmsgid \"\"\nmsgstr \"\"\n\"X-Generator: Translate Toolkit\\n\"\n\n#, fuzzy\nmsgid \"Billing\"\nmsgstr \"Factures\"\n"
        let converted = importing([("out/billing.po", xliff2po)])
        #expect(converted.diagnostics.isEmpty)
        #expect(try #require(converted.text).contains(">Factures</span>"))
    }
}

@Suite struct ImportAgreementTests {
    @Test func aFileKeepingTheFrenchDoesNotConflictWithOneEditingIt() throws {
        let article = SourceFile(
            path: "a.md",
            text:
                #"<span data-ttu-id="a-1">Oui</span><span class="sxs-lookup"><span data-stu-id="a-1">Yes</span></span>"#
        )
        let keeps = ImportedDocument(
            filePath: "a.xlf", articlePath: "a.md", units: [.init(key: "a-1", sourceText: "Yes", targetText: "Oui")])
        let edits = ImportedDocument(
            filePath: "a.po", articlePath: "a.md", units: [.init(key: "a-1", sourceText: "Yes", targetText: "Oui !")])
        let result = SegmentImporter.apply([keeps, edits], to: [article])
        #expect(result.diagnostics.isEmpty)
        #expect(try #require(result.changedFiles.first).text.contains(">Oui !</span>"))
    }

    @Test func whiteSpaceAToolTrimmedOrFoldedChangesNoByte() throws {
        let article = SourceFile(
            path: "a.md",
            text: """
                <span data-ttu-id="a-1">Voir </span><span class="sxs-lookup"><span data-stu-id="a-1">See </span></span>**ici**
                <span data-ttu-id="a-2">Ligne un
                ligne deux</span><span class="sxs-lookup"><span data-stu-id="a-2">Line one
                line two</span></span>
                """)
        let folded = ImportedDocument(
            filePath: "a.xlf", articlePath: "a.md",
            units: [
                .init(key: "a-1", sourceText: "See", targetText: "Voir"),
                .init(key: "a-2", sourceText: "Line one line two", targetText: "Ligne un ligne deux"),
            ])
        let unchanged = SegmentImporter.apply([folded], to: [article])
        #expect(unchanged.diagnostics.isEmpty)
        #expect(unchanged.changedFiles.isEmpty)
        var edited = folded
        edited.units[0].targetText = "Consultez"
        let result = SegmentImporter.apply([edited], to: [article])
        #expect(try #require(result.changedFiles.first).text.hasPrefix(#"<span data-ttu-id="a-1">Consultez </span>"#))
    }
}
