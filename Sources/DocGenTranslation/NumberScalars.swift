import DocGenCore

/// How `NumberCheck` reads single characters: it works on Unicode scalars (a `Character` costs a
/// grapheme break and a table look-up each), and answers here what `Character` would have
/// answered for a character made of one scalar, with ASCII decided without the Unicode tables.
extension NumberCheck {
    /// A letter (`Character.isLetter`: alphabetic), or a combining mark, which belongs to the
    /// letter before it as it would in a `Character`; ASCII is answered without the tables.
    @inline(__always) static func isLetter(_ character: Unicode.Scalar) -> Bool {
        if character.readsAsLetter { return true }
        // No combining mark below U+0250 or in the general punctuation: no need for the tables.
        let value = character.value
        if value < 0x250 || (value >= 0x2000 && value < 0x2070) { return false }
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
    /// What `Character.isWhitespace` and `lowercased()` answer for a character made of this scalar
    /// alone (`readsAsNumber` and `readsAsLetter` are in DocGenCore).
    /// (Latin-1 and the general punctuation, common in French text, are answered from what the
    /// Unicode tables say of them, as the tests check: `\u{A0}`, `\u{202F}` are spaces.)
    var readsAsWhitespace: Bool {
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        if value < 0xC0 { return value == 0x85 || value == 0xA0 }
        if value >= 0x2000 && value < 0x2070 {
            return value <= 0x200A || value == 0x2028 || value == 0x2029 || value == 0x202F || value == 0x205F
        }
        return properties.isWhitespace
    }
    func lowercasedText() -> String {
        guard value < 0x80 else { return properties.lowercaseMapping }
        return String(Character(Unicode.Scalar(UInt8(value >= 0x41 && value <= 0x5A ? value + 0x20 : value))))
    }
}
