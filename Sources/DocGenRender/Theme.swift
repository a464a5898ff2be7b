import DocGenCore

/// The look of the site, as values read from `Templates/`: Mustache templates by name
/// (`layout`, `article`, `partials/header`, …), interface strings per language, and static assets.
/// A user restyles the site by editing those files, and adds an interface language by adding a
/// strings file; no Swift changes.
public struct Theme: Sendable {
    /// Template text by name: the path under `Templates/` without `.mustache`.
    public var templates: [String: String]
    /// Interface strings: language tag (`fr`, `zh-Hans`) → key → text, from `Templates/strings/*.yml`
    /// (and the older one-file `strings.yml`). Texts may name languages through variables, see
    /// `InterfaceStrings`.
    public var strings: [String: [String: String]]
    /// Files copied verbatim into the output (CSS, scripts, icons), with output-relative paths.
    public var assets: [OutputFile]
    /// After `resolved`: the language each reader's texts are written in (English for a reader
    /// whose language has no strings file).
    private var textLanguages: [String: Language] = [:]
    /// The (target, source) pair the strings were resolved for, so resolving again costs nothing.
    private var resolvedPair: [Language]?

    /// Creates a theme from its parts.
    public init(templates: [String: String], strings: [String: [String: String]], assets: [OutputFile]) {
        self.templates = templates
        self.strings = strings
        self.assets = assets
    }

    /// The language interface texts are written in for a reader of `language`: the language itself
    /// when the theme has a strings file for it, else English.
    public func interfaceLanguage(for language: Language) -> Language {
        if let resolved = textLanguages[language.code] { return resolved }
        return table(for: language) != nil ? language : .english
    }

    /// Whether the theme has interface strings written for `language` (else its pages fall back to English).
    public func hasStrings(for language: Language) -> Bool { interfaceLanguage(for: language) == language }

    /// The strings file of a language: the tag as written (`fr`, case-insensitive), else the first
    /// file of the same primary language (`zh-Hans` for `zh`), in tag order.
    func table(for language: Language) -> [String: String]? {
        if let exact = strings[language.code] { return exact }
        let candidates = strings.keys.sorted().filter { Language($0).code == language.code }
        return candidates.first.flatMap { strings[$0] }
    }

    /// The interface strings for a language, falling back to English key by key.
    public func strings(for language: Language) -> [String: String] {
        var merged = strings["en"] ?? [:]
        for (key, value) in table(for: language) ?? [:] { merged[key] = value }
        return merged
    }

    /// One interface string.
    public func string(_ key: String, _ language: Language) -> String {
        table(for: language)?[key] ?? strings["en"]?[key] ?? key
    }

    /// The theme with the variables of every text filled in for a site that translates `source`
    /// into `target`: the strings of both languages keyed by their codes. See `InterfaceStrings`.
    public func resolved(target: Language, source: Language) -> Theme {
        if resolvedPair == [target, source] { return self }
        var copy = self
        copy.resolvedPair = [target, source]
        var resolved: [String: [String: String]] = [:]
        for reader in [target, source] {
            let textLanguage = interfaceLanguage(for: reader)
            resolved[reader.code] = InterfaceStrings.fill(
                strings(for: reader), reader: reader, textLanguage: textLanguage, target: target, source: source)
            copy.textLanguages[reader.code] = textLanguage
            // Alerts of the source text shown on a target page are titled in the source language.
            let sourceTexts = strings(for: source)
            for alert in ["Note", "Tip", "Important", "Caution", "Warning"]
            where strings(for: reader)["sourceAlert" + alert] == nil {
                resolved[reader.code]?["sourceAlert" + alert] = sourceTexts["alert." + alert.lowercased()]
            }
        }
        if resolved["en"] == nil { resolved["en"] = strings["en"] }
        copy.strings = resolved
        return copy
    }

    /// A note for a build whose target or source language has no strings file, or `nil`.
    public func missingStringsNote(target: Language, source: Language) -> Diagnostic? {
        let missing = [target, source].filter { !hasStrings(for: $0) }.map(\.code)
        guard !missing.isEmpty else { return nil }
        return Diagnostic(
            "docgen.strings.missing-language", .note, at: nil,
            "the theme has no interface strings for '\(missing.joined(separator: "', '"))': those pages show the interface in English",
            fix: "add Templates/strings/\(missing[0]).yml (a translated copy of strings/en.yml)")
    }
}
