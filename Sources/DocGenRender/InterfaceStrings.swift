import DocGenCore
import Foundation

/// Fills the variables of the interface texts, so that no text spells a language's name:
///
/// - `{target}`, `{source}`: the name of the target or source language in the text's language
///   (`japonais`, `anglais` in French), from CLDR unless the file sets `language.<code>`;
///   `{Target}`, `{Source}` with a capital first letter, for the start of a label;
/// - `{other}`, `{Other}`: the language of the pair that is not the reader's (the target on
///   source pages, the source on target pages), for links to the other version;
/// - `{targetCode}`, `{sourceCode}`: the upper-case code (`JA`, `EN`), as on the EN buttons;
/// - `{self}`: the reader's language in itself (`日本語`), as in "Read in {self}".
///
/// `languageName` (shown in the language switch) defaults to the reader's language in itself,
/// with a capital first letter (`Français`, `日本語`, `Deutsch`).
enum InterfaceStrings {
    /// The texts for `reader`, written in `textLanguage` (English when the theme lacks the reader's language).
    static func fill(
        _ texts: [String: String], reader: Language, textLanguage: Language, target: Language, source: Language
    ) -> [String: String] {
        let other = reader == target ? source : target
        func name(_ language: Language) -> String {
            texts["language." + language.code] ?? language.name(in: textLanguage)
        }
        let values: [(String, String)] = [
            ("{target}", name(target)), ("{source}", name(source)),
            ("{Target}", name(target).capitalizingFirstLetter), ("{Source}", name(source).capitalizingFirstLetter),
            ("{other}", name(other)), ("{Other}", name(other).capitalizingFirstLetter),
            ("{targetCode}", target.code.uppercased()), ("{sourceCode}", source.code.uppercased()),
            ("{self}", reader.autonym),
        ]
        var filled = texts
        for (key, text) in texts where text.contains("{") {
            var result = text
            for (variable, value) in values { result = result.replacingOccurrences(of: variable, with: value) }
            filled[key] = result
        }
        if textLanguage != reader || texts["languageName"] == nil {
            filled["languageName"] = reader.autonym.capitalizingFirstLetter
        }
        return filled
    }
}
