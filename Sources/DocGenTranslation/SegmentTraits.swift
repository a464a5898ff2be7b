/// What one pass over the bytes of a segment half says about which QA checks can find anything
/// in it: most sentences have no markup, no digit and no `: ; ! ?`, and the checks for those are
/// skipped without parsing the text or making `Character`s.
///
/// Each trait is exact (the check it guards would answer the same), or a superset that the
/// guarded check then settles itself (`mayHoldDigits`, `hasBrokenLink`).
struct SegmentTraits {
    private var bits: UInt16

    /// Reads the traits of one segment half.
    init(_ text: String) {
        var text = text
        bits = Self.classes.withUnsafeBufferPointer { classes in
            text.withUTF8 { bytes in
                var bits: UInt16 = 0
                for byte in bytes { bits |= classes[Int(byte)] }
                return bits
            }
        }
        // The rare bytes that only may start a digit or a broken link: settled by the checks themselves.
        if bits & Self.digit == 0, bits & (Self.hashSign | Self.fullWidthLead) != 0, NumberCheck.mayHoldDigits(text) {
            bits |= Self.digit
        }
        if bits & Self.linkParts == Self.linkParts, TranslationChecker.hasBrokenLink(text) { bits |= Self.brokenLink }
    }

    /// A byte that can start inline markup: `* _ ~` `` ` `` `[ <` (what `InlineMarkupParser` parses).
    var hasMarkup: Bool { bits & Self.markup != 0 }
    /// An ASCII or full-width digit, or a `&#` reference that may be one (`NumberCheck.mayHoldDigits`).
    var mayHoldDigits: Bool { bits & Self.digit != 0 }
    /// A `[` before a `] (`: a link whose target was cut from its text (`hasBrokenLink`).
    var hasBrokenLink: Bool { bits & Self.brokenLink != 0 }
    /// A byte of `: ; ! ? »`, or a `&` whose reference may decode to one: the French spacing check
    /// reads the decoded text, and only these marks can be glued to a word.
    var mayNeedFrenchSpacing: Bool { bits & (Self.frenchMark | Self.ampersand) != 0 }

    private static let markup: UInt16 = 1 << 0
    private static let digit: UInt16 = 1 << 1
    private static let ampersand: UInt16 = 1 << 2
    private static let frenchMark: UInt16 = 1 << 3
    private static let hashSign: UInt16 = 1 << 4
    private static let fullWidthLead: UInt16 = 1 << 5
    private static let openBracket: UInt16 = 1 << 6
    private static let closeBracket: UInt16 = 1 << 7
    private static let openParenthesis: UInt16 = 1 << 8
    private static let brokenLink: UInt16 = 1 << 9
    private static let linkParts = openBracket | closeBracket | openParenthesis

    /// The traits each byte value contributes.
    private static let classes: [UInt16] = (0...255).map { value -> UInt16 in
        switch UInt8(value) {
        case UInt8(ascii: "["): markup | openBracket
        case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "`"), UInt8(ascii: "<"): markup
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit
        case UInt8(ascii: "&"): ampersand
        // 0xBB ends the UTF-8 of `»` (and of other characters: the check then looks closer).
        case UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "!"), UInt8(ascii: "?"), 0xBB: frenchMark
        case UInt8(ascii: "#"): hashSign
        case 0xEF: fullWidthLead
        case UInt8(ascii: "]"): closeBracket
        case UInt8(ascii: "("): openParenthesis
        default: 0
        }
    }
}
