import Testing

@testable import DocGenContent

/// `InlineText.plain` reads text whose characters are single scalars as scalars: on random
/// texts it must answer as it does on `Character`s.
@Suite struct InlineTextScalarTests {
    @Test func plainOnScalarsAgreesWithCharacters() {
        let pieces = [
            "a", "É", "e\u{301}", "<", ">", "<b>", "]", "(", ")", "[", "*", "`", "!", "\\", "#", " ", "\t", "\u{A0}",
            "\u{202F}", "’", "«", "»", "&amp;", "&#39;", "\r\n", "\n", "$", "+", "^", "1", "\u{2028}", "😀", "\u{300}",
        ]
        var generator = SystemRandomNumberGenerator()
        var scalarTexts = 0
        for _ in 0..<20000 {
            let text = (0..<Int.random(in: 0...10, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)!
            }.joined()
            guard ScalarText.isOneScalarPerCharacter(text) else { continue }
            scalarTexts += 1
            #expect(InlineText.plain(text, asScalars: true) == InlineText.plain(text, asScalars: false))
        }
        #expect(scalarTexts > 1000)
        #expect(InlineText.plain("Créer un \\*compte\\* [ici](https://a.b) ## ") == "Créer un *compte* ici")
    }

    @Test func oneScalarPerCharacterIsDecidedFromTheBytes() {
        #expect(ScalarText.isOneScalarPerCharacter("Créer l’espace « ici » \u{202F}: — ²"))
        #expect(!ScalarText.isOneScalarPerCharacter("e\u{301}"))
        #expect(!ScalarText.isOneScalarPerCharacter("a\r\nb"))
        #expect(!ScalarText.isOneScalarPerCharacter("a\u{200D}b"))
        #expect(!ScalarText.isOneScalarPerCharacter("日本"))
        // Every scalar accepted is a character on its own next to any other accepted scalar.
        let accepted = (0..<0x2100).compactMap { Unicode.Scalar(UInt32($0)) }.filter {
            ScalarText.isOneScalarPerCharacter(String($0))
        }
        for scalar in accepted {
            for other in ["a", "\u{A0}", "’", "\n", "\u{300}"] where ScalarText.isOneScalarPerCharacter(other) {
                #expect(String(scalar).appending(other).count == 2)
                #expect(other.appending(String(scalar)).count == 2)
            }
        }
    }
}
