import Foundation

/// What CLDR (through Foundation's `Locale`) knows about a language: its name in another
/// language or in its own, its writing direction, and its usual region. Used so that no
/// interface text has to spell a language's name and no template has to know its script.
extension Language {
    /// The language's name in the language `reader` (`japonais` for `ja` read in French), from
    /// CLDR; the upper-case code when CLDR does not know it.
    public func name(in reader: Language) -> String {
        Locale(identifier: reader.code).localizedString(forLanguageCode: code) ?? code.uppercased()
    }

    /// The language's name in itself (`日本語`, `Deutsch`, `français`), from CLDR.
    public var autonym: String { name(in: self) }

    /// Whether the language is written right to left (Arabic, Hebrew, Persian, Urdu…).
    public var isRightToLeft: Bool {
        // Asked for every page and passage: CLDR's answer is kept per code.
        directionLock.lock()
        let known = rightToLeft[code]
        directionLock.unlock()
        if let known { return known }
        let answer = Locale.Language(identifier: code).characterDirection == .rightToLeft
        directionLock.lock()
        rightToLeft[code] = answer
        directionLock.unlock()
        return answer
    }

    /// The value of an HTML `dir` attribute for text in this language: `rtl` or `ltr`.
    public var direction: String { isRightToLeft ? "rtl" : "ltr" }

    /// The language with its most likely region, as Open Graph writes locales (`ja_JP`, `en_US`,
    /// `fr_FR`); the code alone when CLDR has no likely region.
    public var openGraphLocale: String {
        let parts = Locale.Language(identifier: code).maximalIdentifier.split(separator: "-")
        guard let region = parts.last, parts.count > 1, region.count == 2 || region.count == 3,
            region.allSatisfy({ $0.isUppercase || $0.isNumber })
        else { return code }
        return code + "_" + region
    }
}

extension String {
    /// The string with its first character upper-cased (`japonais` → `Japonais`), for a
    /// language name that begins a label; scripts without case are left as they are.
    public var capitalizingFirstLetter: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}

private let directionLock = NSLock()
nonisolated(unsafe) private var rightToLeft: [String: Bool] = [:]
