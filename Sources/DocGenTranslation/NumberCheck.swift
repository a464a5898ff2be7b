/// Compares the numbers of an English sentence and its translation the way a reviewer reads them,
/// not digit by digit:
///
/// - each side is read in its own convention: `1,000.5` in English, `1 000,5` or `1.000,5` in
///   French and German, `1,000.5` in Japanese; leading zeros do not count (`07` is `7`);
/// - dates may change order and spelling: `5/4/2021`, `04/05/2021`, `May 4, 2021`, `4 mai 2021`
///   and `2021年5月4日` hold the same numbers once month names next to a number count as numbers;
/// - times are compared on a 24-hour clock: `2:30 PM` is `14 h 30`, `6 PM` is `18:00`;
/// - a number may be spelled out on the other side (`two` / `2`, `deux` / `2`, `first` / `1er`)
///   and a two-digit year may be written in full (`'21` / `2021`);
/// - digits inside product names (`E5`, `IPv4`) are not numbers of the sentence; a number repeated
///   for clarity (`24/7`, `24 heures sur 24, 7 jours sur 7`) is not a difference.
enum NumberCheck {
    /// The numbers missing from the translation and the ones it added, or `nil` when they agree.
    static func mismatch(source: String, target: String, targetLocale: String) -> (
        missing: [String], extra: [String]
    )? {
        // Without a digit on either side there is no number to compare (month names and spelled
        // numbers only ever excuse a digit of the other side).
        guard mayHoldDigits(source) || mayHoldDigits(target) else { return nil }
        let english = reading(characters(source), convention: .english)
        let convention = Convention(locale: targetLocale)
        let targetCharacters = characters(target)
        var best: (missing: [String], extra: [String])?
        // Reading spaces as grouping changes nothing unless a space stands between two digits.
        let spaceReadings = convention.spaceMayGroup && spaceBetweenDigits(targetCharacters) ? [false, true] : [false]
        for spacesGroup in spaceReadings {
            let translated = reading(targetCharacters, convention: convention, spacesGroup: spacesGroup)
            // A value may be read another way (`FY21` is 2021, `4k` may be `4 Ko`) or spelled out.
            let missing = english.numbers.subtracting(translated.numbers).filter {
                !translated.spelled.contains($0) && !english.aliases($0).contains(where: translated.numbers.contains)
                    && !english.compounds.contains($0)
            }
            let englishAlternatives = Set(english.alternatives.values.joined())
            let extra = translated.numbers.subtracting(english.numbers).filter {
                !english.spelled.contains($0) && !translated.aliases($0).contains(where: english.numbers.contains)
                    && !englishAlternatives.contains($0)
            }
            // A lone 1 is phrasing, not a number: "in April" / "à compter du 1er avril", "1 month" / "le mois".
            if missing.union(extra).allSatisfy({ $0 == "1" }) { return nil }
            let found = (missing.sorted(by: numericOrder), extra.sorted(by: numericOrder))
            if best == nil || found.0.count + found.1.count < best!.missing.count + best!.extra.count { best = found }
        }
        return best
    }

    /// Whether a text has an ASCII or full-width digit, or a character reference that may be one.
    static func mayHoldDigits(_ text: String) -> Bool {
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for byte in text.utf8 {
            if byte >= 0x30 && byte <= 0x39 { return true }
            if byte == 0x23 && previous == 0x26 { return true }  // "&#"
            if beforePrevious == 0xEF && previous == 0xBC && byte >= 0x90 && byte <= 0x99 { return true }  // U+FF10…FF19
            beforePrevious = previous
            previous = byte
        }
        return false
    }

    /// How a language writes numbers.
    struct Convention {
        var decimal: Unicode.Scalar
        var grouping: Set<Unicode.Scalar>
        var spaceMayGroup: Bool

        static let english = Convention(decimal: ".", grouping: [","], spaceMayGroup: false)

        init(decimal: Unicode.Scalar, grouping: Set<Unicode.Scalar>, spaceMayGroup: Bool) {
            self.decimal = decimal
            self.grouping = grouping
            self.spaceMayGroup = spaceMayGroup
        }

        /// The convention of a BCP 47 locale (`fr-fr`, `de-DE`, `ja-jp`).
        init(locale: String) {
            // Every segment with a number asks: ASCII codes (`fr-fr`) are read without Characters.
            var language = ""
            for byte in locale.utf8 {
                guard byte < 0x80 else {
                    language = String(locale.lowercased().prefix { $0.isLetter })
                    break
                }
                guard (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A else { break }
                language.unicodeScalars.append(Unicode.Scalar(byte | 0x20))
            }
            switch language {
            case "en", "ja", "zh", "ko", "th", "he":
                self = .english
            case "de", "nl", "it", "es", "pt", "da", "id", "tr", "el":
                self = .pointsGroup
            default:  // French, Nordic, Slavic: spaces group, a comma separates decimals
                self = .spacesGroup
            }
        }

        // Made once: every segment with a number asks for its locale's.
        private static let pointsGroup = Convention(
            decimal: ",", grouping: [".", "\u{A0}", "\u{202F}"], spaceMayGroup: false)
        private static let spacesGroup = Convention(
            decimal: ",", grouping: ["\u{A0}", "\u{202F}", "\u{2009}", "."], spaceMayGroup: true)
    }

    /// The numbers of a text, the numbers it spells out in words, and other readings of its values.
    struct Reading {
        var numbers: Set<String> = []
        var spelled: Set<String> = []
        var alternatives: [String: Set<String>] = [:]
        /// Numbers joined to a word by a hyphen (`360-degree`, `six-month`): a translation may say them in words.
        var compounds: Set<String> = []

        /// Other ways to read a value: a two-digit year in full and back, `4k` as 4.
        func aliases(_ value: String) -> Set<String> {
            var result = alternatives[value] ?? []
            if value.count == 2, let number = Int(value) { result.insert(String(2000 + number)) }
            if value.count == 4, value.hasPrefix("20") { result.insert(String(value.dropFirst(2).drop { $0 == "0" })) }
            return result
        }
    }

    /// The text as a reader sees it (entities decoded, markup dropped), full-width digits made
    /// ASCII, as Unicode scalars: the reading below tests and compares single characters, which
    /// as `Character`s cost a grapheme break and a table look-up each (a combining mark is part
    /// of the word it follows, see `isLetter`).
    static func characters(_ raw: String) -> [Unicode.Scalar] {
        let decoded = MarkdownText.decode(raw)
        var characters: [Unicode.Scalar] = []
        characters.reserveCapacity(decoded.utf8.count)
        for scalar in decoded.unicodeScalars { characters.append(asciiDigit(scalar)) }
        return characters
    }

    /// Whether an ASCII space has an ASCII digit on each side.
    static func spaceBetweenDigits(_ characters: [Unicode.Scalar]) -> Bool {
        guard characters.count >= 3 else { return false }
        for index in 1..<(characters.count - 1) where characters[index] == " " {
            if isDigit(characters[index - 1]) && isDigit(characters[index + 1]) { return true }
        }
        return false
    }

    @inline(__always) private static func isDigit(_ character: Unicode.Scalar) -> Bool {
        character.value >= 0x30 && character.value <= 0x39
    }

    static func reading(_ characters: [Unicode.Scalar], convention: Convention, spacesGroup: Bool = false) -> Reading {
        var result = Reading()
        var index = 0
        var lastWasNumber = false
        var pendingMonth: String?  // a month name waiting for a number after it
        while index < characters.count {
            let character = characters[index]
            if isDigit(character) {
                var (values, end) = number(characters, from: index, convention: convention, spacesGroup: spacesGroup)
                index = end
                if isModelNumber(characters, at: values.start) {
                    lastWasNumber = false
                    continue  // E5, A1, P2: part of a name
                }
                // `.80` is 0.8 (but `sec.2` is section 2).
                if values.start >= 1, characters[values.start - 1] == ".",
                    values.start < 2 || " $(€£".unicodeScalars.contains(characters[values.start - 2]), values.numbers.count == 1
                {
                    let fraction = text(characters[values.start..<end]).reversed().drop { $0 == "0" }.reversed()
                    values.numbers = ["0." + String(fraction)]
                }
                let suffix = wordAfter(characters, from: end)
                if suffix.word == "k" || suffix.word == "K", values.numbers.count == 1,
                    let value = Double(values.numbers[0])
                {
                    let thousands = format(value * 1000)  // USD300K, 20 K, 1-K (or 4k as 4 Ko)
                    result.alternatives[thousands, default: []].insert(values.numbers[0])
                    values.numbers = [thousands]
                    index = suffix.end
                } else if ordinalSuffix(characters, from: end) {
                    index = suffix.end  // 1st, 1er: the number, then the next word
                }
                if let afternoon = eastAsianMeridiem(characters, before: values.start), values.numbers.count == 1,
                    let hour = Int(values.numbers[0]), hour <= 12
                {
                    values.numbers = [String(hour % 12 + (afternoon ? 12 : 0))]  // 午後2時 is 14:00
                }
                result.numbers.formUnion(values.numbers)
                if index + 1 < characters.count, characters[index] == "-", isLetter(characters[index + 1]) {
                    result.compounds.formUnion(values.numbers)
                }
                if let month = pendingMonth { result.numbers.insert(month) }
                pendingMonth = nil
                lastWasNumber = true
                continue
            }
            if isLetter(character) {
                var end = index
                while end < characters.count, isLetter(characters[end]) { end += 1 }
                // Only words as short as the longest month or number name can be one.
                let name =
                    end - index <= longestName && mayBeName(characters[index..<end])
                    ? names[text(characters[index..<end]).lowercased()] : nil
                if let month = name?.month {
                    // Next to a number, a month name is part of a date; alone ("in March"), it only
                    // excuses the other side's month number, as a spelled number does.
                    if lastWasNumber { result.numbers.insert(month) } else { pendingMonth = month }
                    result.spelled.insert(month)
                } else {
                    pendingMonth = nil
                }
                if let value = name?.spelled { result.spelled.insert(value) }
                lastWasNumber = false
                index = end
                continue
            }
            if !(character.readsAsWhitespace || character == "," || character == ".") {
                lastWasNumber = false
                if character != "'" && character != "’" { pendingMonth = nil }
            }
            index += 1
        }
        return result
    }

    /// The number starting at `start`: a value with its grouping and decimals, or the hour and
    /// minutes of a time (12-hour times converted, zero minutes dropped).
    private static func number(
        _ characters: [Unicode.Scalar], from start: Int, convention: Convention, spacesGroup: Bool
    ) -> ((start: Int, numbers: [String]), Int) {
        func digits(from index: Int) -> Int {
            var end = index
            while end < characters.count, isDigit(characters[end]) { end += 1 }
            return end
        }
        var end = digits(from: start)
        var integer = text(characters[start..<end])
        // A time: h:mm or h h mm, maybe with AM/PM.
        if end + 2 < characters.count, characters[end] == ":", digits(from: end + 1) == end + 3, integer.count <= 2 {
            let minutes = Int(text(characters[(end + 1)..<(end + 3)])) ?? 0
            var after = end + 3
            if after + 2 < characters.count, characters[after] == ":", digits(from: after + 1) == after + 3 {
                after += 3  // seconds
            }
            let (hour, next) = meridiem(characters, hour: Int(integer) ?? 0, from: after)
            return ((start, [String(hour)] + (minutes == 0 ? [] : [String(minutes)])), next)
        }
        let (hour, afterMeridiem) = meridiem(characters, hour: Int(integer) ?? 0, from: end)
        if integer.count <= 2, afterMeridiem != end {
            return ((start, [String(hour)]), afterMeridiem)
        }
        if integer.count <= 2, let (minutes, next) = frenchHour(characters, from: end) {
            return ((start, [String(Int(integer) ?? 0)] + (minutes == 0 ? [] : [String(minutes)])), next)
        }
        // Grouping: a separator followed by exactly three digits.
        while end + 3 < characters.count {
            let separator = characters[end]
            let groups = convention.grouping.contains(separator) || (spacesGroup && separator == " ")
            guard groups, digits(from: end + 1) == end + 4, integer != "0" else { break }
            if separator == "." && convention.decimal == "." { break }
            integer += text(characters[(end + 1)..<(end + 4)])
            end += 4
        }
        var value = String(integer.drop { $0 == "0" })
        if value.isEmpty { value = "0" }
        // The convention's decimal mark, or a point that did not group (`TLS 1.2` in any language).
        if end + 1 < characters.count, characters[end] == convention.decimal || characters[end] == ".",
            characters[end + 1].isASCII,
            characters[end + 1].readsAsNumber
        {
            let fractionEnd = digits(from: end + 1)
            var fraction = text(characters[(end + 1)..<fractionEnd])
            while fraction.hasSuffix("0") { fraction.removeLast() }
            if !fraction.isEmpty { value += "." + fraction }
            end = fractionEnd
        }
        return ((start, [value]), end)
    }

    /// `h AM` / `h p.m.`: the hour on a 24-hour clock and where the marker ends (`from` when there is none).
    private static func meridiem(_ characters: [Unicode.Scalar], hour: Int, from index: Int) -> (Int, Int) {
        var cursor = index
        while cursor < characters.count, characters[cursor] == " " || characters[cursor] == "\u{A0}" { cursor += 1 }
        guard cursor < characters.count else { return (hour, index) }
        let letter = characters[cursor].lowercasedText()
        guard letter == "a" || letter == "p" else { return (hour, index) }
        var next = cursor + 1
        if next < characters.count, characters[next] == "." { next += 1 }
        guard next < characters.count, characters[next].lowercasedText() == "m" else { return (hour, index) }
        next += 1
        if next < characters.count, characters[next] == "." { next += 1 }
        if next < characters.count, isLetter(characters[next]) { return (hour, index) }
        return (hour % 12 + (letter == "p" ? 12 : 0), next)
    }

    /// `14 h 30`, `14h30`, `18 h`: the minutes and where the time ends.
    private static func frenchHour(_ characters: [Unicode.Scalar], from index: Int) -> (Int, Int)? {
        var cursor = index
        if cursor < characters.count, characters[cursor] == " " || characters[cursor] == "\u{A0}" { cursor += 1 }
        guard cursor < characters.count, characters[cursor] == "h" else { return nil }
        cursor += 1
        if cursor < characters.count, isLetter(characters[cursor]) { return nil }
        var minuteStart = cursor
        if minuteStart < characters.count, characters[minuteStart] == " " || characters[minuteStart] == "\u{A0}" {
            minuteStart += 1
        }
        if minuteStart + 1 < characters.count, characters[minuteStart].readsAsNumber, characters[minuteStart + 1].readsAsNumber,
            minuteStart + 2 >= characters.count || !characters[minuteStart + 2].readsAsNumber
        {
            return (Int(text(characters[minuteStart...(minuteStart + 1)])) ?? 0, minuteStart + 2)
        }
        return (0, cursor)
    }

    /// Whether `午後`/`下午`/`오후` (afternoon: `true`) or `午前`/`上午`/`오전` (morning: `false`) comes
    /// right before the number at `start`, spaces aside.
    private static func eastAsianMeridiem(_ characters: [Unicode.Scalar], before start: Int) -> Bool? {
        var end = start
        while end > 0, characters[end - 1] == " " || characters[end - 1] == "\u{3000}" { end -= 1 }
        guard end >= 2, !characters[end - 1].isASCII else { return nil }
        switch text(characters[(end - 2)..<end]) {
        case "午後", "下午", "오후": return true
        case "午前", "上午", "오전": return false
        default: return nil
        }
    }

    /// A single Latin letter glued before one or two digits (`E5`, `P1`): a model number. Not the
    /// `x` of `24x7`, a quarter (`Q4`) or `M365` and `O365`, whose numbers are the sentence's.
    private static func isModelNumber(_ characters: [Unicode.Scalar], at start: Int) -> Bool {
        guard start >= 1, isLatinLetter(characters[start - 1]) else { return false }
        if start >= 2, isLatinLetter(characters[start - 2]) { return false }  // USD15, FY21, Microsoft365
        var digits = start
        while digits < characters.count, characters[digits].isASCII, characters[digits].readsAsNumber { digits += 1 }
        return digits - start <= 2 && !"xXqQtT".unicodeScalars.contains(characters[start - 1])
    }

    /// The letters right after `index` (one space allowed before them) and where they end.
    private static func wordAfter(_ characters: [Unicode.Scalar], from index: Int) -> (word: String, end: Int) {
        var start = index
        if start < characters.count, characters[start] == " " || characters[start] == "-" { start += 1 }
        var end = start
        while end < characters.count, isLetter(characters[end]) { end += 1 }
        // Callers only ever compare short words (`k`): longer ones are not made into strings.
        return (end - start <= 2 ? text(characters[start..<end]) : "", end)
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    private static func ordinalSuffix(_ characters: [Unicode.Scalar], from index: Int) -> Bool {
        var end = index
        while end < characters.count, isLetter(characters[end]) { end += 1 }
        guard end > index, end - index <= 6 else { return false }  // 1 to 3 letters (6 scalars if decomposed)
        let suffix = text(characters[index..<end]).lowercased()
        return ["st", "nd", "rd", "th", "er", "re", "e", "ème", "ère", "eme", "de", "d"].contains(suffix)
    }

    /// The length of the longest month name or spelled-out number, in scalars, with room for a
    /// word written with combining accents.
    private static let longestName = max(
        months.keys.map(\.unicodeScalars.count).max() ?? 0, spelledNumbers.keys.map(\.unicodeScalars.count).max() ?? 0)
        + 4

    private static func numericOrder(_ a: String, _ b: String) -> Bool {
        (Double(a) ?? 0, a) < (Double(b) ?? 0, b)
    }

}

