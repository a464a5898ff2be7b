/// The inline markup of a segment half whose only markup is `**bold**`, found on its bytes: most
/// segments with markup have nothing else, and cmark would only confirm what the CommonMark
/// rules below decide. Anything the rules leave open (another markup character, a possible
/// autolink, a neighbour character of a class not listed, a run that could both open and close)
/// makes `parts` return `nil`, and `InlineMarkupParser` asks cmark.
enum BoldOnlyText {
    /// The parts of `markdown` when it is plain text and `**` pairs only; `nil` otherwise.
    static func parts(_ markdown: String) -> [InlineMarkup.Part]? {
        var text = markdown
        return text.withUTF8 { bytes -> [InlineMarkup.Part]? in
            guard let runs = runs(bytes), !runs.isEmpty else { return nil }
            // Each run must only open or only close, and they must alternate: every closer then
            // takes the opener just before it, and two delimiters each make <strong>.
            for (index, start) in runs.enumerated() {
                // The text sits between `<span>` and `</span>` when parsed: `>` before, `<` after.
                guard let before = start == 0 ? .punctuation : classBefore(start, in: bytes),
                    let after = start + 2 == bytes.count ? .punctuation : classAt(start + 2, in: bytes)
                else { return nil }
                let leftFlanking = after != .space && (after != .punctuation || before != .other)
                let rightFlanking = before != .space && (before != .punctuation || after != .other)
                guard leftFlanking != rightFlanking, leftFlanking == index.isMultiple(of: 2) else { return nil }
            }
            guard runs.count.isMultiple(of: 2) else { return nil }
            func text(_ range: Range<Int>) -> InlineMarkup.Part {
                .text(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self))
            }
            var parts: [InlineMarkup.Part] = []
            var cursor = 0
            for pair in 0..<(runs.count / 2) {
                let (open, close) = (runs[2 * pair], runs[2 * pair + 1])
                if open > cursor { parts.append(text(cursor..<open)) }
                parts += [
                    .open(id: pair + 1, kind: .bold, data: "**"), text((open + 2)..<close),
                    .close(id: pair + 1, kind: .bold, data: "**"),
                ]
                cursor = close + 2
            }
            if bytes.count > cursor { parts.append(text(cursor..<bytes.count)) }
            return parts
        }
    }

    /// The offsets of the `**` runs, or `nil` when the text has other markup, a longer or
    /// shorter run of `*`, a control character, or something a GFM autolink may start at.
    private static func runs(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int]? {
        var runs: [Int] = []
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "*"):
                guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "*"),
                    index + 2 == bytes.count || bytes[index + 2] != UInt8(ascii: "*")
                else { return nil }
                runs.append(index)
                index += 2
                continue
            case UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "`"), UInt8(ascii: "["), UInt8(ascii: "]"),
                UInt8(ascii: "<"), UInt8(ascii: "&"), UInt8(ascii: "\\"), UInt8(ascii: "@"), 0..<0x20, 0x7F:
                return nil
            case UInt8(ascii: ":") where index > 0 && isASCIILetter(bytes[index - 1]):
                return nil  // a scheme (`https:`, `mailto:`)
            case UInt8(ascii: "w"), UInt8(ascii: "W"):
                if index + 2 < bytes.count, bytes[index + 1] | 0x20 == UInt8(ascii: "w"),
                    bytes[index + 2] | 0x20 == UInt8(ascii: "w")
                {
                    return nil  // `www.`
                }
            default:
                break
            }
            index += 1
        }
        return runs
    }

    /// What the character next to a delimiter run is to CommonMark's flanking rules.
    private enum CharacterClass { case space, punctuation, other }

    private static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    /// The class of the character ending just before `offset`.
    private static func classBefore(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> CharacterClass? {
        var start = offset - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return classAt(start, in: bytes)
    }

    /// The class of the character starting at `offset`; `nil` for a character these rules do
    /// not list (cmark's tables then decide).
    private static func classAt(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> CharacterClass? {
        let byte = bytes[offset]
        if byte < 0x80 {
            if byte == UInt8(ascii: " ") { return .space }
            if isASCIILetter(byte) || (byte >= 0x30 && byte <= 0x39) { return .other }
            return .punctuation  // every other printable ASCII character is punctuation to CommonMark
        }
        let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
        var value = UInt32(byte) & (0xFF >> (length + 1))
        guard offset + length <= bytes.count else { return nil }
        for next in 1..<length { value = value << 6 | UInt32(bytes[offset + next] & 0x3F) }
        switch value {
        case 0xC0..<0x250 where value != 0xD7 && value != 0xF7: return .other  // accented Latin letters
        case 0xA0, 0x202F, 0x2000...0x200A: return .space
        case 0xAB, 0xBB, 0x2018, 0x2019, 0x201C, 0x201D, 0x2013, 0x2014, 0x2026: return .punctuation
        default: return nil
        }
    }
}
