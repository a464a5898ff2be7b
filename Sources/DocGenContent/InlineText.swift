import DocGenCore
import Foundation

/// Reduces a line of inline Markdown with HTML to its plain text, for titles and labels.
public enum InlineText {
    /// The text a reader sees: tags, emphasis markers, link targets and closing `#`s removed,
    /// character entities decoded, white space folded.
    public static func plain(_ markdown: String) -> String {
        // Text whose characters are single scalars (most titles) is read as scalars, which are
        // much cheaper to make and test than `Character`s.
        plain(markdown, asScalars: ScalarText.isOneScalarPerCharacter(markdown))
    }

    /// `plain`, read on scalars (only right when each character is one) or on `Character`s.
    static func plain(_ markdown: String, asScalars: Bool) -> String {
        // One pass, no regular expressions: this runs for every title and every segment's word count.
        var result =
            asScalars
            ? plain(Array(markdown.unicodeScalars), capacity: markdown.utf8.count)
            : plain(Array(markdown), capacity: markdown.utf8.count)
        // Closing ATX heading hashes (`## Title ##`).
        while result.hasSuffix("#") { result.removeLast() }
        // Trimming changes nothing when the text starts and ends with ASCII other than white space.
        if let first = result.utf8.first, let last = result.utf8.last, first < 0x80, last < 0x80,
            first != 0x20, first != 0x09, last != 0x20, last != 0x09
        {
            return decodeEntities(result)
        }
        return decodeEntities(result.trimmingCharacters(in: .whitespaces))
    }

    /// The text a reader sees of `characters` (`Character`s, or scalars when each character is
    /// one), before closing hashes and outer white space are dropped.
    private static func plain<Unit: PlainTextUnit>(_ characters: [Unit], capacity: Int) -> String {
        var result = ""
        result.reserveCapacity(capacity)
        var index = 0
        var pendingSpace = false
        func emit(_ character: Unit) {
            if character.isWhitespace {
                pendingSpace = !result.isEmpty
                return
            }
            if pendingSpace { result.append(" ") }
            pendingSpace = false
            character.append(to: &result)
        }
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "<":
                // An HTML tag: skip to its end.
                if let end = characters[index...].firstIndex(of: ">") {
                    index = end + 1
                    continue
                }
                emit(character)
            case "]":
                // The end of a link text: drop a following "(destination)".
                if index + 1 < characters.count, characters[index + 1] == "(",
                    let end = characters[(index + 1)...].firstIndex(of: ")")
                {
                    index = end + 1
                    continue
                }
            case "[", "*", "`":
                break
            case "!" where index + 1 < characters.count && characters[index + 1] == "[":
                break
            case "\\"
            where index + 1 < characters.count
                && (characters[index + 1].isPunctuation || characters[index + 1].isSymbol):
                index += 1
                emit(characters[index])
            default:
                emit(character)
            }
            index += 1
        }
        return result
    }

    /// How many words a line of inline Markdown shows a reader: runs of letters or digits, not
    /// counting HTML tags and link destinations.
    public static func wordCount(_ markdown: String) -> Int { shownCounts(markdown).words }

    /// How many letters and digits a line of inline Markdown shows a reader, not counting HTML
    /// tags, link destinations and white space: the measure of text in Chinese or Japanese,
    /// which do not separate words with spaces.
    public static func characterCount(_ markdown: String) -> Int { shownCounts(markdown).characters }

    /// The words and the word characters (letters and digits) a reader sees, in one pass over
    /// the UTF-8 bytes: an HTML tag (`<…>`) and a link destination (`](…)`) are skipped and end a
    /// word; apostrophes and hyphens inside a word do not start a new one (l’Espace, e-mail).
    /// (This runs on both halves of every segment of every article: ASCII bytes are classified
    /// by a table, other characters are decoded as scalars.)
    private static func shownCounts(_ markdown: String) -> (words: Int, characters: Int) {
        var text = markdown
        return byteClasses.withUnsafeBufferPointer { classes in
            text.withUTF8 { bytes in
                var words = 0
                var characters = 0
                var inWord = false
                var skipUntil: UInt8 = 0  // `>` or `)` inside a tag or a link destination
                var previous: UInt8 = 0x20
                var index = 0
                while index < bytes.count {
                    let byte = bytes[index]
                    if skipUntil != 0 {
                        if byte == skipUntil { skipUntil = 0 }
                        previous = byte
                        index += 1
                        continue
                    }
                    let isWord: Bool
                    switch classes[Int(byte)] {
                    case ByteClass.word:
                        // A run of ASCII letters and digits is counted at once: one word at most
                        // starts here, and each byte is a character.
                        var end = index + 1
                        while end < bytes.count, classes[Int(bytes[end])] == ByteClass.word { end += 1 }
                        if !inWord { words += 1 }
                        characters += end - index
                        inWord = true
                        previous = bytes[end - 1]
                        index = end
                        continue
                    case ByteClass.joiner:
                        isWord = false  // and `inWord` stays: the next letter continues this word
                    case ByteClass.other:
                        isWord = false
                        inWord = false
                    case ByteClass.opener:
                        if byte == UInt8(ascii: "<") {
                            skipUntil = UInt8(ascii: ">")
                        } else if previous == UInt8(ascii: "]") {
                            skipUntil = UInt8(ascii: ")")
                        }
                        isWord = false
                        inWord = false
                    default:  // the first byte of a character beyond ASCII
                        let (scalar, length) = decode(bytes, at: index)
                        index += length - 1
                        isWord = scalar.isWordCharacter
                        if !isWord && scalar != "\u{2019}" { inWord = false }
                        previous = 0x80
                    }
                    if isWord {
                        if !inWord { words += 1 }
                        characters += 1
                        inWord = true
                    }
                    if byte < 0x80 { previous = byte }
                    index += 1
                }
                return (words, characters)
            }
        }
    }

    /// What an ASCII byte is to `shownCounts`; bytes from 0x80 on start a longer character.
    private enum ByteClass {
        static let other: UInt8 = 0
        static let word: UInt8 = 1
        static let joiner: UInt8 = 2  // `'` and `-`
        static let opener: UInt8 = 3  // `<`, and `(` after `]`
        static let beyondASCII: UInt8 = 4
    }

    private static let byteClasses: [UInt8] = (0...255).map { value -> UInt8 in
        switch UInt8(value) {
        case 0x80...: ByteClass.beyondASCII
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            ByteClass.word
        case UInt8(ascii: "'"), UInt8(ascii: "-"): ByteClass.joiner
        case UInt8(ascii: "<"), UInt8(ascii: "("): ByteClass.opener
        default: ByteClass.other
        }
    }

    /// The scalar whose UTF-8 starts at `index` (a lead byte of valid UTF-8) and its length in bytes.
    @inline(__always)
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[index])
        let value: UInt32
        let length: Int
        if lead < 0xE0 {
            value = (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
            length = 2
        } else if lead < 0xF0 {
            value = (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
            length = 3
        } else {
            value =
                (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
                | UInt32(bytes[index + 3] & 0x3F)
            length = 4
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// Decodes the character references that appear in titles (`&amp;`, `&#39;`, `&#x2019;`).
    public static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}"]
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semi = after.prefix(10).firstIndex(of: ";") {
                let name = String(after[..<semi])
                var decoded: String?
                if name.hasPrefix("#x") || name.hasPrefix("#X"), let code = UInt32(name.dropFirst(2), radix: 16) {
                    decoded = Unicode.Scalar(code).map { String(Character($0)) }
                } else if name.hasPrefix("#"), let code = UInt32(name.dropFirst()) {
                    decoded = Unicode.Scalar(code).map { String(Character($0)) }
                } else {
                    decoded = named[name]
                }
                if let decoded {
                    result += decoded
                    rest = after[after.index(after: semi)...]
                    continue
                }
            }
            result += "&"
            rest = after
        }
        return result + rest
    }
}

/// What `InlineText.plain` asks of a character: a `Character`, or a scalar that is a whole
/// character (whose properties are then the character's).
private protocol PlainTextUnit: Equatable, ExpressibleByUnicodeScalarLiteral {
    var isWhitespace: Bool { get }
    var isPunctuation: Bool { get }
    var isSymbol: Bool { get }
    func append(to text: inout String)
}

extension Character: PlainTextUnit {
    fileprivate func append(to text: inout String) { text.append(self) }
}

extension Unicode.Scalar: PlainTextUnit {
    fileprivate var isWhitespace: Bool {
        value < 0x80 ? value == 0x20 || (value >= 0x09 && value <= 0x0D) : properties.isWhitespace
    }

    fileprivate var isPunctuation: Bool {
        switch properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation:
            true
        default: false
        }
    }

    fileprivate var isSymbol: Bool {
        switch properties.generalCategory {
        case .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol: true
        default: false
        }
    }

    fileprivate func append(to text: inout String) { text.unicodeScalars.append(self) }
}
