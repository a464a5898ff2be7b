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
        let sourceTraits = SegmentTraits(segment.sourceText)
        let targetTraits = SegmentTraits(segment.targetText)
        // A half without markup is one text part: parsing it would only say so.
        let source = sourceTraits.hasMarkup ? InlineMarkupParser.parse(segment.sourceText) : nil
        let target = targetTraits.hasMarkup ? InlineMarkupParser.parse(segment.targetText) : nil
        let sourcePlain = source?.plainText ?? segment.sourceText
        let targetPlain = target?.plainText ?? segment.targetText
        let at = segment.location
        let id = segment.id
        var findings: [Diagnostic] = []
        func warn(_ identifier: String, _ message: QAMessage) {
            let text = message.text(french: french)
            findings.append(.warning(identifier, at: at, "segment \(id): \(text.summary)", fix: text.fix))
        }

        if isBlank(segment.targetText), !isBlank(segment.sourceText) {
            warn("docgen.qa.untranslated", .untranslated)
            return findings
        }
        if segment.targetText == segment.sourceText, wordCount(sourcePlain) >= 3,
            !ProductName.looksLikeName(sourcePlain)
        {
            warn("docgen.qa.identical-to-source", .identical)
        }
        // Without markup on either side there are no codes to compare.
        if source != nil || target != nil {
            let source = source ?? InlineMarkup(parts: []), target = target ?? InlineMarkup(parts: [])
            let (sourceBold, targetBold) = (openCount(source, .bold), openCount(target, .bold))
            if sourceBold != targetBold { warn("docgen.qa.bold-mismatch", .emphasis(true, sourceBold, targetBold)) }
            let (sourceItalic, targetItalic) = (openCount(source, .italic), openCount(target, .italic))
            if sourceItalic != targetItalic {
                warn("docgen.qa.italic-mismatch", .emphasis(false, sourceItalic, targetItalic))
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
        }
        if targetTraits.hasBrokenLink { warn("docgen.qa.broken-link", .brokenLink(english: false)) }
        if sourceTraits.hasBrokenLink { warn("docgen.qa.broken-link", .brokenLink(english: true)) }
        if sourceTraits.mayHoldDigits || targetTraits.mayHoldDigits,
            let difference = NumberCheck.mismatch(source: sourcePlain, target: targetPlain, targetLocale: locale)
        {
            warn("docgen.qa.number-mismatch", .numbers(difference.missing, difference.extra))
        }
        if french, targetTraits.mayNeedFrenchSpacing, let bad = frenchSpacingProblem(MarkdownText.decode(targetPlain)) {
            warn("docgen.qa.french-spacing", .frenchSpacing(bad))
        }
        return findings
    }

    /// Whether every character is white space. A character's properties are its first scalar's,
    /// so a text starting with an ASCII byte that is not white space is answered from that byte.
    static func isBlank(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return true }
        if first < 0x80, first != 0x20, first < 0x09 || first > 0x0D { return false }
        return text.allSatisfy(\.isWhitespace)
    }

    /// The words that have a letter. An ASCII text is read on its bytes (each byte is a character
    /// but `\r\n`, white space either way).
    static func wordCount(_ text: String) -> Int {
        var words = 0
        var inWord = false
        var hasLetter = false
        for byte in text.utf8 {
            guard byte < 0x80 else {
                return text.split(whereSeparator: \.isWhitespace).filter { $0.contains(where: \.isLetter) }.count
            }
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                if inWord && hasLetter { words += 1 }
                (inWord, hasLetter) = (false, false)
            } else {
                inWord = true
                if (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A { hasLetter = true }
            }
        }
        return inWord && hasLetter ? words + 1 : words
    }

    private static func openCount(_ markup: InlineMarkup, _ kind: InlineMarkup.CodeKind) -> Int {
        markup.parts.filter { if case .open(_, kind, _) = $0 { true } else { false } }.count
    }

    /// The destinations of the links, with locale folders (`/en-us/`, `/fr-fr/`) made equal.
    static func linkTargets(_ markup: InlineMarkup) -> [String] {
        markup.parts.compactMap { part -> String? in
            guard case .close(_, .link, let data) = part else { return nil }
            return (asciiLinkURL(data) ?? linkURL(data)).replacingLocaleFolders()
        }
    }

    /// The destination of a link's closer (`](url "title")`: `url`).
    static func linkURL(_ data: String) -> String {
        var destination = data.dropFirst(data.hasPrefix("](") ? 2 : 1)
        if destination.hasSuffix(")") { destination = destination.dropLast() }
        return destination.split(separator: " ").first.map(String.init) ?? ""
    }

    /// `linkURL` of an ASCII closer without `\r` (each byte is a character), read on its bytes;
    /// `nil` for other text.
    static func asciiLinkURL(_ data: String) -> String? {
        let bytes = data.utf8
        guard bytes.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "\r") }) else { return nil }
        var start = bytes.startIndex
        var end = bytes.endIndex
        if start != end { start = bytes.index(after: start) }
        if start != end, bytes[bytes.startIndex] == UInt8(ascii: "]"), bytes[start] == UInt8(ascii: "(") {
            start = bytes.index(after: start)
        }
        if start != end, bytes[bytes.index(before: end)] == UInt8(ascii: ")") { end = bytes.index(before: end) }
        while start != end, bytes[start] == UInt8(ascii: " ") { start = bytes.index(after: start) }
        var urlEnd = start
        while urlEnd != end, bytes[urlEnd] != UInt8(ascii: " ") { urlEnd = bytes.index(after: urlEnd) }
        return String(bytes[start..<urlEnd])
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
        if let answer = FrenchSpacing.problemByScalars(text) { return answer }
        return frenchSpacingProblemByCharacters(text)
    }

    /// `frenchSpacingProblem` read on `Character`s, for any text.
    static func frenchSpacingProblemByCharacters(_ text: String) -> Character? {
        // A window of three characters slides over the text; they are compared as bytes (these
        // marks have a single form, so equal bytes are equal characters).
        func isMark(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: ":") || byte == UInt8(ascii: ";") || byte == UInt8(ascii: "!")
                || byte == UInt8(ascii: "?") || byte == 0xBB
        }
        var characters = text.makeIterator()
        var before: Character?
        var current = characters.next()
        var after = characters.next()
        while let character = current {
            defer { (before, current, after) = (character, after, characters.next()) }
            let mark = character.shortByte
            guard let before, isMark(mark) else { continue }
            let next = after ?? " "
            let (previous, following) = (before.shortByte, next.shortByte)
            if before.isWhitespace || (previous != 0xBB && isMark(previous)) { continue }
            if mark == UInt8(ascii: ":") && (following == UInt8(ascii: "/") || next.isNumber || !next.isWhitespace) {
                continue
            }
            if mark != UInt8(ascii: ":") && mark != 0xBB && !(next.isWhitespace || following == UInt8(ascii: ")")) {
                continue
            }
            if !before.isLetter && !before.isNumber && previous != 0xBB && previous != UInt8(ascii: ")") { continue }
            return character
        }
        return nil
    }
}

extension Character {
    /// The byte of a one-byte (ASCII) character, 0xBB for `»`, 0 for any other character: a
    /// cheap test for the marks, which have a single form (equal bytes are equal characters).
    fileprivate var shortByte: UInt8 {
        let bytes = utf8
        if bytes.count == 1 { return bytes.first! }
        return bytes.count == 2 && bytes.first == 0xC2 && bytes.last == 0xBB ? 0xBB : 0
    }
}

extension String {
    fileprivate func replacingLocaleFolders() -> String {
        // A locale folder (`en-us`) has a hyphen: most link targets have none to replace.
        guard mayHaveLocaleFolder else { return self }
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

    /// Whether a path part may be a locale folder, read on bytes: an ASCII part must be letters
    /// and hyphens with exactly two runs of two letters (`en-us`); a part with other characters
    /// is left to `replacingLocaleFolders`, which counts characters.
    private var mayHaveLocaleFolder: Bool {
        var letterRuns = 0
        var runLength = 0
        var runsOfTwo = 0
        var onlyLettersAndHyphens = true
        for byte in utf8 {
            if byte >= 0x80 { return true }
            if byte == UInt8(ascii: "/") {
                if onlyLettersAndHyphens, letterRuns == 2, runsOfTwo + (runLength == 2 ? 1 : 0) == 2 { return true }
                (letterRuns, runLength, runsOfTwo, onlyLettersAndHyphens) = (0, 0, 0, true)
            } else if byte == UInt8(ascii: "-") {
                if runLength == 2 { runsOfTwo += 1 }
                runLength = 0
            } else if (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A {
                if runLength == 0 { letterRuns += 1 }
                runLength += 1
            } else {
                onlyLettersAndHyphens = false
            }
        }
        return onlyLettersAndHyphens && letterRuns == 2 && runsOfTwo + (runLength == 2 ? 1 : 0) == 2
    }
}
