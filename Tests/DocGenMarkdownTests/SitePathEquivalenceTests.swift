import DocGenCore
import Testing

/// `SitePath`'s byte-level path arithmetic against the plain definitions it replaced (arrays of
/// `Substring` parts compared as strings; `Substring + String`), on random paths.
@Suite struct SitePathEquivalenceTests {
    /// The relative URL as it was first written: the parts in arrays, compared as `Substring`s.
    private static func referenceRelativeURL(from: String, to: String) -> String {
        func components(_ path: Substring) -> [Substring] {
            path.utf8.split(separator: UInt8(ascii: "/")).map { Substring($0) }
        }
        let fromParts = components(from.utf8.lastIndex(of: UInt8(ascii: "/")).map { from[..<$0] } ?? "")
        let toParts = components(Substring(to))
        var common = 0
        while common < fromParts.count, common < toParts.count - 1, fromParts[common] == toParts[common] {
            common += 1
        }
        var result = ""
        for index in 0..<(fromParts.count - common) { result += index == 0 ? ".." : "/.." }
        for part in toParts[common...] {
            if !result.isEmpty { result += "/" }
            result += part
        }
        return result.isEmpty ? "./" : result
    }

    private static func referenceReplacingExtension(of path: String, with newExtension: String) -> String {
        let utf8 = path.utf8
        let nameStart = utf8.lastIndex(of: UInt8(ascii: "/")).map { utf8.index(after: $0) } ?? utf8.startIndex
        guard let dot = utf8[nameStart...].lastIndex(of: UInt8(ascii: ".")), dot != nameStart else {
            return path + "." + newExtension
        }
        return path[..<dot] + "." + newExtension
    }

    /// A random path from pieces that exercise the edge cases: empty parts, leading and trailing
    /// slashes, dots, and parts that differ only in Unicode normalization (`é` composed or not).
    private static func randomPath(_ generator: inout some RandomNumberGenerator) -> String {
        let pieces = ["a", "b", "fr", "en", "index.html", "x.md", "é", "e\u{301}", "ü.html", "", ".", "..", "a.b"]
        let count = Int.random(in: 0...5, using: &generator)
        var path = (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined(separator: "/")
        if Bool.random(using: &generator), Int.random(in: 0..<4, using: &generator) == 0 { path = "/" + path }
        if Int.random(in: 0..<6, using: &generator) == 0 { path += "/" }
        return path
    }

    @Test func relativeURLMatchesTheReference() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let from = Self.randomPath(&generator)
            let to = Self.randomPath(&generator)
            #expect(
                SitePath.relativeURL(from: from, to: to).utf8.elementsEqual(
                    Self.referenceRelativeURL(from: from, to: to).utf8), "from \(from) to \(to)")
        }
        // Parts equal only under canonical equivalence count as the same folder, as before.
        #expect(SitePath.relativeURL(from: "fr/é/a.html", to: "fr/e\u{301}/b.html") == "b.html")
    }

    @Test func replacingExtensionMatchesTheReference() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let path = Self.randomPath(&generator)
            #expect(
                SitePath.replacingExtension(of: path, with: "html").utf8.elementsEqual(
                    Self.referenceReplacingExtension(of: path, with: "html").utf8), "path \(path)")
        }
    }
}
