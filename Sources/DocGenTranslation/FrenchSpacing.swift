import DocGenCore
import DocGenContent

/// `TranslationChecker.frenchSpacingProblem` read on Unicode scalars, which is much cheaper than
/// making `Character`s, for the texts where each character is one scalar.
enum FrenchSpacing {
    /// The answer of `frenchSpacingProblemByCharacters`, or `nil` (no answer) when a character of
    /// the text may be more than one scalar.
    ///
    /// (See `ScalarText.isOneScalarPerCharacter` for the texts read so.)
    static func problemByScalars(_ text: String) -> Character?? {
        guard ScalarText.isOneScalarPerCharacter(text) else { return nil }
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

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool { scalar.readsAsLetter }
}
