import DocGenCore
import Foundation

/// Reduces a line of inline Markdown with HTML to its plain text, for titles and labels.
public enum InlineText {
    /// The text a reader sees: tags, emphasis markers, link targets and closing `#`s removed,
    /// character entities decoded, white space folded.
    public static func plain(_ markdown: String) -> String {
        // One pass, no regular expressions: this runs for every title and every segment's word count.
        var result = ""
        result.reserveCapacity(markdown.utf8.count)
        let characters = Array(markdown)
        var index = 0
        var pendingSpace = false
        func emit(_ character: Character) {
            if character.isWhitespace {
                pendingSpace = !result.isEmpty
                return
            }
            if pendingSpace { result.append(" ") }
            pendingSpace = false
            result.append(character)
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
            where index + 1 < characters.count && characters[index + 1].isPunctuation
                || characters[safe: index + 1]?.isSymbol == true:
                index += 1
                emit(characters[index])
            default:
                emit(character)
            }
            index += 1
        }
        // Closing ATX heading hashes (`## Title ##`).
        while result.hasSuffix("#") { result.removeLast() }
        return decodeEntities(result.trimmingCharacters(in: .whitespaces))
    }

    /// How many words a line of inline Markdown shows a reader: runs of letters or digits, not
    /// counting HTML tags and link destinations. A single pass over Unicode scalars.
    public static func wordCount(_ markdown: String) -> Int {
        var count = 0
        var inWord = false
        forEachShownScalar(markdown) { scalar in
            guard let scalar else {
                inWord = false
                return
            }
            let isWordScalar = scalar.isWordCharacter
            if isWordScalar, !inWord { count += 1 }
            // Apostrophes and hyphens inside a word do not start a new one (l’Espace, e-mail).
            inWord = isWordScalar || (inWord && (scalar == "'" || scalar == "\u{2019}" || scalar == "-"))
        }
        return count
    }

    /// How many letters and digits a line of inline Markdown shows a reader, not counting HTML
    /// tags, link destinations and white space: the measure of text in Chinese or Japanese,
    /// which do not separate words with spaces.
    public static func characterCount(_ markdown: String) -> Int {
        var count = 0
        forEachShownScalar(markdown) { scalar in
            if let scalar, scalar.isWordCharacter { count += 1 }
        }
        return count
    }

    /// Calls `body` with each scalar a reader sees, and with `nil` where an HTML tag or a link
    /// destination (skipped) begins.
    /// (Always inlined, so that each caller's closure is too: this runs on every segment of
    /// every article, and a closure call per scalar was most of the cost of counting.)
    @inline(__always)
    private static func forEachShownScalar(_ markdown: String, _ body: (Unicode.Scalar?) -> Void) {
        var skipUntil: Unicode.Scalar?
        var previous: Unicode.Scalar = " "
        for scalar in markdown.unicodeScalars {
            defer { previous = scalar }
            if let end = skipUntil {
                if scalar == end { skipUntil = nil }
                continue
            }
            if scalar == "<" {
                skipUntil = ">"
                body(nil)
            } else if scalar == "(", previous == "]" {
                skipUntil = ")"
                body(nil)
            } else {
                body(scalar)
            }
        }
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

extension Array {
    fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
