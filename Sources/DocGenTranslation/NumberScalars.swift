/// How `NumberCheck` reads single characters: it works on Unicode scalars (a `Character` costs a
/// grapheme break and a table look-up each), and answers here what `Character` would have
/// answered for a character made of one scalar, with ASCII decided without the Unicode tables.
extension NumberCheck {
    /// A letter (`Character.isLetter`: alphabetic), or a combining mark, which belongs to the
    /// letter before it as it would in a `Character`; ASCII is answered without the tables.
    @inline(__always) static func isLetter(_ character: Unicode.Scalar) -> Bool {
        let value = character.value
        if value < 0x80 { return (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A) }
        // The accented Latin letters are, × and ÷ are not: no need for the tables.
        if value >= 0xC0 && value < 0x250 { return value != 0xD7 && value != 0xF7 }
        if character.properties.isAlphabetic { return true }
        switch character.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    static func isLatinLetter(_ character: Unicode.Scalar) -> Bool {
        let value = character.value
        if value < 0x80 { return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
        return value < 0x0250 && character.properties.isAlphabetic
    }

    @inline(__always) static func asciiDigit(_ character: Unicode.Scalar) -> Unicode.Scalar {
        (0xFF10...0xFF19).contains(character.value) ? Unicode.Scalar(character.value - 0xFF10 + 0x30)! : character
    }

    /// The text of a run of scalars.
    static func text(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        // Written straight into the string's storage: most runs are a few ASCII digits or letters.
        String(unsafeUninitializedCapacity: scalars.count * 4) { buffer in
            var count = 0
            for scalar in scalars {
                if scalar.value < 0x80 {
                    buffer[count] = UInt8(scalar.value)
                    count += 1
                } else {
                    UTF8.encode(scalar) {
                        buffer[count] = $0
                        count += 1
                    }
                }
            }
            return count
        }
    }
}

extension Unicode.Scalar {
    /// What `Character.isNumber`, `isWhitespace` and `lowercased()` answer for a character made
    /// of this scalar alone.
    var readsAsNumber: Bool { value >= 0x30 && value <= 0x39 ? true : properties.numericType != nil }
    var readsAsWhitespace: Bool {
        value < 0x80 ? value == 0x20 || (value >= 0x09 && value <= 0x0D) : properties.isWhitespace
    }
    func lowercasedText() -> String {
        guard value < 0x80 else { return properties.lowercaseMapping }
        return String(Character(Unicode.Scalar(UInt8(value >= 0x41 && value <= 0x5A ? value + 0x20 : value))))
    }
}
