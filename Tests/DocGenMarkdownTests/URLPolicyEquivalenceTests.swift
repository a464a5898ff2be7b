import Testing

@testable import DocGenCore

/// `URLPolicy.scheme(of:)` answers most links from their bytes; the full reading (character
/// references decoded, controls dropped) must agree on every URL.
@Suite struct URLPolicyEquivalenceTests {
    @Test func theByteReadingAgreesWithTheFullReadingOnRandomURLs() {
        let pieces = [
            "a", "J", "z", "S", "0", "9", "+", "-", ".", ":", "/", "?", "#", "&", "&#58;", "&colon;", "&#x3A;",
            "&amp;", ";", " ", "\t", "\n", "\r", "\u{01}", "\u{7F}", "é", "ſ", "K", "ı", "java", "script",
            "http", "HTTPS", "mailto", "%3A", "\u{00A0}", "𝐚", "&#106;", "&Tab;", "&NewLine;",
        ]
        var generator = SystemRandomNumberGenerator()
        var decidedByBytes = 0
        for _ in 0..<20_000 {
            let url = (0..<Int.random(in: 0...8, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)!
            }.joined()
            if URLPolicy.plainScheme(url) != nil { decidedByBytes += 1 }
            #expect(URLPolicy.scheme(of: url) == URLPolicy.decodedScheme(url), "\(url.debugDescription)")
        }
        #expect(decidedByBytes > 4_000)
    }

    @Test func commonLinksAreDecidedFromTheirBytes() {
        for url in ["https://learn.microsoft.com/fr-fr/", "../a/b.md#x", "#anchor", "mailto:x@y.z", "HTTP://A"] {
            #expect(URLPolicy.plainScheme(url) != nil)
        }
        #expect(URLPolicy.scheme(of: "HTTP://A") == "http")
        #expect(URLPolicy.scheme(of: " java\tscript:alert(1)") == "javascript")
        #expect(URLPolicy.scheme(of: "java&#115;cript:x") == "javascript")
        #expect(URLPolicy.scheme(of: "a/b:c") == nil)
    }
}
