/// `TranslationChecker.frenchSpacingProblem` read on Unicode scalars, which is much cheaper than
/// making `Character`s, for the texts where each character is one scalar.
enum FrenchSpacing {
    /// The answer of `frenchSpacingProblemByCharacters`, or `nil` (no answer) when a character of
    /// the text may be more than one scalar.
    ///
    /// Only scalars that never join the one before or after are accepted: below U+0300 (where the
    /// combining marks start) but the carriage return, which joins a line feed, and the dashes,
    /// quotes, spaces and marks of U+2010…U+205E (general punctuation, without the joiners that
    /// come before it). Between such scalars every scalar is a character, and a character's
    /// properties are its scalar's.
    static func problemByScalars(_ text: String) -> Character?? {
        guard isOneScalarPerCharacter(text) else { return nil }
        var scalars = text.unicodeScalars.makeIterator()
        var before: Unicode.Scalar?
        var current = scalars.next()
        var after = scalars.next()
        while let scalar = current {
            defer { (before, current, after) = (scalar, after, scalars.next()) }
            let mark = shortByte(scalar)
            guard let before, isMark(mark) else { continue }
            let next = after ?? " "
            let (previous, following) = (shortByte(before), shortByte(next))
            if isWhitespace(before) || (previous != 0xBB && isMark(previous)) { continue }
            if mark == UInt8(ascii: ":") && (following == UInt8(ascii: "/") || isNumber(next) || !isWhitespace(next)) {
                continue
            }
            if mark != UInt8(ascii: ":") && mark != 0xBB && !(isWhitespace(next) || following == UInt8(ascii: ")")) {
                continue
            }
            if !isLetter(before) && !isNumber(before) && previous != 0xBB && previous != UInt8(ascii: ")") { continue }
            return .some(Character(scalar))
        }
        return .some(nil)
    }

    /// Whether every scalar of the text is one of those `problemByScalars` accepts, read on bytes.
    static func isOneScalarPerCharacter(_ text: String) -> Bool {
        let bytes = text.utf8
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0x0D { return false }
            } else if byte >= 0xC2 && byte <= 0xCB {
                // U+0080…U+02FF: the lead byte says all; its continuation byte follows.
                index = bytes.index(after: index)
            } else if byte == 0xE2 {
                // U+2010…U+203F is E2 80 90…BF, U+2040…U+205E is E2 81 80…9E.
                let second = bytes.index(after: index)
                let third = bytes.index(after: second)
                let (middle, last) = (bytes[second], bytes[third])
                let accepted = (middle == 0x80 && last >= 0x90) || (middle == 0x81 && last <= 0x9E)
                guard accepted else { return false }
                index = third
            } else {
                return false
            }
            index = bytes.index(after: index)
        }
        return true
    }

    /// What `Character.shortByte` answers for a character made of this scalar: its byte when
    /// ASCII, 0xBB for `»`, 0 otherwise.
    private static func shortByte(_ scalar: Unicode.Scalar) -> UInt8 {
        scalar.value < 0x80 || scalar.value == 0xBB ? UInt8(scalar.value) : 0
    }

    private static func isMark(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ":") || byte == UInt8(ascii: ";") || byte == UInt8(ascii: "!")
            || byte == UInt8(ascii: "?") || byte == 0xBB
    }

    /// `Character.isWhitespace`, `isNumber` and `isLetter` of a one-scalar character.
    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool { scalar.readsAsWhitespace }

    private static func isNumber(_ scalar: Unicode.Scalar) -> Bool { scalar.readsAsNumber }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
        if value >= 0xC0 && value < 0x250 { return value != 0xD7 && value != 0xF7 }
        return scalar.properties.isAlphabetic
    }
}
