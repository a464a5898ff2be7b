import DocGenMarkdown
import Testing

/// `HTMLEscaping`'s run-copying escaper against the byte-by-byte one it replaced, on random
/// texts rich in the special bytes and in multi-byte characters.
@Suite struct HTMLEscapingEquivalenceTests {
    /// The escaper as first written: every byte looked at and appended to a byte array.
    private static func reference(_ text: String, apostrophe: Bool) -> String {
        var result: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case 0x26: result += Array("&amp;".utf8)
            case 0x3C: result += Array("&lt;".utf8)
            case 0x3E: result += Array("&gt;".utf8)
            case 0x22: result += Array("&quot;".utf8)
            case 0x27 where apostrophe: result += Array("&#39;".utf8)
            default: result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    @Test func matchesTheReferenceOnRandomTexts() {
        let pieces = ["&", "<", ">", "\"", "'", "a", "é", "—", "😀", " ", "\n", "?", "@", "=", "&amp;", "x y"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let length = Int.random(in: 0...24, using: &generator)
            let text = (0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(HTMLEscaping.escape(text) == Self.reference(text, apostrophe: false))
            #expect(HTMLEscaping.escapeMustache(text) == Self.reference(text, apostrophe: true))
            var output = "<p>"
            HTMLEscaping.appendEscaped(text, to: &output)
            #expect(output == "<p>" + Self.reference(text, apostrophe: false))
            output = "é"
            HTMLEscaping.appendEscapedMustache(text, to: &output)
            #expect(output == "é" + Self.reference(text, apostrophe: true))
        }
    }

    @Test func everyByteBelowTheMaskLimit() {
        for value in 0..<0x80 {
            let text = "a" + String(UnicodeScalar(UInt8(value))) + "b"
            #expect(HTMLEscaping.escape(text) == Self.reference(text, apostrophe: false))
            #expect(HTMLEscaping.escapeMustache(text) == Self.reference(text, apostrophe: true))
        }
    }
}
