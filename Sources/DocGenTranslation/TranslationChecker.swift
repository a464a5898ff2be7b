import DocGenContent
import DocGenCore

/// Quality checks on each segment pair of an article: the translation must keep the English
/// markup (bold, italic, code, links and their targets), its numbers and code spans, must not be
/// missing or a copy of the English, and French text must space its punctuation.
///
/// Findings are `Diagnostic`s with stable identifiers (`docgen.qa.*`) at the segment's location,
/// worded in the page's language (French for French articles, English otherwise). Numbers are
/// compared as a reader reads them (`NumberCheck`), punctuation after entities are decoded, and
/// product names that stay in English are not "untranslated".
public enum TranslationChecker {
    /// Every identifier the checker can report, for documentation and per-article counts.
    public static let identifiers = [
        "docgen.qa.bold-mismatch", "docgen.qa.italic-mismatch", "docgen.qa.code-mismatch",
        "docgen.qa.link-mismatch", "docgen.qa.link-target-mismatch", "docgen.qa.broken-link",
        "docgen.qa.untranslated", "docgen.qa.identical-to-source", "docgen.qa.number-mismatch",
        "docgen.qa.french-spacing",
    ]

    /// The findings of one article, in segment order, for its `ms.contentlocale` (French when unset).
    public static func check(_ article: Article) -> [Diagnostic] {
        let locale = (article.frontMatter.contentLocale ?? "fr-fr").lowercased()
        return article.segments.flatMap { check($0, locale: locale) }
    }

    /// The findings of one segment; `french` turns on the French punctuation check and French messages.
    public static func check(_ segment: Segment, french: Bool = true) -> [Diagnostic] {
        check(segment, locale: french ? "fr-fr" : "en-us")
    }

    /// The findings of one segment translated into `locale` (`fr-fr`, `ja-jp`…): numbers are read
    /// in its conventions, messages are in French for French, and French locales get the
    /// punctuation check.
    public static func check(_ segment: Segment, locale: String) -> [Diagnostic] {
        let french = locale.hasPrefix("fr")
        let source = InlineMarkupParser.parse(segment.sourceText)
        let target = InlineMarkupParser.parse(segment.targetText)
        let at = segment.location
        let id = segment.id
        var findings: [Diagnostic] = []
        func warn(_ identifier: String, _ message: QAMessage) {
            let text = message.text(french: french)
            findings.append(.warning(identifier, at: at, "segment \(id): \(text.summary)", fix: text.fix))
        }

        if segment.targetText.allSatisfy(\.isWhitespace), !segment.sourceText.allSatisfy(\.isWhitespace) {
            warn("docgen.qa.untranslated", .untranslated)
            return findings
        }
        if segment.targetText == segment.sourceText, wordCount(source.plainText) >= 3,
            !ProductName.looksLikeName(source.plainText)
        {
            warn("docgen.qa.identical-to-source", .identical)
        }
        for (kind, identifier) in [
            (InlineMarkup.CodeKind.bold, "docgen.qa.bold-mismatch"), (.italic, "docgen.qa.italic-mismatch"),
        ] {
            let (s, t) = (openCount(source, kind), openCount(target, kind))
            if s != t { warn(identifier, .emphasis(kind == .bold, s, t)) }
        }
        let sourceCode = source.codes.filter { $0.kind == .code }.map(\.data).sorted()
        let targetCode = target.codes.filter { $0.kind == .code }.map(\.data).sorted()
        if sourceCode != targetCode { warn("docgen.qa.code-mismatch", .code(sourceCode, targetCode)) }
        let sourceLinks = linkTargets(source)
        let targetLinks = linkTargets(target)
        if sourceLinks.count != targetLinks.count {
            warn("docgen.qa.link-mismatch", .linkCount(sourceLinks.count, targetLinks.count))
        } else if sourceLinks.sorted() != targetLinks.sorted() {
            warn("docgen.qa.link-target-mismatch", .linkTargets(sourceLinks, targetLinks))
        }
        for (english, text) in [(false, segment.targetText), (true, segment.sourceText)] where hasBrokenLink(text) {
            warn("docgen.qa.broken-link", .brokenLink(english: english))
        }
        if let difference = NumberCheck.mismatch(
            source: source.plainText, target: target.plainText, targetLocale: locale)
        {
            warn("docgen.qa.number-mismatch", .numbers(difference.missing, difference.extra))
        }
        if french, let bad = frenchSpacingProblem(MarkdownText.decode(target.plainText)) {
            warn("docgen.qa.french-spacing", .frenchSpacing(bad))
        }
        return findings
    }

    private static func wordCount(_ text: String) -> Int {
        text.split(whereSeparator: \.isWhitespace).filter { $0.contains(where: \.isLetter) }.count
    }

    private static func openCount(_ markup: InlineMarkup, _ kind: InlineMarkup.CodeKind) -> Int {
        markup.parts.filter { if case .open(_, kind, _) = $0 { true } else { false } }.count
    }

    /// The destinations of the links, with locale folders (`/en-us/`, `/fr-fr/`) made equal.
    static func linkTargets(_ markup: InlineMarkup) -> [String] {
        markup.parts.compactMap { part -> String? in
            guard case .close(_, .link, let data) = part else { return nil }
            var destination = data.dropFirst(data.hasPrefix("](") ? 2 : 1)
            if destination.hasSuffix(")") { destination = destination.dropLast() }
            let url = destination.split(separator: " ").first.map(String.init) ?? ""
            return url.replacingLocaleFolders()
        }
    }

    /// Whether a `[` comes before the first `] (`: a link whose target was cut from its text.
    static func hasBrokenLink(_ text: String) -> Bool {
        // One pass over the bytes: `]`, then ` `, then `(`, remembering whether a `[` came first.
        var sawOpen = false
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "(") && previous == UInt8(ascii: " ") && beforePrevious == UInt8(ascii: "]") {
                return sawOpen
            }
            // The `[` of this `] (` had to come before its `]`.
            if previous == UInt8(ascii: "[") { sawOpen = true }
            beforePrevious = previous
            previous = byte
        }
        return false
    }

    /// The digit runs of a text, sorted: `1,5` and `1.5` give the same runs.
    static func numbers(_ text: String) -> [String] {
        text.split(whereSeparator: { !$0.isASCII || !$0.isNumber }).map(String.init).sorted()
    }

    /// The first `: ; ! ?` or `»` glued to the word before it, ignoring URLs, times and smileys.
    static func frenchSpacingProblem(_ text: String) -> Character? {
        // Most sentences have none of these marks: answer from the bytes before making Characters.
        guard text.utf8.contains(where: { $0 == 0x3A || $0 == 0x3B || $0 == 0x21 || $0 == 0x3F || $0 == 0xBB }) else {
            return nil
        }
        let characters = Array(text)
        func isMark(_ character: Character) -> Bool {
            switch character {
            case ":", ";", "!", "?", "»": return true
            default: return false
            }
        }
        for (index, character) in characters.enumerated() where index > 0 && isMark(character) {
            let before = characters[index - 1]
            let after = index + 1 < characters.count ? characters[index + 1] : " "
            if before.isWhitespace || (before != "»" && isMark(before)) { continue }
            if character == ":" && (after == "/" || after.isNumber || !after.isWhitespace) { continue }
            if (character == "?" || character == "!" || character == ";") && !(after.isWhitespace || after == ")") {
                continue
            }
            if !before.isLetter && !before.isNumber && before != "»" && before != ")" { continue }
            return character
        }
        return nil
    }
}

extension String {
    fileprivate func replacingLocaleFolders() -> String {
        // A locale folder (`en-us`) has a hyphen: most link targets have none to replace.
        guard utf8.contains(UInt8(ascii: "-")) else { return self }
        var parts = split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        for (index, part) in parts.enumerated() {
            let pieces = part.split(separator: "-")
            if pieces.count == 2, pieces[0].count == 2, pieces[1].count == 2,
                part.allSatisfy({ $0.isLetter || $0 == "-" })
            {
                parts[index] = "{locale}"
            }
        }
        return parts.joined(separator: "/")
    }
}
