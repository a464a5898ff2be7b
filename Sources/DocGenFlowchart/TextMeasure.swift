/// Approximate width of text in the diagram font, and greedy word wrapping, so that layout can
/// size every box before any browser sees it.
///
/// Widths come from the advance widths of Helvetica/Arial (and the metric-compatible Liberation
/// Sans named first in the SVG's `font-family`), in thousandths of an em. Accented letters take
/// the width of their base letter. Every width is multiplied by `safety` so that a wider fallback
/// font (DejaVu Sans is about 8% wider) still fits inside the box instead of being clipped.
public struct TextMeasure: Sendable, Hashable {
    /// The font size in CSS pixels.
    public var fontSize: Double
    /// The factor applied on top of the Arial widths to absorb fallback fonts and bold text.
    public var safety: Double

    /// A measure for `fontSize` pixels; `bold` widens it by 10%, the usual bold/regular ratio.
    public init(fontSize: Double, bold: Bool = false, safety: Double = 1.1) {
        self.fontSize = fontSize
        self.safety = safety * (bold ? 1.1 : 1.0)
    }

    /// The width of one line of text, in pixels.
    public func width(of text: String) -> Double {
        var thousandths = 0
        for scalar in text.unicodeScalars { thousandths += Self.advance(of: scalar) }
        return Double(thousandths) * fontSize * safety / 1000
    }

    /// The text broken into lines no wider than `maxWidth` where possible: words are kept whole,
    /// a space before `?`, `!`, `:`, `;` or `»` never breaks (French typography), and a word wider
    /// than the line is cut between characters.
    public func wrap(_ text: String, maxWidth: Double) -> [String] {
        let words = Self.words(of: text)
        var lines: [String] = []
        var current = ""
        for word in words {
            let candidate = current.isEmpty ? word : current + " " + word
            if width(of: candidate) <= maxWidth {
                current = candidate
                continue
            }
            if !current.isEmpty { lines.append(current) }
            current = ""
            var piece = ""
            for character in word {
                if !piece.isEmpty, width(of: piece + String(character)) > maxWidth {
                    lines.append(piece)
                    piece = ""
                }
                piece.append(character)
            }
            current = piece
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }

    /// The widest of `lines`, in pixels.
    public func width(ofLines lines: [String]) -> Double { lines.map { width(of: $0) }.max() ?? 0 }

    /// Words separated by ordinary spaces, with French punctuation glued to the word before it.
    private static func words(of text: String) -> [String] {
        var words: [String] = []
        for raw in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }) {
            let word = String(raw)
            if let first = word.first, "?!:;»".contains(first), let last = words.popLast() {
                words.append(last + "\u{00A0}" + word)
            } else if let last = words.last, last == "«" {
                words[words.count - 1] = last + "\u{00A0}" + word
            } else {
                words.append(word)
            }
        }
        return words
    }

    /// The advance width of a character in thousandths of an em (Helvetica metrics).
    static func advance(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value >= 32, value <= 126 { return ascii[Int(value - 32)] }
        if let base = latinBase[scalar] { return advance(of: base) }
        switch value {
        case 0xA0, 0x202F, 0x2009: return 278
        case 0x2019, 0x2018: return 222
        case 0x201C, 0x201D, 0xAB, 0xBB: return 556
        case 0x2013: return 556
        case 0x2014, 0x2026: return 1000
        case 0x2000..<0x3000: return 600
        case 0x3000...: return 1000
        default: return 667
        }
    }

    private static let ascii: [Int] = [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,  // space … /
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,  // 0 … ?
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,  // @ … O
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,  // P … _
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,  // ` … o
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,  // p … ~
    ]

    private static let latinBase: [Unicode.Scalar: Unicode.Scalar] = {
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        let groups: [(String, Unicode.Scalar)] = [
            ("àâäáãå", "a"), ("ÀÂÄÁÃÅ", "A"), ("éèêë", "e"), ("ÉÈÊË", "E"), ("îïíì", "i"), ("ÎÏÍÌ", "I"),
            ("ôöóòõ", "o"), ("ÔÖÓÒÕ", "O"), ("ùûüú", "u"), ("ÙÛÜÚ", "U"), ("ç", "c"), ("Ç", "C"), ("ÿý", "y"),
            ("Ÿ", "Y"), ("ñ", "n"), ("Ñ", "N"), ("œ", "w"), ("Œ", "W"), ("æ", "w"), ("Æ", "W"), ("ß", "b"),
        ]
        for (letters, base) in groups { for scalar in letters.unicodeScalars { table[scalar] = base } }
        return table
    }()
}
