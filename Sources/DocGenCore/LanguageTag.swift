/// Language codes as they arrive from authors (`ms.contentlocale`, docgen.yml `language`): they
/// become folder names and are written into pages and scripts, so only well-formed BCP 47 tags
/// are accepted: a 2–3 letter language, then an optional script, region and variants
/// (`fr`, `fr-FR`, `zh-Hans-CN`, `es-419`, `fr_CA`). Anything else is refused.
extension Language {
    /// The language of a well-formed BCP 47 tag (its primary subtag, lower-cased), or `nil`.
    public init?(tag: String) {
        guard Self.isWellFormed(tag: tag) else { return nil }
        self.init(tag)
    }

    /// Whether `tag` is a language subtag of 2–3 ASCII letters followed only by a script
    /// (4 letters), a region (2 letters or 3 digits) and variants (5–8 letters or digits, or a
    /// digit and 3 more), separated by `-` or `_`.
    public static func isWellFormed(tag: String) -> Bool {
        let subtags = tag.split(separator: "-", omittingEmptySubsequences: false).flatMap {
            $0.split(separator: "_", omittingEmptySubsequences: false)
        }
        guard let first = subtags.first, (2...3).contains(first.utf8.count), first.utf8.allSatisfy(isLetter) else {
            return false
        }
        var stage = 0  // 0: script next, 1: region next, 2: variants only
        for subtag in subtags.dropFirst() {
            let bytes = subtag.utf8
            if stage == 0, bytes.count == 4, bytes.allSatisfy(isLetter) {
                stage = 1
            } else if stage <= 1, bytes.count == 2, bytes.allSatisfy(isLetter) {
                stage = 2
            } else if stage <= 1, bytes.count == 3, bytes.allSatisfy(isDigit) {
                stage = 2
            } else if isVariant(bytes) {
                stage = 2
            } else {
                return false
            }
        }
        return true
    }

    /// The error for a value that is not a language tag, at the place it is written.
    public static func invalidTagDiagnostic(_ value: String, key: String, at location: SourceLocation?) -> Diagnostic {
        .error(
            "docgen.language.invalid", at: location,
            "'\(key)' is \(JSONString.literal(value)), which is not a BCP 47 language tag; it is ignored",
            fix: "write a language code such as fr, fr-FR or zh-Hans-CN")
    }

    private static func isVariant(_ bytes: Substring.UTF8View) -> Bool {
        guard bytes.allSatisfy({ isLetter($0) || isDigit($0) }) else { return false }
        return (5...8).contains(bytes.count) || (bytes.count == 4 && isDigit(bytes.first!))
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
}
