import DocGenContent
import DocGenCore
import DocGenTranslation
import Testing

/// QA that reads like a reviewer: numbers by locale, entities, image links, the page's language,
/// JSON output and accepted findings.
@Suite struct QAReadingTests {
    private func segment(_ target: String, _ source: String, id: String = "s-1") -> Segment {
        let text =
            #"<span data-ttu-id="\#(id)">\#(target)</span><span class="sxs-lookup"><span data-stu-id="\#(id)">\#(source)</span></span>"#
        return ArticleParser.parse(SourceFile(path: "a.md", text: text)).article.segments[0]
    }

    private func identifiers(_ target: String, _ source: String, locale: String = "fr-fr") -> [String] {
        TranslationChecker.check(segment(target, source), locale: locale).map(\.identifier)
    }

    @Test(arguments: [
        ("Le 04/05/2021 à 14 h 30.", "On 5/4/2021 at 2:30 PM."),
        ("Le 4 mai 2021, à 18 h.", "On May 4, 2021, at 6 PM."),
        ("Pour 1 000 utilisateurs et 2,5 Go.", "For 1,000 users and 2.5 GB."),
        ("Pour 1\u{202F}000 utilisateurs.", "For 1,000 users."),
        ("Deux comptes, le 1er juillet.", "2 accounts, on July 1."),
        ("L’année fiscale 2021 commence.", "FY21 starts."),
        ("Disponible 24 h/24 et 7 j/7 au 4e trimestre.", "Available 24x7 in Q4."),
        ("Office 365 E5 et TLS 1.2.", "Office 365 E5 and TLS 1.2."),
    ])
    func equalNumbersWrittenTheLocalWayAreNotFindings(_ pair: (String, String)) {
        #expect(!identifiers(pair.0, pair.1).contains("docgen.qa.number-mismatch"))
    }

    @Test func realNumberDifferencesAreStillFound() {
        #expect(identifiers("Le 23 mars 2021.", "On March 23 2020.") == ["docgen.qa.number-mismatch"])
        #expect(identifiers("À 11:59, heure du centre.", "At 11:59 PM Central Time.") == ["docgen.qa.number-mismatch"])
        #expect(identifiers("Attendez 30 jours.", "Wait 60 days.") == ["docgen.qa.number-mismatch"])
        #expect(
            identifiers("Passé ce délai, c’est fini.", "After 30 days, it is over.") == ["docgen.qa.number-mismatch"])
    }

    @Test func japaneseDatesMatchEnglishOnes() {
        #expect(identifiers("2021年5月4日に公開", "Published on May 4, 2021", locale: "ja-jp").isEmpty)
        #expect(identifiers("午後 2 時 30 分に、1,944 件", "At 2:30 PM, 1,944 items", locale: "ja-jp").isEmpty)
        #expect(identifiers("午前 9 時", "At 9 PM", locale: "ja-jp") == ["docgen.qa.number-mismatch"])
    }

    @Test func punctuationOfEntitiesIsNotFrenchSpacing() {
        #expect(identifiers("Entrez &gt; puis &mdash; ici.", "Enter &gt; then &mdash; here.").isEmpty)
        #expect(identifiers("Remarque: attendez.", "Note: wait.") == ["docgen.qa.french-spacing"])
    }

    @Test func imageInsideLinkIsParsedAndChecked() {
        let source = "[ ![Alt text](media/a.png) ](media/a.png#lightbox)"
        #expect(identifiers("[ ![Texte de remplacement](media/a.png) ](media/a.png#lightbox)", source).isEmpty)
        #expect(
            identifiers("[ ![Texte](media/b.png) ](media/b.png#lightbox)", source) == ["docgen.qa.link-target-mismatch"]
        )
        let markup = InlineMarkupParser.parse("[![Menu option.](m.png)](m.png#lightbox)")
        #expect(markup.plainText == "Menu option.")
    }

    @Test func messagesAreInThePageLanguageAndNameEmptySides() throws {
        let french = try #require(TranslationChecker.check(segment("Voir.", "See 2 pages."), locale: "fr-fr").first)
        #expect(french.summary.contains("absents de la traduction 2, ajoutés (aucun)"))
        let english = try #require(TranslationChecker.check(segment("見る", "See 2 pages."), locale: "ja-jp").first)
        #expect(english.summary.contains("missing from the translation 2, added (none)"))
    }

    @Test func productNamesMayStayInEnglish() {
        #expect(
            identifiers(
                "Microsoft Dynamics 365 Fraud Protection Addl Assessments",
                "Microsoft Dynamics 365 Fraud Protection Addl Assessments"
            ).isEmpty)
        #expect(
            identifiers("Select the billing account.", "Select the billing account.") == [
                "docgen.qa.identical-to-source"
            ])
    }

    @Test func acceptedFindingsAreLeftOutAndJSONCountsThem() {
        let text = """
            ---
            ms.contentlocale: fr-fr
            ---
            <span data-ttu-id="a-1">Attendez 30 jours.</span><span class="sxs-lookup"><span data-stu-id="a-1">Wait 60 days.</span></span>
            <span data-ttu-id="a-2">Remarque: attendez.</span><span class="sxs-lookup"><span data-stu-id="a-2">Note: wait.</span></span>
            """
        let article = ArticleParser.parse(SourceFile(path: "a.md", text: text)).article
        let accepted = QAAcceptance(text: "# reviewed\na.md  a-1  number-mismatch  # the French is right\n")
        let qa = TranslationQA.check([article], accepted: accepted)
        #expect(qa.findings.map(\.identifier) == ["docgen.qa.french-spacing"])
        #expect(qa.acceptedCount == 1)
        let json = qa.jsonLines().split(separator: "\n")
        #expect(json.count == 2)
        #expect(json[0].contains(#""segment":"a-2""#) && json[0].contains(#""target":"Remarque: attendez.""#))
        #expect(json[1].contains(#""accepted":1"#) && json[1].contains(#""findings":1"#))
        #expect(TranslationQA.check([article]).findings.count == 2)
    }
}
