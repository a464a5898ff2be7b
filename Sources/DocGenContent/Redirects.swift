import DocGenCore
import Foundation

/// A page that moved: requests for `sourcePath` are sent to `target`.
public struct Redirect: Hashable, Sendable {
    /// Where the old page was (content path, `.md`).
    public var sourcePath: String
    /// Where it went: a page of this site (content path) or an outside URL.
    public var target: Navigation.Target
    /// Where the redirect is declared.
    public var location: SourceLocation
}

/// Reads `.openpublishing.redirection.json` and `redirect_url` front matter into `Redirect`s.
public enum RedirectParser {
    /// Parses a redirection file. `docsetFolder` is the content folder's name as the file's
    /// `source_path`s spell it (`partner-center`) when the file sits in the parent folder, or empty
    /// when it sits in the content folder itself; `pages` are the site's content paths.
    public static func parse(_ file: SourceFile, docsetFolder: String, pages: Set<String>) -> ([Redirect], [Diagnostic])
    {
        guard let object = try? JSONSerialization.jsonObject(with: Data(file.text.utf8)) as? [String: Any],
            let list = object["redirections"] as? [[String: Any]]
        else {
            return (
                [],
                [
                    .warning(
                        "docgen.redirect.invalid-file", at: SourceLocation(path: file.path, line: 1),
                        "the redirection file is not JSON with a 'redirections' list; it is ignored")
                ]
            )
        }
        // An entry's line is the first that holds its quoted source path, found in the bytes (one
        // search of the file per entry; Foundation's `contains` on each line was quadratic).
        var text = file.text
        let lines = LineTable(file.text)
        func line(of source: String) -> Int {
            var needle = "\"\(source)\""
            let found = text.withUTF8 { haystack in
                needle.withUTF8 { ByteSearch.firstIndex(of: $0, in: haystack) }
            }
            return found.map { lines.position(ofOffset: $0).line } ?? 1
        }
        var redirects: [Redirect] = []
        var diagnostics: [Diagnostic] = []
        // An empty docset folder means the file sits at the content root: its paths need no prefix.
        let prefix = docsetFolder.isEmpty ? "" : docsetFolder.lowercased() + "/"
        for entry in list {
            guard let source = entry["source_path"] as? String, let url = entry["redirect_url"] as? String else {
                continue
            }
            let location = SourceLocation(path: file.path, line: line(of: source))
            guard URLPolicy.allows(url) else {
                diagnostics.append(URLPolicy.unsafeDiagnostic(url, what: "redirect_url", at: location))
                continue
            }
            var path = source
            if path.lowercased().hasPrefix(prefix) { path = String(path.dropFirst(prefix.count)) } else { continue }
            // The redirect page is written at this path: it must stay inside the output.
            if let refusal = OutputPath.refusal(path) {
                diagnostics.append(OutputPath.refusedDiagnostic(path, refusal, at: location))
                continue
            }
            if pages.contains(path) {
                diagnostics.append(
                    .warning(
                        "docgen.redirect.shadows-page", at: location,
                        "'\(path)' is redirected but still exists; the page is kept and the redirect ignored",
                        fix: "remove the redirect or the page"))
                continue
            }
            redirects.append(
                Redirect(
                    sourcePath: path, target: target(of: url, docsetFolder: docsetFolder, pages: pages),
                    location: location))
        }
        return (redirects, diagnostics)
    }

    /// The redirect an article declares with `redirect_url` front matter, if any.
    public static func fromFrontMatter(_ article: Article, pages: Set<String>, docsetFolder: String) -> Redirect? {
        guard let url = article.frontMatter.redirectURL, !url.isEmpty else { return nil }
        var resolved = Navigation.Target.external(url)
        if !NavigationBuilder.isExternal(url),
            let path = SitePath.resolve(url, relativeTo: SitePath.directory(of: article.path))
        {
            resolved = pageTarget(path, pages: pages) ?? .external(url)
        } else {
            resolved = target(of: url, docsetFolder: docsetFolder, pages: pages)
        }
        return Redirect(
            sourcePath: article.path, target: resolved, location: SourceLocation(path: article.path, line: 1))
    }

    private static func target(of url: String, docsetFolder: String, pages: Set<String>) -> Navigation.Target {
        let prefix = docsetFolder.isEmpty ? "/" : "/" + docsetFolder.lowercased() + "/"
        if url.lowercased().hasPrefix(prefix) {
            let (path, suffix) = NavigationBuilder.split(String(url.dropFirst(prefix.count)))
            if case .page(let page, _)? = pageTarget(path, pages: pages) { return .page(page, suffix: suffix) }
        }
        return .external(url)
    }

    private static func pageTarget(_ path: String, pages: Set<String>) -> Navigation.Target? {
        for candidate in [path, path + ".md", path + ".yml", path + "/index.md", path + "index.md", path + "index.yml"]
        where pages.contains(candidate) {
            return .page(candidate, suffix: "")
        }
        return nil
    }
}
