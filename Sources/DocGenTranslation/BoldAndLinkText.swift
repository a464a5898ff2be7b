import DocGenCore

/// The inline markup of a segment half whose only markup is `**bold**`, plain inline links
/// `[text](destination)` and `` `code` `` spans, found on its bytes: most segments with markup have nothing else, and
/// cmark would only confirm what the CommonMark rules below decide. Anything the rules leave
/// open (another markup character, a possible autolink, a link with a title, spaces, brackets or
/// parentheses in its destination, a neighbour character of a class not listed, a run that
/// could both open and close) makes `parts` return `nil`, and `InlineMarkupParser` asks cmark.
enum BoldAndLinkText {
    /// The parts of `markdown` when its markup is only `**` pairs, simple links and code spans;
    /// `nil` otherwise.
    static func parts(_ markdown: String) -> [InlineMarkup.Part]? {
        let bytes = Array(markdown.utf8)
        let marks = bytes.withUnsafeBufferPointer { bytes -> [InlineMarkupParser.Mark]? in
            var runs: [Int] = []
            var marks: [InlineMarkupParser.Mark] = []
            guard scan(bytes, runs: &runs, marks: &marks), !runs.isEmpty || !marks.isEmpty else { return nil }
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
            // A link holds no `*` and a code span's are not runs, so a bold pair holds whole links
            // and spans: merged by offset, every closer follows its opener as in cmark's tree.
            for (index, start) in runs.enumerated() {
                marks.append(.init(range: start..<(start + 2), kind: .bold, role: index.isMultiple(of: 2) ? .open : .close))
            }
            marks.sort { $0.range.lowerBound < $1.range.lowerBound }
            return marks
        }
        guard let marks else { return nil }
        let walker = InlineMarkupParser.Walker(bytes: bytes, lines: noLines, marks: marks)
        return walker.parts(from: 0, to: bytes.count)
    }

    /// The walker's line table, unused: the marks come with their offsets.
    private static let noLines = LineTable([UInt8]())

    /// Finds the `**` runs (their offsets) and the marks of the links and code spans, or returns
    /// `false` when the text has other markup, a longer or shorter run of `*`, a control
    /// character, or something a GFM autolink may start at.
    private static func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, runs: inout [Int], marks: inout [InlineMarkupParser.Mark]
    ) -> Bool {
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "*"):
                guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "*"),
                    index + 2 == bytes.count || bytes[index + 2] != UInt8(ascii: "*")
                else { return false }
                runs.append(index)
                index += 2
                continue
            case UInt8(ascii: "`"):
                // A code span comes before emphasis and links: what it holds is not markup.
                guard let end = codeSpan(at: index, in: bytes) else { return false }
                marks.append(.init(range: index..<end, kind: .code, role: .standalone))
                index = end
                continue
            case UInt8(ascii: "["):
                // An image's `![` is left to cmark.
                guard index == 0 || bytes[index - 1] != UInt8(ascii: "!"), let end = link(at: index, in: bytes)
                else { return false }
                marks.append(.init(range: index..<(index + 1), kind: .link, role: .open))
                marks.append(.init(range: end.closer..<end.end, kind: .link, role: .close))
                index = end.end
                continue
            default:
                guard isPlain(at: index, in: bytes) else { return false }
            }
            index += 1
        }
        return true
    }

    /// Whether the byte at `index` is text to cmark here, outside a link destination: not
    /// another markup character, a control character, or the start of a GFM autolink.
    private static func isPlain(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        switch bytes[index] {
        case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "`"), UInt8(ascii: "["),
            UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: "&"), UInt8(ascii: "\\"), UInt8(ascii: "@"), 0..<0x20,
            0x7F:
            return false
        case UInt8(ascii: ":"):
            return !(index > 0 && isASCIILetter(bytes[index - 1]))  // a scheme (`https:`, `mailto:`)
        case UInt8(ascii: "w"), UInt8(ascii: "W"):
            // `www.`
            return !(index + 2 < bytes.count && bytes[index + 1] | 0x20 == UInt8(ascii: "w")
                && bytes[index + 2] | 0x20 == UInt8(ascii: "w"))
        default:
            return true
        }
    }

    /// The end of the code span whose opening backticks start at `start`: after the next run of
    /// as many backticks; `nil` without one, or with a control character before it.
    private static func codeSpan(at start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        func run(from index: Int) -> Int {
            var end = index
            while end < bytes.count, bytes[end] == UInt8(ascii: "`") { end += 1 }
            return end - index
        }
        let length = run(from: start)
        var index = start + length
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "`") {
                let closer = run(from: index)
                if closer == length { return index + closer }
                index += closer
                continue
            }
            guard byte >= 0x20, byte != 0x7F else { return nil }
            index += 1
        }
        return nil
    }

    /// The link opening at `start`: `[text](destination)` with plain, non-empty text and a
    /// non-empty destination without spaces, brackets, parentheses, quotes, `<`, `>` or `\`.
    private static func link(at start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (closer: Int, end: Int)? {
        var index = start + 1
        while index < bytes.count, bytes[index] != UInt8(ascii: "]") {
            guard isPlain(at: index, in: bytes) else { return nil }
            index += 1
        }
        let closer = index
        guard closer > start + 1, closer + 1 < bytes.count, bytes[closer + 1] == UInt8(ascii: "(") else { return nil }
        index = closer + 2
        while index < bytes.count, bytes[index] != UInt8(ascii: ")") {
            switch bytes[index] {
            case 0...0x20, 0x7F, UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "<"),
                UInt8(ascii: ">"), UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "'"):
                return nil
            default:
                index += 1
            }
        }
        guard index < bytes.count, index > closer + 2 else { return nil }
        return (closer, index + 1)
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
