/// The one rule for every URL docgen writes into an `href` or `src`, whatever it came from
/// (Markdown links and images, raw HTML attributes, TOC entries, YAML pages, redirects, flows,
/// configuration, `> [!VIDEO …]`): relative references, `http:`, `https:`, `mailto:`, `tel:` and
/// `#fragment` pass; any other scheme (`javascript:`, `data:`, `vbscript:`, `file:`, …) does not.
///
/// The scheme is read the way a browser reads it: character references decoded (`&#106;`,
/// `&#x6A`, `&colon;`), leading C0 controls and spaces trimmed, tabs and line breaks anywhere
/// removed, letters compared without case. So `&#106;avascript:`, ` JaVa\tScRiPt:` and
/// `java\nscript:` are all `javascript:`.
public enum URLPolicy {
    /// Schemes a page may link to or load from.
    public static let allowedSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    /// The scheme a browser would see in `url`, lower-cased, or `nil` for a relative reference.
    public static func scheme(of url: String) -> String? {
        if let answer = plainScheme(url) { return answer }
        return decodedScheme(url)
    }

    /// The answer read from the bytes alone, when they decide it before any `&`, control, space or
    /// non-ASCII byte (which the full reading decodes or drops first); `nil` when they do not.
    /// Nearly every link is answered here without decoding or copying it.
    static func plainScheme(_ url: String) -> String?? {
        var url = url
        return url.withUTF8 { bytes -> String?? in
            for (index, byte) in bytes.enumerated() {
                switch byte {
                case UInt8(ascii: ":"):
                    guard index > 0 else { return .some(nil) }
                    return .some(String(decoding: bytes[..<index].lazy.map { $0 | 0x20 }, as: UTF8.self))
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    continue
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                    if index == 0 { return .some(nil) }
                case UInt8(ascii: "&"), 0...0x20, 0x80...0xFF:
                    return nil
                default:
                    return .some(nil)  // '/', '?', '#' or another character before any ':'
                }
            }
            return .some(nil)
        }
    }

    /// The full reading: character references decoded, controls and spaces trimmed as a browser does.
    static func decodedScheme(_ url: String) -> String? {
        var scalars = Array(decodingCharacterReferences(url).unicodeScalars)
        // A browser trims C0 controls and spaces around a URL and drops tabs and newlines anywhere.
        while let first = scalars.first, first.value <= 0x20 { scalars.removeFirst() }
        scalars.removeAll { $0 == "\t" || $0 == "\n" || $0 == "\r" }
        var scheme = ""
        for scalar in scalars {
            switch scalar {
            case ":":
                return scheme.isEmpty ? nil : scheme.lowercased()
            case "a"..."z", "A"..."Z":
                scheme.unicodeScalars.append(scalar)
            case "0"..."9", "+", "-", ".":
                guard !scheme.isEmpty else { return nil }
                scheme.unicodeScalars.append(scalar)
            default:
                return nil  // a '/', '?', '#' or other character before any ':' makes it relative
            }
        }
        return nil
    }

    /// Whether a page may carry `url` as an `href` or `src`.
    public static func allows(_ url: String) -> Bool {
        guard let scheme = scheme(of: url) else { return true }
        return allowedSchemes.contains(scheme)
    }

    /// The diagnostic for a URL the policy drops, at `location`; `what` names the place (for
    /// example "link", "image", "TOC entry 'Name'").
    public static func unsafeDiagnostic(_ url: String, what: String, at location: SourceLocation?) -> Diagnostic {
        let scheme = scheme(of: url) ?? ""
        var shown = String(url.prefix(60))
        if url.count > 60 { shown += "…" }
        return .warning(
            "docgen.link.unsafe-scheme", at: location,
            "\(what) '\(shown)' uses the scheme '\(scheme):', which can run script or load hidden content; it was dropped",
            fix: "link with http:, https:, mailto:, tel: or a relative path")
    }

    /// `text` with HTML character references decoded as a browser decodes them in an attribute:
    /// numeric ones with or without `;`, and the named ones that can spell a scheme.
    public static func decodingCharacterReferences(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "&", let (decoded, length) = reference(in: scalars, at: index) else {
                output.append(scalars[index])
                index += 1
                continue
            }
            output.append(contentsOf: decoded.unicodeScalars)
            index += length
        }
        return String(output)
    }

    private static let namedReferences: [String: String] = [
        "colon": ":", "tab": "\t", "newline": "\n", "amp": "&", "lt": "<", "gt": ">", "quot": "\"",
        "apos": "'", "sol": "/", "num": "#", "quest": "?", "lpar": "(", "rpar": ")", "period": ".",
        "comma": ",", "semi": ";", "excl": "!", "percnt": "%", "plus": "+", "equals": "=", "nbsp": "\u{A0}",
    ]

    /// The text a reference at `start` (an `&`) stands for and how many scalars it spans.
    private static func reference(in scalars: [Unicode.Scalar], at start: Int) -> (String, Int)? {
        var index = start + 1
        guard index < scalars.count else { return nil }
        if scalars[index] == "#" {
            index += 1
            var radix = 10
            if index < scalars.count, scalars[index] == "x" || scalars[index] == "X" {
                radix = 16
                index += 1
            }
            var digits = ""
            while index < scalars.count, digits.count < 12,
                let _ = Int(String(scalars[index]), radix: radix)
            {
                digits.unicodeScalars.append(scalars[index])
                index += 1
            }
            guard !digits.isEmpty else { return nil }
            if index < scalars.count, scalars[index] == ";" { index += 1 }
            let value = UInt32(digits, radix: radix) ?? 0xFFFD
            let scalar = value == 0 ? "\u{FFFD}" : Unicode.Scalar(value) ?? "\u{FFFD}"
            return (String(scalar), index - start)
        }
        var name = ""
        while index < scalars.count, name.count < 10, scalars[index].properties.isAlphabetic, scalars[index].isASCII {
            name.unicodeScalars.append(scalars[index])
            index += 1
        }
        guard let decoded = namedReferences[name.lowercased()] else { return nil }
        if index < scalars.count, scalars[index] == ";" { index += 1 }
        return (decoded, index - start)
    }
}
