/// The wording of each QA finding, in English and in French: the translator view of a French site
/// speaks French. An empty side is named, never printed as nothing.
enum QAMessage {
    case untranslated
    case identical
    case emphasis(Bool, Int, Int)  // bold?, English count, translation count
    case code([String], [String])
    case linkCount(Int, Int)
    case linkTargets([String], [String])
    case brokenLink(english: Bool)
    case numbers([String], [String])  // missing from the translation, added by it
    case frenchSpacing(Character)

    /// The one-line summary and the fix suggestion.
    func text(french: Bool) -> (summary: String, fix: String?) {
        func list(_ items: [String]) -> String {
            items.isEmpty ? (french ? "(aucun)" : "(none)") : items.joined(separator: " ")
        }
        switch self {
        case .untranslated:
            return french
                ? ("la traduction est vide", "traduire le texte anglais")
                : ("the translation is empty", "translate the English text")
        case .identical:
            return french
                ? ("la traduction est le texte anglais", "le traduire, ou confirmer qu’il reste en anglais")
                : ("the translation is the English text", "translate it, or confirm that it must stay in English")
        case .emphasis(let bold, let source, let target):
            let name = french ? (bold ? "gras" : "italique") : (bold ? "bold" : "italic")
            return french
                ? ("\(source) passage(s) en \(name) dans l’anglais, \(target) dans la traduction", nil)
                : ("\(source) \(name) span(s) in the English, \(target) in the translation", nil)
        case .code(let source, let target):
            return french
                ? ("le code diffère : \(list(source)) ≠ \(list(target))", "recopier le code de l’anglais tel quel")
                : ("code spans differ: \(list(source)) ≠ \(list(target))", "copy code spans from the English unchanged")
        case .linkCount(let source, let target):
            return french
                ? ("\(source) lien(s) dans l’anglais, \(target) dans la traduction", nil)
                : ("\(source) link(s) in the English, \(target) in the translation", nil)
        case .linkTargets(let source, let target):
            return french
                ? ("les liens mènent ailleurs : \(list(source)) ≠ \(list(target))", "reprendre les cibles de l’anglais")
                : ("links point elsewhere: \(list(source)) ≠ \(list(target))", "use the English link targets")
        case .brokenLink(let english):
            let side =
                french ? (english ? "l’anglais" : "la traduction") : (english ? "the English" : "the translation")
            return french
                ? ("\(side) contient « ] ( » : l’espace casse le lien", "supprimer l’espace entre « ] » et « ( »")
                : ("\(side) has '] (': a space breaks the link", "remove the space between ']' and '('")
        case .numbers(let missing, let extra):
            return french
                ? (
                    "nombres différents : absents de la traduction \(list(missing)), ajoutés \(list(extra))",
                    "vérifier dates, heures et quantités"
                )
                : (
                    "numbers differ: missing from the translation \(list(missing)), added \(list(extra))",
                    "check dates, times and quantities"
                )
        case .frenchSpacing(let character):
            return french
                ? (
                    "pas d’espace avant « \(character) » (typographie française)",
                    "mettre une espace insécable (U+00A0 ou U+202F) avant : ; ! ? et dans « »"
                )
                : (
                    "no space before '\(character)' (French typography)",
                    "put a no-break space (U+00A0 or U+202F) before : ; ! ? and inside « »"
                )
        }
    }
}

/// Recognises the names of products and offers, which stay in English in a translation.
enum ProductName {
    private static let brands: Set<String> = [
        "microsoft", "azure", "office", "dynamics", "windows", "teams", "power", "sharepoint", "exchange",
        "onedrive", "skype", "intune", "defender", "visio", "kaizala", "xbox", "linkedin", "github", "sql",
        "d365", "m365", "o365", "bing", "outlook", "yammer", "minecraft", "surface", "hololens", "365",
    ]

    /// Whether a text reads as a name rather than a sentence: a short text with a brand word
    /// (`Microsoft Online Inc.`), or no sentence end and either a brand word or mostly capitalised
    /// words (`Data Lake Store`, `Universal Print volume add-on`).
    static func looksLikeName(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let words = trimmed.split(whereSeparator: { $0.isWhitespace || $0 == "-" || $0 == "(" || $0 == ")" })
        let branded = words.contains(where: { brands.contains($0.lowercased()) })
        if branded && words.count <= 4 { return true }
        if let last = trimmed.last, ".!?:".contains(last) { return false }
        if branded { return true }
        let capitalised = words.filter { $0.first?.isUppercase == true || $0.first?.isNumber == true }.count
        return capitalised * 2 >= words.count
    }
}
