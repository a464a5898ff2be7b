import DocGenCore
import Testing

@testable import DocGenTranslation

/// The QA checks answer common text from bytes and scalars where the general path makes
/// `Character`s or asks the Unicode tables: these compare the two, exhaustively for single
/// scalars and on random texts for the checks.
@Suite struct QAFastPathTests {
    /// Every scalar below U+3100 (the ranges answered without the tables, and around them).
    private var scalars: [Unicode.Scalar] { (0..<0x3100).compactMap { Unicode.Scalar(UInt32($0)) } }

    @Test func scalarClassesAgreeWithTheUnicodeTables() {
        for scalar in scalars {
            let properties = scalar.properties
            #expect(scalar.isWordCharacter == (properties.isAlphabetic || properties.numericType != nil))
            #expect(scalar.readsAsNumber == (properties.numericType != nil))
            #expect(scalar.readsAsLetter == properties.isAlphabetic)
            #expect(scalar.readsAsWhitespace == properties.isWhitespace)
            let isMark = [.nonspacingMark, .spacingMark, .enclosingMark].contains(properties.generalCategory)
            #expect(NumberCheck.isLetter(scalar) == (properties.isAlphabetic || isMark))
            let character = Character(scalar)
            #expect(scalar.readsAsNumber == character.isNumber)
            #expect(scalar.readsAsWhitespace == character.isWhitespace)
        }
    }

    /// Random texts of pieces that matter to the checks: marks, spaces, letters, digits,
    /// combining accents, `\r\n`, joiners and emoji.
    private func randomTexts(count: Int) -> [String] {
        let pieces = [
            "a", "Z", "é", "e\u{301}", ":", ";", "!", "?", "»", "«", " ", "\u{A0}", "\u{202F}", "’", "1", "²",
            "/", ")", "(", "\r\n", "\n", "\r", "\t", "ʰ", "\u{200D}", "😀", "…", "\u{2028}", "\u{205F}", "\u{2060}",
            "ª", "x", "-", "http://a", "\u{300}", "日",
        ]
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                .joined()
        }
    }

    @Test func frenchSpacingOnScalarsAgreesWithCharacters() {
        for text in randomTexts(count: 20000) {
            #expect(
                TranslationChecker.frenchSpacingProblem(text)
                    == TranslationChecker.frenchSpacingProblemByCharacters(text),
                "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(TranslationChecker.frenchSpacingProblem("Attention: ceci") == ":")
        #expect(TranslationChecker.frenchSpacingProblem("Attention\u{202F}: ceci") == nil)
    }

    @Test func wordCountAndBlanknessAgreeWithCharacters() {
        for text in randomTexts(count: 20000) {
            let words = text.split(whereSeparator: \.isWhitespace).filter { $0.contains(where: \.isLetter) }.count
            #expect(TranslationChecker.wordCount(text) == words)
            #expect(TranslationChecker.isBlank(text) == text.allSatisfy(\.isWhitespace))
        }
        #expect(TranslationChecker.wordCount("two words\r\nand 3 more 42") == 4)
    }

    @Test func linkDestinationsOnBytesAgreeWithCharacters() {
        let pieces = ["]", "(", ")", "](", " ", "a", "/", "\"", "é", "\r\n", "\r", "en-us", "\u{301}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20000 {
            let data = (0..<Int.random(in: 0...8, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)!
            }.joined()
            if let fast = TranslationChecker.asciiLinkURL(data) { #expect(fast == TranslationChecker.linkURL(data)) }
        }
        #expect(TranslationChecker.asciiLinkURL("](https://a.b/c \"Title\")") == "https://a.b/c")
        #expect(TranslationChecker.asciiLinkURL("](/é)") == nil)
    }
}
