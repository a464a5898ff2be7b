import DocGenContent
import DocGenCore

/// Quality checks on each segment pair of an article: the translation must keep the English
/// markup (bold, italic, code, links and their targets), its numbers and code spans, must not be
/// missing or a copy of the English, and French text must space its punctuation.
///
/// Findings are `Diagnostic`s with stable identifiers (`docgen.qa.*`) at the segment's location.
public enum TranslationChecker {
    /// Every identifier the checker can report, for documentation and per-article counts.
    public static let identifiers = [
        "docgen.qa.bold-mismatch", "docgen.qa.italic-mismatch", "docgen.qa.code-mismatch",
        "docgen.qa.link-mismatch", "docgen.qa.link-target-mismatch", "docgen.qa.broken-link",
        "docgen.qa.untranslated", "docgen.qa.identical-to-source", "docgen.qa.number-mismatch",
        "docgen.qa.french-spacing",
    ]

    /// The findings of one article, in segment order.
    public static func check(_ article: Article) -> [Diagnostic] {
        let french = (article.frontMatter.contentLocale ?? "fr").lowercased().hasPrefix("fr")
        return article.segments.flatMap { check($0, french: french) }
    }

    /// The findings of one segment; `french` turns on the French punctuation check.
    public static func check(_ segment: Segment, french: Bool = true) -> [Diagnostic] {
        let source = InlineMarkupParser.parse(segment.sourceText)
        let target = InlineMarkupParser.parse(segment.targetText)
        let at = segment.location
        let id = segment.id
        var findings: [Diagnostic] = []
        func warn(_ identifier: String, _ summary: String, fix: String? = nil) {
            findings.append(.warning(identifier, at: at, "segment \(id): \(summary)", fix: fix))
        }

        if segment.targetText.allSatisfy(\.isWhitespace), !segment.sourceText.allSatisfy(\.isWhitespace) {
            warn("docgen.qa.untranslated", "the translation is empty", fix: "translate the English text")
            return findings
        }
        if segment.targetText == segment.sourceText, wordCount(source.plainText) >= 3 {
            warn(
                "docgen.qa.identical-to-source", "the translation is the English text",
                fix: "translate it, or confirm that it must stay in English")
        }
        for (kind, identifier, name) in [
            (InlineMarkup.CodeKind.bold, "docgen.qa.bold-mismatch", "bold"),
            (.italic, "docgen.qa.italic-mismatch", "italic"),
        ] {
            let (s, t) = (openCount(source, kind), openCount(target, kind))
            if s != t { warn(identifier, "\(s) \(name) span(s) in the English, \(t) in the translation") }
        }
        let sourceCode = source.codes.filter { $0.kind == .code }.map(\.data).sorted()
        let targetCode = target.codes.filter { $0.kind == .code }.map(\.data).sorted()
        if sourceCode != targetCode {
            warn(
                "docgen.qa.code-mismatch",
                "code spans differ: \(sourceCode.joined(separator: " ")) ≠ \(targetCode.joined(separator: " "))",
                fix: "copy code spans from the English unchanged")
        }
        let sourceLinks = linkTargets(source)
        let targetLinks = linkTargets(target)
        if sourceLinks.count != targetLinks.count {
            warn(
                "docgen.qa.link-mismatch",
                "\(sourceLinks.count) link(s) in the English, \(targetLinks.count) in the translation")
        } else if sourceLinks.sorted() != targetLinks.sorted() {
            warn(
                "docgen.qa.link-target-mismatch",
                "links point elsewhere: \(sourceLinks.joined(separator: " ")) ≠ \(targetLinks.joined(separator: " "))",
                fix: "use the English link targets")
        }
        for (side, text) in [("translation", segment.targetText), ("English", segment.sourceText)]
        where hasBrokenLink(text) {
            warn(
                "docgen.qa.broken-link", "the \(side) has '] (': a space breaks the link",
                fix: "remove the space between ']' and '('")
        }
        let sourceNumbers = numbers(source.plainText)
        let targetNumbers = numbers(target.plainText)
        if sourceNumbers != targetNumbers {
            warn(
                "docgen.qa.number-mismatch",
                "numbers differ: \(sourceNumbers.joined(separator: " ")) ≠ \(targetNumbers.joined(separator: " "))")
        }
        if french, let bad = frenchSpacingProblem(target.plainText) {
            warn(
                "docgen.qa.french-spacing", "no space before '\(bad)' (French typography)",
                fix: "put a no-break space (U+00A0 or U+202F) before : ; ! ? and inside « »")
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

    static func hasBrokenLink(_ text: String) -> Bool {
        guard let range = text.range(of: "] (") else { return false }
        return text[..<range.lowerBound].contains("[")
    }

    /// The digit runs of a text, sorted: `1,5` and `1.5` give the same runs.
    static func numbers(_ text: String) -> [String] {
        text.split(whereSeparator: { !$0.isASCII || !$0.isNumber }).map(String.init).sorted()
    }

    /// The first `: ; ! ?` or `»` glued to the word before it, ignoring URLs, times and smileys.
    static func frenchSpacingProblem(_ text: String) -> Character? {
        let characters = Array(text)
        for (index, character) in characters.enumerated() where ":;!?»".contains(character) && index > 0 {
            let before = characters[index - 1]
            let after = index + 1 < characters.count ? characters[index + 1] : " "
            if before.isWhitespace || "!?:;".contains(before) { continue }
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
