/// The words `NumberCheck` reads as numbers: month names next to a number (a date), spelled-out
/// numbers and ordinals, in English and French, each mapped to the digits it stands for.
extension NumberCheck {
    /// Month names and their usual abbreviations, lower-cased, to the month's number.
    static let months: [String: String] = {
        var table: [String: String] = [:]
        let english = [
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december",
        ]
        let french = [
            "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
            "novembre", "décembre",
        ]
        for (index, name) in english.enumerated() {
            table[name] = String(index + 1)
            table[String(name.prefix(3))] = String(index + 1)
        }
        for (index, name) in french.enumerated() { table[name] = String(index + 1) }
        for (name, month) in [("janv", 1), ("févr", 2), ("avr", 4), ("juil", 7), ("déc", 12)] {
            table[name] = String(month)
        }
        table["mar"] = "3"
        table["sept"] = "9"  // English "Sept 22"; the French word for seven is also read as 7
        return table
    }()

    /// Numbers, ordinals and quantities written as words, lower-cased, to their value.
    static let spelledNumbers: [String: String] = {
        var table: [String: String] = [:]
        let english = [
            "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
            "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
        ]
        let french = [
            "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze",
            "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf", "vingt",
        ]
        for (index, word) in english.enumerated() { table[word] = String(index) }
        for (index, word) in french.enumerated() { table[word] = String(index) }
        let more: [(String, Int)] = [
            ("a", 1), ("an", 1), ("single", 1), ("once", 1), ("first", 1), ("une", 1), ("premier", 1),
            ("première", 1), ("twice", 2), ("second", 2), ("double", 2), ("both", 2), ("deuxième", 2),
            ("seconde", 2), ("deux", 2), ("third", 3), ("troisième", 3), ("fourth", 4), ("quatrième", 4),
            ("fifth", 5), ("cinquième", 5), ("sixth", 6), ("sixième", 6), ("seventh", 7), ("septième", 7),
            ("eighth", 8), ("huitième", 8), ("ninth", 9), ("neuvième", 9), ("tenth", 10), ("dixième", 10),
            ("tiers", 3), ("thirty", 30), ("trente", 30), ("forty", 40), ("quarante", 40),
            ("fifty", 50), ("cinquante", 50), ("sixty", 60), ("soixante", 60), ("hundred", 100), ("cent", 100),
            ("thousand", 1000), ("mille", 1000), ("dozen", 12), ("douzaine", 12),
        ]
        for (word, value) in more { table[word] = String(value) }
        return table
    }()
}

extension NumberCheck {
    /// Both tables in one, so that a word is looked up once: its month and its spelled value.
    static let names: [String: (month: String?, spelled: String?)] = {
        var table: [String: (month: String?, spelled: String?)] = [:]
        for (word, month) in months { table[word, default: (nil, nil)].month = month }
        for (word, value) in spelledNumbers { table[word, default: (nil, nil)].spelled = value }
        return table
    }()
}

/// Which words are worth looking up in `months` and `spelledNumbers`: most words of a sentence
/// are neither, and are not made into lower-cased strings to find that out.
extension NumberCheck {
    /// Whether a word (letters, as `reading` cuts them) may be a month name or a spelled-out
    /// number. A word of ASCII letters can only equal an ASCII name, so it must have the length
    /// and the first two letters of one; a word with another letter (`février`, or an accent
    /// written as a combining mark) is looked up unless its first letter starts no name.
    static func mayBeName(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = word.first else { return false }
        guard first.isASCII else { return true }
        guard nameFirstLetters & (1 << ((first.value | 0x20) &- 0x61)) != 0 else { return false }
        var second: UInt32 = 0
        for (offset, scalar) in word.enumerated() {
            guard scalar.isASCII else { return true }
            if offset == 1 { second = (scalar.value | 0x20) &- 0x60 }
        }
        let shape = nameShape(count: word.count, first: first.value, second: second)
        return shape < asciiNameShapes.count * 64 && asciiNameShapes[shape / 64] & (1 << (shape % 64)) != 0
    }

    /// A word's length and first two letters (`second` is 1 for `a`…, 0 when there is none), as one number.
    private static func nameShape(count: Int, first: UInt32, second: UInt32) -> Int {
        (count * 32 + Int((first | 0x20) &- 0x61)) * 32 + Int(second)
    }

    /// The lower-cased first letters of the names, one bit per ASCII letter.
    private static let nameFirstLetters: UInt32 = (Array(months.keys) + Array(spelledNumbers.keys)).reduce(0) {
        guard let first = $1.unicodeScalars.first, first.value >= 0x61, first.value <= 0x7A else { return $0 }
        return $0 | 1 << (first.value - 0x61)
    }

    /// The shapes of the names written in ASCII letters only, one bit per shape.
    private static let asciiNameShapes: [UInt64] = {
        var bits: [UInt64] = []
        for name in Array(months.keys) + Array(spelledNumbers.keys) {
            let scalars = Array(name.unicodeScalars)
            guard scalars.allSatisfy({ $0.value >= 0x61 && $0.value <= 0x7A }) else { continue }
            let shape = nameShape(
                count: scalars.count, first: scalars[0].value, second: scalars.count > 1 ? scalars[1].value - 0x60 : 0)
            while bits.count <= shape / 64 { bits.append(0) }
            bits[shape / 64] |= 1 << (shape % 64)
        }
        return bits
    }()
}
