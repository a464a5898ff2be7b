import DocGenCore
import Foundation
import Yams

/// What a docset says about itself: DocFX's `docfx.json` (which files are content and
/// resources, global and per-file metadata) and docgen's optional `docgen.yml` (site title,
/// base URL, languages, repository URL). Both are optional; without them every Markdown file is
/// an article and every other file a resource.
public struct DocsetConfiguration: Sendable {
    /// A group of globs with exclusions, as in `build.content` / `build.resource`.
    public struct FileGroup: Sendable {
        /// Globs of included files.
        public var files: [Glob]
        /// Globs of excluded files.
        public var exclude: [Glob]

        /// Whether a path belongs to the group.
        public func contains(_ path: String) -> Bool {
            files.contains { $0.matches(path) } && !exclude.contains { $0.matches(path) }
        }
    }

    /// `build.content` groups; empty means "every Markdown and YAML file".
    public var content: [FileGroup] = []
    /// `build.resource` groups; empty means "every other file".
    public var resources: [FileGroup] = []
    /// `build.globalMetadata`, as text values.
    public var globalMetadata: [String: String] = [:]
    /// `build.fileMetadata`: key → (glob, value) pairs, first match wins.
    public var fileMetadata: [String: [(Glob, String)]] = [:]
    /// The site's title (docgen.yml `title`, else docfx `globalMetadata.titleSuffix`).
    public var siteTitle: String?
    /// Whether authors' raw HTML is held to the allow-list (docgen.yml `safeHTML: true`).
    public var safeHTML = false
    /// The absolute URL the site is published at (docgen.yml `baseURL`), for sitemap and canonical links.
    public var baseURL: String?
    /// The target language code (docgen.yml `language`); else taken from the articles.
    public var targetLanguage: String?
    /// The source language code, the one translated from (docgen.yml `sourceLanguage`); English when unset.
    public var sourceLanguage: String?
    /// A repository URL prefix for "view source" links (docgen.yml `repositoryURL`).
    public var repositoryURL: String?
    /// Where root-relative links such as `/azure/…` point (docgen.yml `rootLinkBase`),
    /// for example `https://docs.microsoft.com/fr-fr`.
    public var rootLinkBase: String?
    /// The git revision translators last worked from (docgen.yml `baseline`): a build marks the
    /// segments whose English changed since then while their translation did not.
    public var baseline: String?
    /// Where `baseline` is written in docgen.yml, for diagnostics about it.
    public var baselineLocation: SourceLocation?

    /// An empty configuration.
    public init() {}

    /// Whether a path is content according to `docfx.json` (always true without one).
    public func isContent(_ path: String) -> Bool {
        content.isEmpty || content.contains { $0.contains(path) }
    }

    /// Whether a path is a resource to copy according to `docfx.json` (always true without one).
    public func isResource(_ path: String) -> Bool {
        resources.isEmpty || resources.contains { $0.contains(path) }
    }

    /// The metadata `docfx.json` gives a file: global values overridden by matching file metadata.
    public func metadata(for path: String) -> [String: String] {
        var result = globalMetadata
        for (key, rules) in fileMetadata {
            if let match = rules.first(where: { $0.0.matches(path) }) { result[key] = match.1 }
        }
        return result
    }

    /// Reads `docfx.json` (may be `nil`) and `docgen.yml` (may be `nil`).
    public static func parse(docfx: SourceFile?, docgen: SourceFile?) -> (DocsetConfiguration, [Diagnostic]) {
        var config = DocsetConfiguration()
        var diagnostics: [Diagnostic] = []
        if let docfx { config.readDocfx(docfx, diagnostics: &diagnostics) }
        if let docgen { config.readDocgen(docgen, diagnostics: &diagnostics) }
        return (config, diagnostics)
    }

    private mutating func readDocfx(_ file: SourceFile, diagnostics: inout [Diagnostic]) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(file.text.utf8)) as? [String: Any] else {
            diagnostics.append(
                .warning(
                    "docgen.config.invalid-docfx", at: SourceLocation(path: file.path, line: 1),
                    "docfx.json is not valid JSON and is ignored", fix: "check commas and quotes"))
            return
        }
        let build = object["build"] as? [String: Any] ?? [:]
        content = Self.groups(build["content"])
        resources = Self.groups(build["resource"])
        for (key, value) in build["globalMetadata"] as? [String: Any] ?? [:] {
            globalMetadata[key] = Self.text(value)
        }
        for (key, value) in build["fileMetadata"] as? [String: Any] ?? [:] {
            let rules = (value as? [String: Any] ?? [:]).sorted { $0.key < $1.key }.map {
                (Glob($0.key), Self.text($0.value))
            }
            fileMetadata[key] = rules
        }
        siteTitle = globalMetadata["titleSuffix"]
    }

    private mutating func readDocgen(_ file: SourceFile, diagnostics: inout [Diagnostic]) {
        do {
            let values = try YAMLDecoder().decode([String: String].self, from: file.text)
            let known: Set<String> = [
                "title", "baseURL", "language", "sourceLanguage", "repositoryURL", "rootLinkBase", "baseline",
                "safeHTML",
            ]
            for key in values.keys.sorted() where !known.contains(key) {
                diagnostics.append(
                    .warning(
                        "docgen.config.unknown-key", at: SourceLocation(path: file.path, line: 1),
                        "unknown docgen.yml key '\(key)' is ignored",
                        fix: "use \(known.sorted().joined(separator: ", "))"))
            }
            siteTitle = values["title"] ?? siteTitle
            // URLs of the configuration are held to the same policy as an article's links.
            func url(_ key: String) -> String? {
                guard let value = values[key] else { return nil }
                guard URLPolicy.allows(value) else {
                    diagnostics.append(
                        URLPolicy.unsafeDiagnostic(
                            value, what: key, at: SourceLocation(path: file.path, line: line(of: key))))
                    return nil
                }
                return value
            }
            func line(of key: String) -> Int {
                (file.text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex {
                    $0.hasPrefix(key + ":")
                } ?? 0) + 1
            }
            baseURL = url("baseURL").map { $0.hasSuffix("/") ? $0 : $0 + "/" }
            targetLanguage = values["language"]
            sourceLanguage = values["sourceLanguage"].flatMap { $0.isEmpty ? nil : $0 }
            repositoryURL = url("repositoryURL")
            rootLinkBase = url("rootLinkBase").map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
            if let safe = values["safeHTML"] {
                safeHTML = ["true", "yes", "on"].contains(safe.lowercased())
            }
            baseline = values["baseline"].flatMap { $0.isEmpty ? nil : $0 }
            if baseline != nil {
                let line = file.text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex {
                    $0.hasPrefix("baseline:")
                }
                baselineLocation = SourceLocation(path: file.path, line: (line ?? 0) + 1)
            }
        } catch {
            diagnostics.append(
                .error(
                    "docgen.config.invalid", at: SourceLocation(path: file.path, line: 1),
                    "docgen.yml must be a list of 'key: value' lines: \(error)", fix: "write e.g. 'title: My docs'"))
        }
    }

    private static func groups(_ value: Any?) -> [FileGroup] {
        (value as? [[String: Any]] ?? []).map { group in
            FileGroup(
                files: strings(group["files"]).map(Glob.init), exclude: strings(group["exclude"]).map(Glob.init))
        }
    }

    private static func strings(_ value: Any?) -> [String] {
        if let list = value as? [String] { return list }
        if let single = value as? String { return [single] }
        return []
    }

    private static func text(_ value: Any) -> String {
        if let string = value as? String { return string }
        if let list = value as? [Any] { return list.map { text($0) }.joined(separator: ", ") }
        return "\(value)"
    }
}
