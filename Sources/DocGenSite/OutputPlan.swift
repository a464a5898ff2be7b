import DocGenCompile
import DocGenContent
import DocGenCore
import DocGenFlowchart
import Foundation

/// Who writes what in the output, decided before anything is rendered: every output path has
/// one owner. Two files that map to one path (compared as case-insensitive hosts compare
/// them: `a.md` and `a.MD`, `b.md` and `b.yml`) or a file that maps onto a page docgen
/// generates (`coverage.md`, `x.translation.md`) is an error naming both, and only the later one
/// is left out; the rest of the site is built. Owners claim in the order pages reach the
/// staging folder, so its own check (the last line of defence) agrees with this plan.
struct OutputPlan {
    /// What may be written.
    var articles: [Article] = []
    var redirects: [Redirect] = []
    var resources: [String] = []
    /// Refusals and collisions, at the file that lost.
    var diagnostics: [Diagnostic] = []
    /// Output paths (collision keys) reported here, which the staging folder refuses silently.
    var reported: Set<String> = []

    private struct Owner {
        var name: String
        var location: SourceLocation?
    }
    private var files: [String: (owner: Owner, path: String)] = [:]
    private var folders: [String: Owner] = [:]

    /// The form two output paths are compared in: lower-case and with accents composed, as
    /// macOS, Windows and many object stores serve `a.html` and `A.HTML` (or a decomposed `é`) as one file.
    static func collisionKey(_ path: String) -> String {
        // ASCII is its own canonical composition: only non-ASCII paths go through Foundation.
        if path.utf8.allSatisfy({ $0 < 0x80 }) { return path.lowercased() }
        return path.precomposedStringWithCanonicalMapping.lowercased()
    }

    /// The staging folder's report of a second write to one path that no plan foresaw.
    static func secondWriteDiagnostic(_ path: String) -> Diagnostic {
        .error(
            "docgen.output.collision", at: nil,
            "two files map to the output path '\(path)' (compared case-insensitively); only the first was written",
            fix: "rename one of the files")
    }

    /// Plans a site. `articles` are its pages sorted by path, `assets` the theme's files,
    /// `resources` the content files to copy.
    init(
        paths: PagePaths, articles: [Article], redirects: [Redirect], flows: [Flow], assets: [String],
        resources: [String], hasBaseURL: Bool
    ) {
        // The docset's own home page, as `renderHomes` finds it; it claims first, so that a
        // case variant (`Index.md`) cannot take its place.
        let isHome = { (article: Article) in article.path == "index.md" || article.path == "index.yml" }
        let ownHome = articles.contains(where: isHome)
        var generated: [(String, String)] = [
            ("index.html", "the language chooser"), ("404.html", "the 404 page"), ("robots.txt", "robots.txt"),
            (OutputWriter.manifestName, "docgen's manifest"), (paths.coverage, "the coverage page"),
        ]
        if hasBaseURL { generated.append(("sitemap.xml", "the sitemap")) }
        for language in paths.languages {
            let list = ownHome ? language.code + "/articles.html" : paths.home(in: language)
            generated.append((list, ownHome ? "the list of every page" : "the home page"))
            generated.append((language.code + "/toc.html", "the table of contents page"))
        }
        generated += assets.map { ($0, "the theme's file") }
        for (path, name) in generated { _ = claim([path], by: Owner(name: name, location: nil)) }

        // By position, not by path: Swift compares strings by canonical equivalence, so the
        // composed and decomposed spellings of one name are equal strings but two files.
        var kept = [Bool](repeating: false, count: articles.count)
        // The home first; then by path, and by bytes between equal strings, whatever order the
        // filesystem listed them in (deterministic output).
        let order = articles.indices.sorted { a, b in
            let (left, right) = (articles[a], articles[b])
            if isHome(left) != isHome(right) { return isHome(left) }
            if left.path != right.path { return left.path < right.path }
            return left.path.utf8.lexicographicallyPrecedes(right.path.utf8)
        }
        for index in order {
            let article = articles[index]
            let owner = Owner(name: "'\(article.path)'", location: SourceLocation(path: article.path, line: 1))
            var outputs = paths.languages.map { paths.page(forArticle: article.path, in: $0) }
            if article.kind == .markdown {
                outputs.append(SitePath.replacingExtension(of: outputs[0], with: "translation.html"))
            }
            if article.path.lowercased().hasSuffix(".translation.md") {
                refuse(outputs[0], of: owner, because: "the name ending '.translation' is kept for translator views")
                continue
            }
            kept[index] = claim(outputs, by: owner)
        }
        self.articles = articles.indices.filter { kept[$0] }.map { articles[$0] }
        for redirect in redirects {
            let owner = Owner(name: "the redirect of '\(redirect.sourcePath)'", location: redirect.location)
            if claim(paths.languages.map { paths.page(forArticle: redirect.sourcePath, in: $0) }, by: owner) {
                self.redirects.append(redirect)
            }
        }
        for flow in flows.sorted(by: { $0.name < $1.name }) {
            var seen: Set<String> = []
            for node in flow.nodes where seen.insert(node.id).inserted {
                let page = FlowSite.nodePagePath(flowName: flow.name, nodeID: node.id)
                let owner = Owner(name: "the page of flow node '\(node.id)'", location: node.location)
                _ = claim(paths.languages.map { $0.code + "/" + page }, by: owner)
            }
        }
        for resource in resources {
            let owner = Owner(name: "'\(resource)'", location: SourceLocation(path: resource, line: 1))
            if claim([paths.resource(resource)], by: owner) { self.resources.append(resource) }
        }
    }

    /// Takes every path of one owner, or none of them: a path outside the output, or one that a
    /// file or folder of another owner already took, leaves the owner out with an error.
    private mutating func claim(_ outputs: [String], by owner: Owner) -> Bool {
        for path in outputs {
            if let refusal = OutputPath.refusal(path) {
                diagnostics.append(OutputPath.refusedDiagnostic(path, refusal, at: owner.location))
                reported.formUnion(outputs.map(Self.collisionKey))
                return false
            }
            let key = Self.collisionKey(path)
            let ancestors = Self.folders(of: key)
            let claimed = files
            let taken = claimed[key] ?? ancestors.lazy.compactMap({ claimed[$0] }).first
            if let other = taken?.owner ?? folders[key] {
                collide(path, of: owner, with: other, exactly: taken?.path == path)
                reported.formUnion(outputs.map(Self.collisionKey))
                return false
            }
        }
        for path in outputs {
            let key = Self.collisionKey(path)
            files[key] = (owner, path)
            for folder in Self.folders(of: key) where folders[folder] == nil { folders[folder] = owner }
        }
        return true
    }

    private mutating func collide(_ path: String, of owner: Owner, with other: Owner, exactly: Bool) {
        let isGenerated = other.location == nil
        let comparison = exactly ? "" : " (paths compared case-insensitively)"
        diagnostics.append(
            .error(
                isGenerated ? "docgen.output.reserved" : "docgen.output.collision", at: owner.location,
                "\(owner.name) maps to the output path '\(path)', which \(other.name)\(isGenerated ? " (a page docgen generates)" : "") already takes\(comparison); it was not written",
                fix: isGenerated
                    ? "rename \(owner.name): docgen writes its own page there"
                    : "rename \(owner.name) or \(other.name) so that they differ by more than letter case or extension")
        )
    }

    private mutating func refuse(_ path: String, of owner: Owner, because reason: String) {
        diagnostics.append(
            .error(
                "docgen.output.reserved", at: owner.location,
                "\(owner.name) maps to the output path '\(path)': \(reason); it was not written",
                fix: "rename \(owner.name)"))
    }

    /// The folders a path lies in (`a/b/c.html` → `a`, `a/b`).
    private static func folders(of path: String) -> [String] {
        var result: [String] = []
        // An ASCII path (nearly all) is cut at its '/' bytes; any other is read by Character, where
        // a '/' followed by a combining mark is not a separator.
        if path.utf8.allSatisfy({ $0 < 0x80 }) {
            let utf8 = path.utf8
            var index = utf8.startIndex
            while let slash = utf8[index...].firstIndex(of: UInt8(ascii: "/")) {
                result.append(String(path[..<slash]))
                index = utf8.index(after: slash)
            }
            return result
        }
        var index = path.startIndex
        while let slash = path[index...].firstIndex(of: "/") {
            result.append(String(path[..<slash]))
            index = path.index(after: slash)
        }
        return result
    }
}
