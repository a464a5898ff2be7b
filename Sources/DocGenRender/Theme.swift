import DocGenCore

/// The look of the site, as values read from `Templates/`: Mustache templates by name
/// (`layout`, `article`, `partials/header`, …), interface strings per language, and static assets.
/// A user restyles the site by editing those files; no Swift changes.
public struct Theme: Sendable {
    /// Template text by name: the path under `Templates/` without `.mustache`.
    public var templates: [String: String]
    /// Interface strings: language code → key → text (from `Templates/strings.yml`).
    public var strings: [String: [String: String]]
    /// Files copied verbatim into the output (CSS, scripts, icons), with output-relative paths.
    public var assets: [OutputFile]

    /// Creates a theme from its parts.
    public init(templates: [String: String], strings: [String: [String: String]], assets: [OutputFile]) {
        self.templates = templates
        self.strings = strings
        self.assets = assets
    }

    /// The interface strings for a language, falling back to English then to the key itself.
    public func strings(for language: Language) -> [String: String] {
        var merged = strings["en"] ?? [:]
        for (key, value) in strings[language.code] ?? [:] { merged[key] = value }
        return merged
    }

    /// One interface string.
    public func string(_ key: String, _ language: Language) -> String {
        strings[language.code]?[key] ?? strings["en"]?[key] ?? key
    }
}
